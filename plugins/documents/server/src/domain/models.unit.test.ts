import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentDataError } from './errors';
import { deTitre, prepareLivret, prepareParchemin, prepareProcesVerbal } from './models';
import { TEMPLATE_IDS, TEMPLATES, isTemplateId, templateOf } from './templates';
import * as F from '../testing/fixtures';

const TEMPLATES_DIR = path.resolve(__dirname, '../../../../../templates');

describe('parchemin data', () => {
  test('born in France: commune (département); born abroad: COUNTRY', () => {
    expect(prepareParchemin(F.parchemin(F.IDENTITES.hayRoses)).naissance).toBe("née le 01/01/1990 à L'Haÿ-les-Roses (Val-de-Marne)");
    expect(prepareParchemin(F.parchemin(F.IDENTITES.urss)).naissance).toBe('née le 08/03/1979 à U.R.S.S.');
    expect(prepareParchemin(F.parchemin(F.IDENTITES.yougoslavie)).naissance).toBe('né le 15/06/1972 à YOUGOSLAVIE');
    expect(prepareParchemin(F.parchemin(F.IDENTITES.coteIvoire)).naissance).toBe("né le 28/02/2001 à Abidjan (CÔTE D'IVOIRE)");
  });

  test('title wording, code, levels, RNCP, NSF, place and date of issue, signatory, number', () => {
    const page = prepareParchemin(F.parchemin(F.IDENTITES.rouvray));
    expect(page).toMatchObject({
      titreIntitule: 'Développeur web et web mobile',
      mentionCode: 'Code du titre : TP-01280',
      niveau: 'Niveau 5 du cadre national des certifications professionnelles (niveau 5 du cadre européen des certifications)',
      mentionRncp: expect.stringContaining('RNCP37674'),
      mentionNsf: 'Code(s) NSF : 326t',
      faitA: 'Fait à Lyon, le 20 mars 2026',
      autorite: 'Pour le préfet de la région Auvergne-Rhône-Alpes, et par délégation,',
      signataire: 'Claire Martin-Dubois',
      numero: '84-2026-TP-000123',
      civilite: 'Monsieur',
      nomComplet: 'Jean-Noël Œuvray-Dupont, nom d’usage D\'Aubigné',
      vuArrete: 'Vu l’arrêté du 21 juillet 2023 relatif au titre professionnel de Développeur web et web mobile ;',
      reedition: '',
    });
  });

  test('a preview without number says so; a reissue says so', () => {
    expect(prepareParchemin(F.parchemin(F.IDENTITES.rouvray, '')).numero).toMatch(/SPÉCIMEN/);
    expect(prepareParchemin({ ...F.parchemin(F.IDENTITES.rouvray), dateReedition: '2027-01-05' }).reedition).toMatch(/^Réédition du 05\/01\/2027/);
  });

  test('hostile text is cleaned, never dropped', () => {
    const page = prepareParchemin(F.parchemin(F.IDENTITES.hostile));
    expect(page.nomComplet).toBe('LineBreak Here O"Brien <b>&amp; {d.secret}');
  });

  test('missing data are refused with the field named', () => {
    const noPlace = F.parchemin({ ...F.IDENTITES.hayRoses, lieuNaissance: {} });
    expect(() => prepareParchemin(noPlace)).toThrow(DocumentDataError);
    try {
      prepareParchemin(noPlace);
    } catch (error) {
      expect(error).toMatchObject({ field: 'titulaire.lieuNaissance', status: 422 });
    }
    expect(() => prepareParchemin({ ...F.parchemin(F.IDENTITES.hayRoses), emetteur: '00' })).toThrow(/Service émetteur inconnu/);
    expect(() => prepareParchemin(F.parchemin({ ...F.IDENTITES.hayRoses, dateNaissance: '1990-02-30' }))).toThrow(/Date de naissance/);
  });

  test('elision before a vowel', () => {
    expect(deTitre('Assistant de vie aux familles')).toBe('d’Assistant de vie aux familles');
    expect(deTitre('Développeur web')).toBe('de Développeur web');
  });
});

describe('other documents', () => {
  test('livret lists the CCPs with date and mode; no CCP, no livret', () => {
    const page = prepareLivret(F.livret(F.IDENTITES.hayRoses));
    expect(page.ccps).toEqual([
      expect.objectContaining({ code: 'CCP1', date: '20/06/2025', modalite: 'Session d’examen', session: 'S-2025-084-00017' }),
      expect.objectContaining({ code: 'CCP2', date: '14/03/2026', modalite: 'Équivalence' }),
    ]);
    expect(() => prepareLivret({ ...F.livret(F.IDENTITES.hayRoses), ccps: [] })).toThrow(/Aucun CCP/);
  });

  test('the PV needs a jury of at least two', () => {
    expect(() => prepareProcesVerbal({ ...F.procesVerbal(), jury: [F.JURES[0]] })).toThrow(/au moins deux/);
    const page = prepareProcesVerbal(F.procesVerbal());
    expect((page.candidats as { decision: string }[]).map((c) => c.decision)).toContain('Réussite partielle');
  });
});

describe('template registry', () => {
  test('ids only from the fixed list; a path is never an id', () => {
    expect(isTemplateId('parchemin')).toBe(true);
    expect(isTemplateId('../../etc/passwd')).toBe(false);
    expect(isTemplateId('toString')).toBe(false);
    expect(() => templateOf('../parchemin.fodt' as never)).toThrow(/inconnu/);
  });

  test.each(TEMPLATE_IDS)('%s: a flat ODT, one page loop, no marker inside an attribute or a comment', (id) => {
    const xml = readFileSync(path.join(TEMPLATES_DIR, TEMPLATES[id].file), 'utf8');
    expect(xml).toContain('office:mimetype="application/vnd.oasis.opendocument.text"');
    expect(xml).toMatch(/\{d\.pages\[i\]\.\w+\}/);
    expect(xml).toMatch(/\{d\.pages\[i\+1\]\.\w+\}/);
    // a marker inside an attribute value would break on a double quote in the data
    expect(xml).not.toMatch(/="[^"]*\{d\./);
    for (const comment of xml.match(/<!--[\s\S]*?-->/g) ?? []) expect(comment).not.toMatch(/[{}]|\[i/);
  });
});
