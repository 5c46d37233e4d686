/**
 * Demo organisations: centres in four régions and one in Nouvelle-Calédonie, their sites, agréments in
 * every statut, a temporary authorisation and two contrôles. Demo only: refused when NODE_ENV=production.
 * Idempotent: a centre already present (by SIRET) is left alone with everything attached to it.
 * Written through the Document Service (a few dozen rows) so that the centre's département and région
 * follow its commune exactly as through the back-office.
 */
import type { Core } from '@strapi/strapi';
import { DEMO_SIRETS } from './demo-users';
import { addMonths, finMaximale, type StatutAgrement } from '../organisations/domain/agrement';

interface DemoCentre {
  key: keyof typeof DEMO_SIRETS;
  raisonSociale: string;
  commune: string;
  codePostal: string;
  adresse: string;
  nda: string;
  sites: string[];
  /** agréments: [index of the demo titre, statut] */
  agrements: [number, StatutAgrement][];
}

const CENTRES: DemoCentre[] = [
  { key: 'lyon', raisonSociale: 'Institut Formation Rhône', commune: '69123', codePostal: '69007', adresse: '12 rue de Gerland', nda: '84691234569', sites: ['Plateau technique de Gerland', 'Atelier de Vaise'], agrements: [[0, 'ACCORDE'], [1, 'DEMANDE'], [2, 'REFUSE']] },
  { key: 'villeurbanne', raisonSociale: 'Campus Métiers Villeurbanne', commune: '69266', codePostal: '69100', adresse: '4 avenue Roger Salengro', nda: '84691234570', sites: ['Campus principal'], agrements: [[0, 'ACCORDE']] },
  { key: 'paris', raisonSociale: 'Paris Formation Compétences', commune: '75056', codePostal: '75015', adresse: '30 rue de Vaugirard', nda: '11751234567', sites: ['Site de Vaugirard'], agrements: [[0, 'ACCORDE'], [1, 'RETIRE'], [2, 'EXPIRE']] },
  { key: 'marseille', raisonSociale: 'Centre Provence Qualification', commune: '13055', codePostal: '13002', adresse: '8 quai du Lazaret', nda: '93131234567', sites: ['Plateau du Lazaret'], agrements: [[1, 'ACCORDE']] },
  { key: 'lille', raisonSociale: 'Nord Emploi Formation', commune: '59350', codePostal: '59000', adresse: '2 rue Nationale', nda: '32591234567', sites: ['Site Euralille'], agrements: [[2, 'DEMANDE']] },
  { key: 'noumea', raisonSociale: 'Centre de formation de Nouméa', commune: '98818', codePostal: '98800', adresse: '5 rue de Sébastopol', nda: '98881234567', sites: ['Plateau de Nouméa'], agrements: [[0, 'ACCORDE']] },
];

const today = () => new Date().toISOString().slice(0, 10);
const minDate = (a: string, b: string | null) => (b && b < a ? b : a);

type Row = { id: number; documentId: string } & Record<string, unknown>;

