import { ccpsDetenus, deriverParcours, evenementsEnVigueur, historique, lignesDocuments, type DocumentDelivre, type Evenement, type TitreVersion } from './parcours';

const ev = (id: string, type: Evenement['type'], date: string, extra: Partial<Evenement> = {}): Evenement => ({ id, type, date, ...extra });

// DWWM v03 (2 CCPs) and its revision v04 (2 new CCPs); ADVF shares one CCP with another title
const dwwm3: TitreVersion = { id: 'dwwm-03', ccps: ['ccp-front-03', 'ccp-back-03'] };
const dwwm4: TitreVersion = { id: 'dwwm-04', ccps: ['ccp-front-04', 'ccp-back-04'] };
const advf: TitreVersion = { id: 'advf', ccps: ['ccp-entretien', 'ccp-enfants', 'ccp-accompagnement'] };
const adt: TitreVersion = { id: 'agent-domicile', ccps: ['ccp-entretien', 'ccp-courses'] };
const correspondances = [
  { source: 'ccp-front-03', cible: 'ccp-front-04', valideDu: '2023-01-01', valideAu: '2027-12-31' },
  { source: 'ccp-back-03', cible: 'ccp-back-04', valideDu: '2023-01-01', valideAu: '2027-12-31' },
];

describe('historique', () => {
  test('orders by date, then by recording time, and keeps corrected events marked', () => {
    const events = [
      ev('b', 'RESULTAT_CCP', '2024-06-10', { ccp: 'ccp-front-03', resultat: 'NON_ACQUIS', enregistreLe: '2024-06-11T10:00:00Z' }),
      ev('a', 'INSCRIPTION', '2024-03-01', { titre: 'dwwm-03' }),
      ev('c', 'RESULTAT_CCP', '2024-06-10', { ccp: 'ccp-front-03', resultat: 'ACQUIS', remplace: 'b', enregistreLe: '2024-07-02T09:00:00Z' }),
    ];
    const lines = historique(events);
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(lines[1]).toMatchObject({ corrige: true, corrigePar: 'c' });
    expect(lines[2].corrige).toBe(false);
    expect(evenementsEnVigueur(events).map((e) => e.id)).toEqual(['a', 'c']);
  });
});

describe('ccpsDetenus', () => {
  test('exam and equivalence, earliest date kept', () => {
    const held = ccpsDetenus([
      ev('1', 'RESULTAT_CCP', '2024-06-10', { ccp: 'ccp-front-03', resultat: 'ACQUIS' }),
      ev('2', 'RESULTAT_CCP', '2024-02-10', { ccp: 'ccp-back-03', resultat: 'NON_ACQUIS' }),
      ev('3', 'EQUIVALENCE', '2024-09-01', { ccp: 'ccp-back-03' }),
      ev('4', 'RESULTAT_CCP', '2025-01-10', { ccp: 'ccp-front-03', resultat: 'ACQUIS' }),
    ]);
    expect(held.get('ccp-front-03')).toEqual({ ccp: 'ccp-front-03', date: '2024-06-10', mode: 'EXAMEN', evenement: '1' });
    expect(held.get('ccp-back-03')).toMatchObject({ date: '2024-09-01', mode: 'EQUIVALENCE' });
  });

  test('a result corrected to NON_ACQUIS no longer counts', () => {
    const held = ccpsDetenus([
      ev('1', 'RESULTAT_CCP', '2024-06-10', { ccp: 'ccp-front-03', resultat: 'ACQUIS' }),
      ev('2', 'RESULTAT_CCP', '2024-06-10', { ccp: 'ccp-front-03', resultat: 'NON_ACQUIS', remplace: '1' }),
    ]);
    expect(held.has('ccp-front-03')).toBe(false);
  });

  test('correspondence gives the new version CCP from the later of acquisition and rule start', () => {
    const held = ccpsDetenus([ev('1', 'RESULTAT_CCP', '2022-05-02', { ccp: 'ccp-front-03', resultat: 'ACQUIS' })], correspondances);
    expect(held.get('ccp-front-04')).toEqual({ ccp: 'ccp-front-04', date: '2023-01-01', mode: 'CORRESPONDANCE', evenement: '1', via: 'ccp-front-03' });
  });

  test('correspondence outside its validity gives nothing', () => {
    const held = ccpsDetenus([ev('1', 'RESULTAT_CCP', '2028-02-01', { ccp: 'ccp-front-03', resultat: 'ACQUIS' })], correspondances);
    expect(held.has('ccp-front-04')).toBe(false);
  });

  test('chains of correspondences are followed (v03 → v04 → v05)', () => {
    const held = ccpsDetenus([ev('1', 'RESULTAT_CCP', '2024-01-10', { ccp: 'ccp-front-03', resultat: 'ACQUIS' })], [
      ...correspondances,
      { source: 'ccp-front-04', cible: 'ccp-front-05', valideDu: '2025-01-01' },
    ]);
    expect(held.get('ccp-front-05')).toMatchObject({ date: '2025-01-01', via: 'ccp-front-04' });
  });
});

