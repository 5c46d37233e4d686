/**
 * Referentials loaded at every start from data shipped with the application: régions, départements and
 * communes from the npm data package @etalab/decoupage-administratif (COG INSEE), countries and titles from
 * strapi/data/. Idempotent (see ./bulk.ts): a reseed with a changed data file updates the changed rows only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { ensureSeedStateTable, keyOf, loadDataset, seedRow, type DatasetReport, type DatasetSpec, type LinkSpec, type SeedRow } from './bulk';

// ---------------------------------------------------------------- tables (Strapi's naming, checked at boot)

const lnk = (table: string, source: string, target: string, targetTable: string, targetKeyColumns: string[], extra: Partial<LinkSpec> = {}): LinkSpec => ({
  name: '',
  table,
  sourceColumn: source,
  targetColumn: target,
  targetTable,
  targetKeyColumns,
  ...extra,
});

/** uid, attribute → link table as Strapi names it; verified against strapi.db.metadata by checkLinkTables() */
export const LINKS = {
  departementRegion: { uid: 'api::departement.departement', attribute: 'region', ...lnk('departements_region_lnk', 'departement_id', 'region_id', 'regions', ['code']) },
  communeDepartement: { uid: 'api::commune.commune', attribute: 'departement', ...lnk('communes_departement_lnk', 'commune_id', 'departement_id', 'departements', ['code']) },
  communeParente: { uid: 'api::commune.commune', attribute: 'communeParente', ...lnk('communes_commune_parente_lnk', 'commune_id', 'inv_commune_id', 'communes', ['code_insee', 'type']) },
  paysSuccesseur: { uid: 'api::pays.pays', attribute: 'successeur', ...lnk('pays_successeur_lnk', 'pays_id', 'inv_pays_id', 'pays', ['code_insee', 'libelle_cog']) },
  titrePredecesseur: { uid: 'api::titre.titre', attribute: 'predecesseur', ...lnk('titres_predecesseur_lnk', 'titre_id', 'inv_titre_id', 'titres', ['code', 'version']) },
  titreSuccesseur: { uid: 'api::titre.titre', attribute: 'successeur', ...lnk('titres_successeur_lnk', 'titre_id', 'inv_titre_id', 'titres', ['code', 'version']) },
  ccpTitres: {
    uid: 'api::ccp.ccp',
    attribute: 'titres',
    ...lnk('ccps_titres_lnk', 'ccp_id', 'titre_id', 'titres', ['code', 'version'], { ordColumn: 'titre_ord', inverseOrdColumn: 'ccp_ord' }),
  },
  ccpCorrespondances: {
    uid: 'api::ccp.ccp',
    attribute: 'correspondances',
    ...lnk('ccps_correspondances_lnk', 'ccp_id', 'inv_ccp_id', 'ccps', ['code'], { ordColumn: 'ccp_ord' }),
  },
  ccsTitre: { uid: 'api::ccs.ccs', attribute: 'titre', ...lnk('ccss_titre_lnk', 'ccs_id', 'titre_id', 'titres', ['code', 'version'], { inverseOrdColumn: 'ccs_ord' }) },
} as const;

type LinkName = keyof typeof LINKS;
const link = (name: LinkName): LinkSpec => ({ ...LINKS[name], name });