export async function seedDemoOrganisations(strapi: Core.Strapi) {
  if (process.env.NODE_ENV === 'production') {
    strapi.log.warn('CERES : centres et agréments de démonstration non créés (NODE_ENV=production).');
    return;
  }
  // three titles still valid (the referential is loaded first), the most recent versions first
  const titres = (await strapi.db.query('api::titre.titre').findMany({
    where: { $or: [{ dateFinValidite: { $null: true } }, { dateFinValidite: { $gt: today() } }] },
    orderBy: [{ code: 'asc' }, { version: 'desc' }],
    limit: 3,
  })) as Row[];
  if (titres.length < 3) {
    strapi.log.warn('CERES : moins de trois titres valides dans le référentiel, agréments de démonstration non créés.');
  }
  const documents = <T = Row>(uid: string) => strapi.documents(uid as never) as unknown as { create(args: { data: Record<string, unknown> }): Promise<T> };

  for (const demo of CENTRES) {
    const siret = DEMO_SIRETS[demo.key];
    if (await strapi.db.query('api::centre.centre').findOne({ where: { siret }, select: ['id'] })) continue;
    const commune = (await strapi.db.query('api::commune.commune').findOne({ where: { codeInsee: demo.commune, type: 'COMMUNE_ACTUELLE' }, select: ['documentId'] })) as Row | null;
    if (!commune) {
      strapi.log.warn(`CERES : commune ${demo.commune} absente du référentiel, centre de démonstration ${demo.raisonSociale} non créé.`);
      continue;
    }
    const centre = await documents('api::centre.centre').create({
      data: {
        raisonSociale: demo.raisonSociale,
        siret,
        nda: demo.nda,
        adresse: demo.adresse,
        codePostal: demo.codePostal,
        commune: commune.documentId,
        email: `contact.${demo.key}@centre.demo`,
        telephone: '01 23 45 67 89',
        contactNom: 'Camille Martin',
        contactFonction: 'Responsable des certifications',
        contactEmail: `certifications.${demo.key}@centre.demo`,
        actif: true,
      },
    });
    const sites: Row[] = [];
    for (const nom of demo.sites) {
      sites.push(await documents('api::site.site').create({ data: { nom, centre: centre.documentId, adresse: demo.adresse, codePostal: demo.codePostal, commune: commune.documentId, actif: true } }));
    }
    for (const [index, statut] of demo.agrements) {
      const titre = titres[index];
      if (!titre) continue;
      const limite = finMaximale({ libelle: String(titre.code), dateFinValidite: titre.dateFinValidite as string | null, dateFinProlongation: titre.dateFinProlongation as string | null });
      const expired = statut === 'EXPIRE';
      const dateDebut = expired ? addMonths(today(), -48) : addMonths(today(), statut === 'DEMANDE' ? 1 : -6);
      const dateFin = expired ? addMonths(today(), -1) : minDate(addMonths(dateDebut, 36), limite);
      const decided = statut !== 'DEMANDE';
      const agrement = await documents('api::agrement.agrement').create({
        data: {
          centre: centre.documentId,
          site: sites[0].documentId,
          titre: titre.documentId,
          dateDebut,
          dateFin,
          statut,
          dateDemande: addMonths(dateDebut, -2),
          dateDecision: decided ? addMonths(dateDebut, -1) : null,
          motifDecision: statut === 'REFUSE' ? 'Plateau technique incomplet au regard du référentiel.' : statut === 'RETIRE' ? 'Manquements constatés lors du contrôle.' : null,
        },
      });
      // a request under instruction covered by a temporary authorisation (v1.7)
      if (statut === 'DEMANDE' && demo.key === 'lyon') {
        await documents('api::autorisation-temporaire.autorisation-temporaire').create({
          data: {
            centre: centre.documentId,
            titre: titre.documentId,
            agrement: agrement.documentId,
            dateDebut: addMonths(today(), -1),
            dateFin: addMonths(today(), 5),
            motif: "Session programmée pendant l'instruction de la demande d'agrément.",
            dateDecision: addMonths(today(), -1),
          },
        });
      }
    }
    if (demo.key === 'lyon' || demo.key === 'paris') {
      await documents('api::controle.controle').create({
        data: {
          centre: centre.documentId,
          dateControle: demo.key === 'lyon' ? addMonths(today(), -2) : addMonths(today(), 1),
          type: demo.key === 'lyon' ? 'SUR_PLACE' : 'SUR_PIECES',
          objet: 'Conformité du plateau technique',
          statut: demo.key === 'lyon' ? 'REALISE' : 'PROGRAMME',
          constats: demo.key === 'lyon' ? 'Équipements conformes ; affichage des consignes de sécurité à compléter.' : null,
          suite: demo.key === 'lyon' ? 'OBSERVATIONS' : null,
        },
      });
    }
  }
}
