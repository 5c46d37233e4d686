import { documentsDelivres, MODELES_DELIVRES, type DelivranceLue, type EditionLue } from './delivrances';

const objets = [
  { objet: 'inscription:a', session: 'sess-a', sessionNumero: 'S-A' },
  { objet: 'inscription:b', session: 'sess-b', sessionNumero: 'S-B' },
];
const parchemin: DelivranceLue = { numero: '84-2026-TP-000004', templateId: 'parchemin', objet: 'inscription:a', emetteur: '84', dateDelivrance: '2026-03-20', lieuDelivrance: 'Lyon', createdAt: new Date('2026-03-20T09:00:00Z') };
const edition = (e: Partial<EditionLue> & { createdAt: string }): EditionLue => ({ templateId: 'parchemin', objet: 'inscription:a', numero: parchemin.numero, reedition: false, motif: null, ...e });

test('only certifications are issued to a holder', () => {
  expect([...MODELES_DELIVRES].sort()).toEqual(['certificat-ccs', 'livret', 'parchemin']);
});

test('a numbered document: its issue, then each reissue with its date (issuer’s day) and reason', () => {
  const [doc] = documentsDelivres(objets, [parchemin], [
    edition({ createdAt: '2026-09-01T23:30:00Z', reedition: true, motif: 'Changement de nom (état civil)' }),
    edition({ createdAt: '2026-03-20T09:00:01Z' }),
  ]);
  expect(doc).toEqual({
    modele: 'parchemin',
    libelle: 'Parchemin du titre professionnel',
    numero: '84-2026-TP-000004',
    objet: 'inscription:a',
    session: 'sess-a',
    sessionNumero: 'S-A',
    dateDelivrance: '2026-03-20',
    lieuDelivrance: 'Lyon',
    delivreLe: '2026-03-20T09:00:00.000Z',
    imprime: true,
    // 23:30 UTC is already the 2nd of September in Paris
    reeditions: [{ date: '2026-09-02', le: '2026-09-01T23:30:00.000Z', motif: 'Changement de nom (état civil)' }],
  });
});

test('numbered at validation, never printed: shown as not printed; Nouméa’s day for its reissues', () => {
  const nc: DelivranceLue = { ...parchemin, numero: 'NC-2026-CCS-000001', templateId: 'certificat-ccs', emetteur: '988', objet: 'inscription:b', lieuDelivrance: 'Nouméa' };
  const [seul] = documentsDelivres(objets, [nc], []);
  expect(seul).toMatchObject({ imprime: false, reeditions: [], libelle: 'Certificat complémentaire de spécialisation', sessionNumero: 'S-B' });
  const [imprime] = documentsDelivres(objets, [nc], [
    edition({ templateId: 'certificat-ccs', objet: 'inscription:b', numero: nc.numero, createdAt: '2026-03-20T10:00:00Z' }),
    edition({ templateId: 'certificat-ccs', objet: 'inscription:b', numero: nc.numero, createdAt: '2026-04-01T14:00:00Z', reedition: true, motif: 'Perte' }),
  ]);
  expect(imprime.reeditions).toEqual([{ date: '2026-04-02', le: '2026-04-01T14:00:00.000Z', motif: 'Perte' }]);
});

test('a livret (not numbered): issued at its first edition, later editions are its reissues; oldest document first', () => {
  const docs = documentsDelivres(objets, [parchemin], [
    edition({ createdAt: '2026-03-20T09:00:01Z' }),
    { templateId: 'livret', objet: 'inscription:b', numero: null, reedition: false, motif: null, createdAt: '2025-11-05T08:00:00Z' },
    { templateId: 'livret', objet: 'inscription:b', numero: null, reedition: false, motif: null, createdAt: '2025-11-06T08:00:00Z' },
    // not a document issued to the candidate
    { templateId: 'convocation-candidat', objet: 'inscription:b', numero: null, reedition: false, motif: null, createdAt: '2025-10-01T08:00:00Z' },
  ]);
  expect(docs.map((d) => [d.modele, d.dateDelivrance, d.reeditions.map((r) => r.date)])).toEqual([
    ['livret', '2025-11-05', ['2025-11-06']],
    ['parchemin', '2026-03-20', []],
  ]);
  expect(docs[0]).toMatchObject({ numero: null, lieuDelivrance: null, session: 'sess-b', libelle: 'Livret de certification', imprime: true });
});