/** Unique indexes on natural keys (Strapi's `unique` creates none) and the lookups the seed and pickers use. */
export const REFERENTIEL_INDEXES = [
  'CREATE UNIQUE INDEX IF NOT EXISTS regions_code_uniq ON regions (code)',
  'CREATE UNIQUE INDEX IF NOT EXISTS departements_code_uniq ON departements (code)',
  'CREATE UNIQUE INDEX IF NOT EXISTS communes_code_type_uniq ON communes (code_insee, type)',
  'CREATE INDEX IF NOT EXISTS communes_nom_idx ON communes (nom)',
  // a code is shared by a State and its territories, and by the successive names of one State (COG)
  'CREATE UNIQUE INDEX IF NOT EXISTS pays_code_libelle_uniq ON pays (code_insee, libelle_cog)',
  'CREATE INDEX IF NOT EXISTS pays_nom_idx ON pays (nom)',
  'CREATE UNIQUE INDEX IF NOT EXISTS titres_code_version_uniq ON titres (code, version)',
  'CREATE UNIQUE INDEX IF NOT EXISTS ccps_code_uniq ON ccps (code)',
  'CREATE UNIQUE INDEX IF NOT EXISTS ccss_code_uniq ON ccss (code)',
  // relation filters (?filter={"departement":…}) look links up by target
  'CREATE INDEX IF NOT EXISTS communes_departement_lnk_target_idx ON communes_departement_lnk (departement_id, commune_id)',
  'CREATE INDEX IF NOT EXISTS communes_commune_parente_lnk_target_idx ON communes_commune_parente_lnk (inv_commune_id, commune_id)',
  'CREATE INDEX IF NOT EXISTS departements_region_lnk_target_idx ON departements_region_lnk (region_id, departement_id)',
  'CREATE INDEX IF NOT EXISTS ccps_titres_lnk_target_idx ON ccps_titres_lnk (titre_id, ccp_id)',
  'CREATE INDEX IF NOT EXISTS ccss_titre_lnk_target_idx ON ccss_titre_lnk (titre_id, ccs_id)',
];

// ---------------------------------------------------------------- data → rows (pure)

export interface EtalabRegion { code: string; nom: string; chefLieu?: string; zone?: string }
export interface EtalabDepartement { code: string; nom: string; region?: string; chefLieu?: string; zone?: string }
export interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  chefLieu?: string;
  commune?: string;
  codesPostaux?: string[];
  population?: number;
}

const isRegionCode = (code: string | undefined) => !!code && /^\d{2}$/.test(code);

export function regionRows(regions: EtalabRegion[]): SeedRow[] {
  // the package lists each collectivité d'outre-mer as a "région" of its own: a région has a 2-digit code
  return regions.filter((r) => isRegionCode(r.code)).map((r) => seedRow(r.code, { code: r.code, nom: r.nom, chef_lieu: r.chefLieu ?? null }));
}

export function departementZone(d: EtalabDepartement): string {
  if (d.code === '988') return 'NOUVELLE_CALEDONIE';
  if (d.zone === 'drom') return 'DROM';
  if (d.zone === 'com') return 'COM';
  return 'METROPOLE';
}

export function departementRows(departements: EtalabDepartement[]): SeedRow[] {
  return departements.map((d) =>
    seedRow(d.code, { code: d.code, nom: d.nom, zone: departementZone(d), chef_lieu: d.chefLieu ?? null }, { region: isRegionCode(d.region) ? [d.region as string] : [] }),
  );
}

export const COMMUNE_TYPES: Record<string, string> = {
  'commune-actuelle': 'COMMUNE_ACTUELLE',
  'commune-deleguee': 'COMMUNE_DELEGUEE',
  'commune-associee': 'COMMUNE_ASSOCIEE',
  'arrondissement-municipal': 'ARRONDISSEMENT_MUNICIPAL',
};

export function communeRows(communes: EtalabCommune[]): SeedRow[] {
  const rows: SeedRow[] = [];
  for (const c of communes) {
    const type = COMMUNE_TYPES[c.type];
    if (!type) continue;
    // the parent of a commune déléguée/associée is its chef-lieu, of a municipal arrondissement its commune
    const parent = type === 'COMMUNE_ACTUELLE' ? undefined : (c.chefLieu ?? c.commune);
    rows.push(
      seedRow(
        keyOf([c.code, type]),
        { code_insee: c.code, nom: c.nom, type, codes_postaux: c.codesPostaux?.length ? c.codesPostaux : null, population: c.population ?? null },
        { departement: c.departement ? [c.departement] : [], communeParente: parent ? [keyOf([parent, 'COMMUNE_ACTUELLE'])] : [] },
      ),
    );
  }
  return rows;
}

export interface PaysData {
  codeInsee: string;
  libelleCog: string;
  nom: string;
  nomOfficiel?: string;
  codeIso2?: string;
  codeIso3?: string;
  nature: 'ETAT' | 'ANCIEN_ETAT' | 'TERRITOIRE';
  dateDebut?: string;
  dateFin?: string;
  successeur?: string;
}