describe('deriverParcours', () => {
  test('partial success → livret de certification, title not obtained', () => {
    const [bilan] = deriverParcours([ev('1', 'RESULTAT_CCP', '2024-06-10', { ccp: 'ccp-front-03', resultat: 'ACQUIS', titre: 'dwwm-03' })], [dwwm3]);
    expect(bilan).toMatchObject({ titre: 'dwwm-03', titreObtenu: null, livretDeCertification: true });
    expect(bilan.ccps.map((c) => [c.ccp, c.detenu?.mode ?? null])).toEqual([
      ['ccp-front-03', 'EXAMEN'],
      ['ccp-back-03', null],
    ]);
  });

  test('capitalisation: every CCP of the version held → title obtained at the last date', () => {
    const [bilan] = deriverParcours(
      [
        ev('1', 'RESULTAT_CCP', '2024-06-10', { ccp: 'ccp-front-03', resultat: 'ACQUIS' }),
        ev('2', 'EQUIVALENCE', '2025-02-03', { ccp: 'ccp-back-03' }),
      ],
      [dwwm3],
    );
    expect(bilan.titreObtenu).toEqual({ date: '2025-02-03', mode: 'CAPITALISATION' });
    expect(bilan.livretDeCertification).toBe(false);
  });

  test('correspondences between versions count toward the new version', () => {
    const bilans = deriverParcours(
      [
        ev('1', 'RESULTAT_CCP', '2022-06-10', { ccp: 'ccp-front-03', resultat: 'ACQUIS', titre: 'dwwm-03' }),
        ev('2', 'RESULTAT_CCP', '2024-03-15', { ccp: 'ccp-back-04', resultat: 'ACQUIS', titre: 'dwwm-04' }),
      ],
      [dwwm3, dwwm4],
      correspondances,
    );
    const v4 = bilans.find((b) => b.titre === 'dwwm-04')!;
    expect(v4.titreObtenu).toEqual({ date: '2024-03-15', mode: 'CAPITALISATION' });
    expect(v4.ccps[0].detenu).toMatchObject({ mode: 'CORRESPONDANCE', via: 'ccp-front-03', date: '2023-01-01' });
    // the old version is still partial: the new CCP does not flow backwards
    expect(bilans.find((b) => b.titre === 'dwwm-03')).toMatchObject({ titreObtenu: null, livretDeCertification: true });
  });

  test('a CCP common to several titles counts in each', () => {
    const bilans = deriverParcours([ev('1', 'RESULTAT_CCP', '2024-06-10', { ccp: 'ccp-entretien', resultat: 'ACQUIS' })], [advf, adt]);
    expect(bilans.map((b) => [b.titre, b.livretDeCertification])).toEqual([
      ['advf', true],
      ['agent-domicile', true],
    ]);
  });

  test('title obtained in a session', () => {
    const [bilan] = deriverParcours([ev('1', 'RESULTAT_TITRE', '2024-06-12', { titre: 'dwwm-03', resultat: 'TITRE_OBTENU' })], [dwwm3]);
    expect(bilan.titreObtenu).toEqual({ date: '2024-06-12', mode: 'SESSION', evenement: '1' });
  });

  test('a corrected title result: the correction decides, the history keeps both', () => {
    const events = [
      ev('1', 'RESULTAT_TITRE', '2024-06-12', { titre: 'dwwm-03', resultat: 'ECHEC' }),
      ev('2', 'RESULTAT_CCP', '2024-06-12', { titre: 'dwwm-03', ccp: 'ccp-front-03', resultat: 'NON_ACQUIS' }),
      ev('3', 'RESULTAT_CCP', '2024-06-12', { titre: 'dwwm-03', ccp: 'ccp-front-03', resultat: 'ACQUIS', remplace: '2' }),
      ev('4', 'RESULTAT_TITRE', '2024-06-12', { titre: 'dwwm-03', resultat: 'REUSSITE_PARTIELLE', remplace: '1' }),
    ];
    const [bilan] = deriverParcours(events, [dwwm3]);
    expect(bilan).toMatchObject({ titreObtenu: null, livretDeCertification: true });
    expect(bilan.ccps[0].detenu?.evenement).toBe('3');
    expect(historique(events).filter((l) => l.corrige).map((l) => l.id)).toEqual(['1', '2']);
  });

  test('a title obtained then corrected to a failure is no longer obtained', () => {
    const [bilan] = deriverParcours(
      [
        ev('1', 'RESULTAT_TITRE', '2024-06-12', { titre: 'dwwm-03', resultat: 'TITRE_OBTENU' }),
        ev('2', 'RESULTAT_TITRE', '2024-06-12', { titre: 'dwwm-03', resultat: 'ECHEC', remplace: '1' }),
      ],
      [dwwm3],
    );
    expect(bilan).toMatchObject({ titreObtenu: null, livretDeCertification: false });
  });

  test('titles without any event nor CCP held are left out', () => {
    expect(deriverParcours([ev('1', 'INSCRIPTION', '2024-01-01', { titre: 'advf' })], [dwwm3, advf]).map((b) => b.titre)).toEqual(['advf']);
  });
});

