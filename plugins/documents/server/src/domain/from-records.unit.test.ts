import { candidatSessionOf, emetteurOf, jureOf, personneOf, sessionOf, titreOf } from './from-records';
import { prepareParchemin } from './models';

describe('records → document input', () => {
  test('birth commune: the label stored as at birth wins over the current referential', () => {
    const p = personneOf({
      nomNaissance: 'Dupont',
      prenoms: ['Anne', 'Marie'],
      sexe: 'F',
      dateNaissance: '1970-05-04',
      communeNaissanceLibelle: 'Saint-Étienne-du-Rouvray',
      communeNaissanceDepartement: 'Seine-Maritime',
      communeNaissance: { nom: 'Nom actuel', departement: { code: '76', nom: 'Seine-Maritime' } },
    });
    expect(p.lieuNaissance.commune).toEqual({ nom: 'Saint-Étienne-du-Rouvray', departement: { nom: 'Seine-Maritime' } });
    expect(p.prenoms).toEqual(['Anne', 'Marie']);
  });

  test('born abroad: the country (former countries included) and the foreign town', () => {
    const p = personneOf({ nomNaissance: 'Ivanova', prenoms: 'Ludmila', sexe: 'F', dateNaissance: '1979-03-08', paysNaissance: { nom: 'U.R.S.S.' }, villeNaissanceEtranger: 'Kiev' });
    expect(p.lieuNaissance).toEqual({ commune: null, pays: { nom: 'U.R.S.S.' }, villeEtrangere: 'Kiev' });
    const page = prepareParchemin({ titulaire: p, titre: titreOf({ code: 'TP-1', intitule: 'X', niveau: 3 }), dateJury: '2026-01-01', emetteur: '84', lieuDelivrance: 'Lyon', dateDelivrance: '2026-01-02' });
    expect(page.naissance).toBe('née le 08/03/1979 à Kiev (U.R.S.S.)');
  });

  test('titre: NSF codes split, level kept', () => {
    expect(titreOf({ code: 'TP-01280', intitule: 'DWWM', niveau: 5, codeRncp: 'RNCP37674', codeNsf: '326t, 326n' })).toMatchObject({ codesNsf: ['326t', '326n'], niveau: 5, codeRncp: 'RNCP37674' });
  });

  test('session, inscription and juror', () => {
    const s = sessionOf({ numero: 'S-1', type: 'CCP', titre: { code: 'TP-1', intitule: 'T', niveau: 4 }, ccps: [{ code: 'C1', intitule: 'Bloc 1' }], dateDebut: '2026-01-01', dateFin: '2026-01-02', centre: { raisonSociale: 'Centre', adresse: '1 rue A', codePostal: '69007', commune: { nom: 'Lyon' } }, lieu: 'Salle 3', responsableSession: 'M. R' });
    expect(s).toMatchObject({ numero: 'S-1', ccps: [{ code: 'C1', intitule: 'Bloc 1' }], centre: { nom: 'Centre', adresse: { lignes: ['1 rue A'], codePostal: '69007', commune: 'Lyon' } }, lieu: { nom: 'Salle 3' }, responsable: { nom: 'M. R' } });
    const c = candidatSessionOf({ candidat: { nomNaissance: 'X', prenoms: ['Y'], dateNaissance: '2000-01-01' }, presence: 'PRESENT', resultatsCcp: { C1: 'ACQUIS' }, decision: 'REUSSITE_PARTIELLE' });
    expect(c).toMatchObject({ ccps: [{ code: 'C1', resultat: 'ACQUIS' }], decision: 'REUSSITE_PARTIELLE' });
    expect(jureOf({ civilite: 'MME', nom: 'Z', prenom: 'A', telephone: '06', adresse: '5 rue B', codePostal: '69003', commune: { nom: 'Lyon' } })).toMatchObject({ civilite: 'F', telephone: '06', adresse: { lignes: ['5 rue B'], codePostal: '69003', commune: 'Lyon' } });
  });

  test('issuer: the centre’s région, or Nouvelle-Calédonie for 988, with its seat', () => {
    expect(emetteurOf({ centre: { region: { code: '84', nom: 'Auvergne-Rhône-Alpes', chefLieu: 'Lyon' } } })).toEqual({ code: '84', lieu: 'Lyon' });
    expect(emetteurOf({ departement: { code: '988', chefLieu: 'Nouméa' }, centre: {} })).toEqual({ code: '988', lieu: 'Nouméa' });
    expect(emetteurOf({ centre: {} })).toBeNull();
  });
});