const PAYS_COLUMNS = ['codeInsee', 'libelleCog', 'nom', 'codeIso2', 'codeIso3', 'nature', 'dateDebut', 'dateFin', 'successeur', 'nomOfficiel'] as const;

/** strapi/data/pays.csv: `;`-separated, header line, `#` comments */
export function parsePaysCsv(text: string): PaysData[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines.shift()?.split(';') ?? [];
  if (PAYS_COLUMNS.some((c, i) => header[i] !== c)) throw new Error(`pays.csv : en-tête attendu ${PAYS_COLUMNS.join(';')}`);
  return lines.map((line, index) => {
    const cells = line.split(';');
    const value = (i: number) => (cells[i] ?? '').trim() || undefined;
    const pays = {
      codeInsee: value(0),
      libelleCog: value(1),
      nom: value(2),
      codeIso2: value(3),
      codeIso3: value(4),
      nature: value(5),
      dateDebut: value(6),
      dateFin: value(7),
      successeur: value(8),
      nomOfficiel: value(9),
    };
    if (!pays.codeInsee || !/^99\d{3}$/.test(pays.codeInsee) || !pays.libelleCog || !pays.nom || !['ETAT', 'ANCIEN_ETAT', 'TERRITOIRE'].includes(pays.nature ?? '')) {
      throw new Error(`pays.csv, ligne ${index + 2} invalide : ${line}`);
    }
    return pays as PaysData;
  });
}

export const paysKey = (codeInsee: string, libelleCog: string) => keyOf([codeInsee, libelleCog]);

export function paysRows(pays: PaysData[]): SeedRow[] {
  // the successor is named by its code: the row of that code that is a current State (else the latest one)
  const currentByCode = new Map<string, PaysData>();
  for (const p of pays) {
    const known = currentByCode.get(p.codeInsee);
    const rank = (x: PaysData) => (x.nature === 'ETAT' && !x.dateFin ? 2 : x.nature !== 'TERRITOIRE' ? 1 : 0);
    if (!known || rank(p) > rank(known)) currentByCode.set(p.codeInsee, p);
  }
  return pays.map((p) => {
    const successor = p.successeur ? currentByCode.get(p.successeur) : undefined;
    return seedRow(
      paysKey(p.codeInsee, p.libelleCog),
      {
        code_insee: p.codeInsee,
        libelle_cog: p.libelleCog,
        nom: p.nom,
        nom_officiel: p.nomOfficiel ?? null,
        code_iso_2: p.codeIso2 ?? null,
        code_iso_3: p.codeIso3 ?? null,
        nature: p.nature,
        date_debut: p.dateDebut ?? null,
        date_fin: p.dateFin ?? null,
      },
      { successeur: successor && successor !== p ? [paysKey(successor.codeInsee, successor.libelleCog)] : p.successeur ? [paysKey(p.successeur, '?')] : [] },
    );
  });
}

export interface TitreData {
  code: string;
  version: number;
  intitule: string;
  sigle?: string;
  typeCertification?: 'TITRE_PROFESSIONNEL' | 'CERTIFICATION_SPECIFIQUE';
  niveau?: number;
  codeRncp?: string;
  codeRs?: string;
  codeNsf?: string;
  dateDebutValidite?: string;
  dateFinValidite?: string;
  dateFinProlongation?: string;
  statut?: 'ACTIF' | 'EN_PROLONGATION' | 'CLOTURE' | 'REMPLACE';
  /** "TP-01280@2018" */
  predecesseur?: string;
  successeur?: string;
  /** CCPs in rank order: codes of the `ccps` list */
  ccps: string[];
  ccss?: { code: string; intitule: string; codeRncp?: string; dateDebutValidite?: string; dateFinValidite?: string }[];
}

export interface CcpData {
  code: string;
  intitule: string;
  codeBlocRncp?: string;
  /** codes of the CCPs of an earlier version this one corresponds to */
  correspondances?: string[];
}

export interface TitresFile {
  titres: TitreData[];
  ccps: CcpData[];
}