describe('documents issued in the history', () => {
  const parchemin: DocumentDelivre = {
    modele: 'parchemin',
    libelle: 'Parchemin du titre professionnel',
    numero: '84-2024-TP-000012',
    objet: 'inscription:insc-1',
    session: 'sess-1',
    sessionNumero: 'S-2024-01',
    dateDelivrance: '2024-06-20',
    lieuDelivrance: 'Lyon',
    delivreLe: '2024-06-20T08:00:00.000Z',
    imprime: true,
    reeditions: [{ date: '2025-02-03', le: '2025-02-03T10:00:00.000Z', motif: 'Changement de nom (état civil)' }],
  };
  const livret: DocumentDelivre = {
    modele: 'livret',
    libelle: 'Livret de certification',
    numero: null,
    objet: 'inscription:insc-0',
    dateDelivrance: '2024-03-15',
    lieuDelivrance: null,
    delivreLe: '2024-03-15T09:00:00.000Z',
    imprime: true,
    reeditions: [],
  };

  test('merged in time order with the events: issue at its date, each reissue at its own date with its reason', () => {
    const events = [
      ev('r1', 'RESULTAT_TITRE', '2024-06-12', { titre: 'dwwm-03', resultat: 'TITRE_OBTENU', enregistreLe: '2024-06-12T16:00:00.000Z' }),
      ev('r0', 'RESULTAT_TITRE', '2024-03-01', { titre: 'dwwm-03', resultat: 'REUSSITE_PARTIELLE' }),
      ev('e1', 'EQUIVALENCE', '2024-09-01', { ccp: 'ccp-back-04' }),
      // same day as the parchemin, recorded after it
      ev('p1', 'PRESENCE', '2024-06-20', { resultat: 'PRESENT', enregistreLe: '2024-06-20T09:30:00.000Z' }),
    ];
    const lines = historique(events, [parchemin, livret]);
    expect(lines.map((l) => [l.type, l.date])).toEqual([
      ['RESULTAT_TITRE', '2024-03-01'],
      ['DOCUMENT', '2024-03-15'],
      ['RESULTAT_TITRE', '2024-06-12'],
      ['DOCUMENT', '2024-06-20'],
      ['PRESENCE', '2024-06-20'],
      ['EQUIVALENCE', '2024-09-01'],
      ['DOCUMENT', '2025-02-03'],
    ]);
    expect(lines[3]).toMatchObject({
      id: 'document:parchemin:84-2024-TP-000012',
      session: 'sess-1',
      resultat: 'DELIVRE',
      corrige: false,
      document: { numero: '84-2024-TP-000012', dateDelivrance: '2024-06-20', lieuDelivrance: 'Lyon', reedition: false, motif: null, nombreReeditions: 1, sessionNumero: 'S-2024-01' },
    });
    expect(lines[6]).toMatchObject({
      resultat: 'REEDITE',
      document: { numero: '84-2024-TP-000012', dateDelivrance: '2024-06-20', reedition: true, motif: 'Changement de nom (état civil)' },
    });
    expect(lines[1]).toMatchObject({ id: 'document:livret:inscription:insc-0', document: { numero: null, modele: 'livret' } });
  });

  test('a reissue the same day follows its issue; a document numbered but not printed yet is shown as such', () => {
    const events = [ev('1', 'RESULTAT_CCP', '2024-06-10', { ccp: 'ccp-front-03', resultat: 'ACQUIS', titre: 'dwwm-03' })];
    const sameDay = { ...parchemin, reeditions: [{ date: '2024-06-20', motif: null }] };
    expect(lignesDocuments([sameDay]).map((l) => l.resultat)).toEqual(['DELIVRE', 'REEDITE']);
    expect(historique([], [sameDay]).map((l) => l.resultat)).toEqual(['DELIVRE', 'REEDITE']);
    expect(historique(events, [{ ...parchemin, imprime: false, reeditions: [] }]).map((l) => l.resultat)).toEqual(['ACQUIS', 'NUMEROTE']);
  });
});