export const titreKey = (code: string, version: number | string) => keyOf([code, version]);
const parseTitreRef = (ref: string) => {
  const [code, version] = ref.split('@');
  return titreKey(code, version);
};

export function titreRows(file: TitresFile): { titres: SeedRow[]; ccps: SeedRow[]; ccss: SeedRow[] } {
  const titres = file.titres.map((t) =>
    seedRow(
      titreKey(t.code, t.version),
      {
        code: t.code,
        version: t.version,
        intitule: t.intitule,
        sigle: t.sigle ?? null,
        type_certification: t.typeCertification ?? 'TITRE_PROFESSIONNEL',
        niveau: t.niveau ?? null,
        // the 2019 national framework's levels 3-6 are the EQF levels 3-6
        niveau_eqf: t.niveau ?? null,
        code_rncp: t.codeRncp ?? null,
        code_rs: t.codeRs ?? null,
        code_nsf: t.codeNsf ?? null,
        date_debut_validite: t.dateDebutValidite ?? null,
        date_fin_validite: t.dateFinValidite ?? null,
        date_fin_prolongation: t.dateFinProlongation ?? null,
        statut: t.statut ?? 'ACTIF',
      },
      { predecesseur: t.predecesseur ? [parseTitreRef(t.predecesseur)] : [], successeur: t.successeur ? [parseTitreRef(t.successeur)] : [] },
    ),
  );
  // a CCP may belong to several titles (CCP communs): its titles and its rank come from the titles listing it
  const titresOfCcp = new Map<string, string[]>();
  const rangOfCcp = new Map<string, number>();
  for (const t of file.titres) {
    t.ccps.forEach((code, index) => {
      titresOfCcp.set(code, [...(titresOfCcp.get(code) ?? []), titreKey(t.code, t.version)]);
      if (!rangOfCcp.has(code)) rangOfCcp.set(code, index + 1);
    });
  }
  const ccps = file.ccps.map((c) =>
    seedRow(
      c.code,
      { code: c.code, intitule: c.intitule, rang: rangOfCcp.get(c.code) ?? null, code_bloc_rncp: c.codeBlocRncp ?? null },
      { titres: titresOfCcp.get(c.code) ?? [], correspondances: c.correspondances ?? [] },
    ),
  );
  const ccss = file.titres.flatMap((t) =>
    (t.ccss ?? []).map((s) =>
      seedRow(
        s.code,
        { code: s.code, intitule: s.intitule, code_rncp: s.codeRncp ?? null, date_debut_validite: s.dateDebutValidite ?? null, date_fin_validite: s.dateFinValidite ?? null },
        { titre: [titreKey(t.code, t.version)] },
      ),
    ),
  );
  return { titres, ccps, ccss };
}

// ---------------------------------------------------------------- files and loading

export interface ReferentielSources {
  regions: EtalabRegion[];
  departements: EtalabDepartement[];
  communes: EtalabCommune[];
  pays: PaysData[];
  titres: TitresFile;
}

const DECOUPAGE = '@etalab/decoupage-administratif/data';
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** @param dataDir strapi/data */
export function readSources(dataDir: string): ReferentielSources {
  return {
    regions: readJson(require.resolve(`${DECOUPAGE}/regions.json`)),
    departements: readJson(require.resolve(`${DECOUPAGE}/departements.json`)),
    communes: readJson(require.resolve(`${DECOUPAGE}/communes.json`)),
    pays: parsePaysCsv(readFileSync(path.join(dataDir, 'pays.csv'), 'utf8')),
    titres: readJson(path.join(dataDir, 'titres.json')),
  };
}

export function datasets(sources: ReferentielSources): DatasetSpec[] {
  const t = titreRows(sources.titres);
  return [
    { name: 'regions', table: 'regions', keyColumns: ['code'], rows: regionRows(sources.regions), links: [] },
    { name: 'departements', table: 'departements', keyColumns: ['code'], rows: departementRows(sources.departements), links: [{ ...link('departementRegion'), name: 'region' }] },
    {
      name: 'communes',
      table: 'communes',
      keyColumns: ['code_insee', 'type'],
      rows: communeRows(sources.communes),
      links: [
        { ...link('communeDepartement'), name: 'departement' },
        { ...link('communeParente'), name: 'communeParente' },
      ],
    },
    { name: 'pays', table: 'pays', keyColumns: ['code_insee', 'libelle_cog'], rows: paysRows(sources.pays), links: [{ ...link('paysSuccesseur'), name: 'successeur' }] },
    {
      name: 'titres',
      table: 'titres',
      keyColumns: ['code', 'version'],
      rows: t.titres,
      links: [
        { ...link('titrePredecesseur'), name: 'predecesseur' },
        { ...link('titreSuccesseur'), name: 'successeur' },
      ],
    },
    {
      name: 'ccps',
      table: 'ccps',
      keyColumns: ['code'],
      rows: t.ccps,
      links: [
        { ...link('ccpTitres'), name: 'titres' },
        { ...link('ccpCorrespondances'), name: 'correspondances' },
      ],
    },
    { name: 'ccss', table: 'ccss', keyColumns: ['code'], rows: t.ccss, links: [{ ...link('ccsTitre'), name: 'titre' }] },
  ];
}

export async function ensureReferentielIndexes(knex: Knex, warn: (message: string) => void) {
  await ensureSeedStateTable(knex);
  for (const statement of REFERENTIEL_INDEXES) {
    try {
      await knex.raw(statement);
    } catch (error) {
      // duplicates entered before the index existed must not stop the server: say which index is missing
      warn(`CERES : index non créé (${statement}) : ${(error as Error).message}`);
    }
  }
}

/** Loads every referential in one transaction. Usable without Strapi (tests, scripts) given a knex connection. */
export async function seedReferentiels(knex: Knex, sources: ReferentielSources): Promise<DatasetReport[]> {
  return knex.transaction(async (trx) => {
    const reports: DatasetReport[] = [];
    for (const dataset of datasets(sources)) {
      const report = await loadDataset(trx, dataset);
      // fresh planner statistics for what changed (a first load is 37 590 communes): the plans and the estimated
      // list totals (bridge repository.ts) must not wait for autovacuum
      if (report.inserted + report.updated > 0) await trx.raw(`ANALYZE ${dataset.table}`);
      reports.push(report);
    }
    return reports;
  });
}

// ---------------------------------------------------------------- inside Strapi

interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** The link tables written by the seed must be the ones Strapi reads: fail loudly at boot otherwise. */
export function checkLinkTables(getMeta: (uid: string) => { attributes: Record<string, { joinTable?: JoinTableMeta }> }) {
  for (const [name, spec] of Object.entries(LINKS)) {
    const joinTable = getMeta(spec.uid).attributes[spec.attribute]?.joinTable;
    if (!joinTable || joinTable.name !== spec.table || joinTable.joinColumn.name !== spec.sourceColumn || joinTable.inverseJoinColumn.name !== spec.targetColumn) {
      throw new Error(`CERES : table de liaison inattendue pour ${name} (${spec.uid}.${spec.attribute}) : ${JSON.stringify(joinTable)}`);
    }
  }
}

export async function seedReferentielsInStrapi(strapi: Core.Strapi) {
  const knex = strapi.db.connection as unknown as Knex;
  checkLinkTables((uid) => strapi.db.metadata.get(uid as never) as never);
  await ensureReferentielIndexes(knex, (message) => strapi.log.warn(message));
  const started = Date.now();
  const reports = await seedReferentiels(knex, readSources(path.join(strapi.dirs.app.root, 'data')));
  for (const report of reports) {
    if (report.missingTargets.length) {
      strapi.log.warn(`CERES : référentiel ${report.name}, liens vers des clés inconnues : ${report.missingTargets.slice(0, 10).join(', ')}`);
    }
  }
  strapi.log.info(`CERES : durées du chargement des référentiels : ${JSON.stringify(reports.map((r) => [r.name, r.timings]))}`);
  const summary = reports.map((r) => (r.skipped ? `${r.name} ${r.total} (inchangé)` : `${r.name} ${r.total} (+${r.inserted}, ~${r.updated})`)).join(', ');
  strapi.log.info(`CERES : référentiels chargés en ${Date.now() - started} ms : ${summary}`);
}
