/**
 * The SQL of the extraction files and of the statistics, over the real tables: table and link-table
 * names are read from Strapi's metadata (not guessed), the counting rules are the domain's `Sql` fragments.
 * Placeholders are PostgreSQL's own ($1…), so arrays bind as arrays (territory codes) — run on pg directly.
 */
import type { Core } from '@strapi/strapi';
import { Sql, type Perimetre, type Semaine, type Fichier } from '../domain/extraction-rules';
import type { StatistiquesFiltre } from '../domain/statistics-rules';

export interface Requete {
  text: string;
  values: unknown[];
}

/** Builds SQL text and its values, turning each `?` of a fragment into the next `$n`. */
export class Builder {
  text = '';
  values: unknown[] = [];
  add(fragment: string, ...bindings: unknown[]): this {
    let used = 0;
    this.text += fragment.replace(/\?/g, () => {
      if (used >= bindings.length) throw new Error(`CERES reporting : valeur manquante pour « ${fragment} »`);
      this.values.push(bindings[used++]);
      return `$${this.values.length}`;
    });
    if (used !== bindings.length) throw new Error(`CERES reporting : valeurs en trop pour « ${fragment} »`);
    return this;
  }
  build(): Requete {
    return { text: this.text, values: this.values };
  }
}

interface Link {
  table: string;
  own: string;
  target: string;
}

type Metadata = { tableName: string; attributes: Record<string, { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }> };

export function schemaOf(strapi: Core.Strapi) {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as Metadata;
  const table = (uid: string) => meta(uid).tableName;
  const link = (uid: string, attribute: string): Link | null => {
    const joinTable = meta(uid).attributes[attribute]?.joinTable;
    return joinTable ? { table: joinTable.name, own: joinTable.joinColumn.name, target: joinTable.inverseJoinColumn.name } : null;
  };
  const required = (uid: string, attribute: string): Link => {
    const found = link(uid, attribute);
    if (!found) throw new Error(`CERES reporting : ${uid}.${attribute} n'est pas une relation avec table de liaison`);
    return found;
  };
  return {
    sessions: table('api::session.session'),
    inscriptions: table('api::inscription.inscription'),
    centres: table('api::centre.centre'),
    departements: table('api::departement.departement'),
    regions: table('api::region.region'),
    titres: table('api::titre.titre'),
    candidats: table('api::candidat.candidat'),
    sessionCentre: required('api::session.session', 'centre'),
    sessionTitre: required('api::session.session', 'titre'),
    centreDepartement: required('api::centre.centre', 'departement'),
    centreRegion: required('api::centre.centre', 'region'),
    departementRegion: required('api::departement.departement', 'region'),
    inscriptionSession: required('api::inscription.inscription', 'session'),
    /** the candidat relation came with the sessions workflow; optional so that files stay producible without it */
    inscriptionCandidat: link('api::inscription.inscription', 'candidat'),
  };
}

export type Schema = ReturnType<typeof schemaOf>;

/**
 * `s` (session) with its centre `c`, the centre's département `d`, région `rc` (or the département's `rd`)
 * and titre `t`: a session belongs to the territory of its centre, as in the sessions resource.
 */
function sessionJoins(db: Schema): string {
  return `
  LEFT JOIN ${db.sessionCentre.table} scl ON scl.${db.sessionCentre.own} = s.id
  LEFT JOIN ${db.centres} c ON c.id = scl.${db.sessionCentre.target}
  LEFT JOIN ${db.centreDepartement.table} cdl ON cdl.${db.centreDepartement.own} = c.id
  LEFT JOIN ${db.departements} d ON d.id = cdl.${db.centreDepartement.target}
  LEFT JOIN ${db.centreRegion.table} crl ON crl.${db.centreRegion.own} = c.id
  LEFT JOIN ${db.regions} rc ON rc.id = crl.${db.centreRegion.target}
  LEFT JOIN ${db.departementRegion.table} drl ON drl.${db.departementRegion.own} = d.id
  LEFT JOIN ${db.regions} rd ON rd.id = drl.${db.departementRegion.target}
  LEFT JOIN ${db.sessionTitre.table} stl ON stl.${db.sessionTitre.own} = s.id
  LEFT JOIN ${db.titres} t ON t.id = stl.${db.sessionTitre.target}`;
}

function candidatJoin(db: Schema): { join: string; columns: string } {
  if (!db.inscriptionCandidat) {
    return { join: '', columns: 'NULL::text AS nom_naissance, NULL::text AS nom_usage, NULL::jsonb AS prenoms, NULL::text AS sexe, NULL::date AS date_naissance' };
  }
  return {
    join: `
  LEFT JOIN ${db.inscriptionCandidat.table} icl ON icl.${db.inscriptionCandidat.own} = i.id
  LEFT JOIN ${db.candidats} ca ON ca.id = icl.${db.inscriptionCandidat.target}`,
    columns: 'ca.nom_naissance, ca.nom_usage, ca.prenoms, ca.sexe, ca.date_naissance',
  };
}

/** R7: the sessions of a territory (same reach as the sessions resource: centre, its département, its région). */
function addPerimetre(q: Builder, perimetre: Perimetre) {
  switch (perimetre.kind) {
    case 'national':
      return q.add(' AND TRUE');
    case 'centres':
      return q.add(' AND c.id = ANY(?::int[])', perimetre.centreIds);
    case 'departements':
      return q.add(' AND d.code = ANY(?::text[])', perimetre.codes);
    case 'regions':
      return q.add(' AND (rc.code = ANY(?::text[]) OR rd.code = ANY(?::text[]))', perimetre.codes, perimetre.codes);
  }
}

const centreNom = 'coalesce(c.nom_commercial, c.raison_sociale)';
const weekBindings = (semaine: Semaine, times: number) => Array.from({ length: times }, () => [semaine.debut, semaine.fin]).flat();

/** The query of one extraction file (R2–R5), ordered for a stable file. */
export function requeteFichier(db: Schema, fichier: Fichier, semaine: Semaine, perimetre: Perimetre): Requete {
  const q = new Builder();
  if (fichier === 'sessions') {
    q.add(`SELECT s.numero, s.type, t.code AS titre_code, t.intitule AS titre_intitule, t.niveau AS titre_niveau,
      ${centreNom} AS centre_nom, c.siret AS centre_siret, d.code AS departement_code, coalesce(rc.code, rd.code) AS region_code,
      s.date_debut, s.date_fin, s.statut, s.date_validation_resultats, s.nb_deverrouillages, s.date_deverrouillage,
      count(i.id) FILTER (WHERE i.statut = 'INSCRIT') AS inscrits,
      count(i.id) FILTER (WHERE ${Sql.presente}) AS presentes,
      count(i.id) FILTER (WHERE i.statut = 'INSCRIT' AND ${Sql.absent}) AS absents,
      count(i.id) FILTER (WHERE i.statut = 'INSCRIT' AND ${Sql.absentJustifie}) AS absents_justifies,
      count(i.id) FILTER (WHERE ${Sql.resultatsOfficiels} AND ${Sql.presente} AND ${Sql.reussiteTotale}) AS reussites_totales,
      count(i.id) FILTER (WHERE ${Sql.resultatsOfficiels} AND ${Sql.presente} AND ${Sql.reussitePartielle}) AS reussites_partielles
    FROM ${db.sessions} s ${sessionJoins(db)}
    LEFT JOIN ${db.inscriptionSession.table} isl ON isl.${db.inscriptionSession.target} = s.id
    LEFT JOIN ${db.inscriptions} i ON i.id = isl.${db.inscriptionSession.own}
    WHERE `);
    q.add(Sql.sessionDeLaSemaine, ...weekBindings(semaine, 3));
    addPerimetre(q, perimetre);
    q.add(' GROUP BY s.id, t.id, c.id, d.id, rc.id, rd.id ORDER BY s.date_fin, s.numero, s.id');
    return q.build();
  }
  const candidat = candidatJoin(db);
  const from = `FROM ${db.inscriptions} i
    JOIN ${db.inscriptionSession.table} isl ON isl.${db.inscriptionSession.own} = i.id
    JOIN ${db.sessions} s ON s.id = isl.${db.inscriptionSession.target} ${sessionJoins(db)} ${candidat.join}
    WHERE `;
  if (fichier === 'inscriptions') {
    q.add(`SELECT s.numero AS session_numero, s.statut AS session_statut, t.code AS titre_code, ${centreNom} AS centre_nom, d.code AS departement_code,
      ${candidat.columns}, i.voie_acces, i.statut, i.date_inscription, i.date_desinscription, i.motif_desinscription ${from}`);
    q.add(Sql.mouvementDInscription, ...weekBindings(semaine, 2));
  } else {
    q.add(`SELECT s.numero AS session_numero, t.code AS titre_code, t.intitule AS titre_intitule, t.niveau AS titre_niveau,
      d.code AS departement_code, coalesce(rc.code, rd.code) AS region_code, ${candidat.columns},
      i.voie_acces, i.presence, ${Sql.presente} AS presente, i.decision, i.resultats_ccp, i.entretien_final,
      s.date_validation_resultats, s.nb_deverrouillages ${from}`);
    q.add(Sql.resultatsDeLaSemaine, ...weekBindings(semaine, 1));
  }
  addPerimetre(q, perimetre);
  q.add(` ORDER BY s.numero, ${db.inscriptionCandidat ? 'ca.nom_naissance, ' : ''}i.id`);
  return q.build();
}

/** the grouping key and label of each axis */
const AXES_SQL: Record<StatistiquesFiltre['axe'], { cle: string; libelle: string }> = {
  ensemble: { cle: "'ensemble'", libelle: "'Ensemble'" },
  titre: { cle: 't.code', libelle: "t.code || ' — ' || t.intitule" },
  niveau: { cle: 't.niveau::text', libelle: "'Niveau ' || t.niveau" },
  // Nouvelle-Calédonie has no région: it is its own line (its département)
  region: { cle: 'coalesce(rc.code, rd.code, d.code)', libelle: 'coalesce(rc.nom, rd.nom, d.nom)' },
  departement: { cle: 'd.code', libelle: "d.code || ' — ' || d.nom" },
  annee: { cle: 'extract(year from s.date_fin)::int::text', libelle: 'extract(year from s.date_fin)::int::text' },
  voieAcces: { cle: 'i.voie_acces', libelle: 'i.voie_acces' },
};

function addFiltres(q: Builder, filtre: StatistiquesFiltre) {
  if (filtre.annee !== undefined) q.add(' AND s.date_fin BETWEEN ?::date AND ?::date', `${filtre.annee}-01-01`, `${filtre.annee}-12-31`);
  if (filtre.titre !== undefined) q.add(' AND t.code = ?', filtre.titre);
  if (filtre.niveau !== undefined) q.add(' AND t.niveau = ?::int', filtre.niveau);
  if (filtre.region !== undefined) q.add(' AND (rc.code = ? OR rd.code = ?)', filtre.region, filtre.region);
  if (filtre.departement !== undefined) q.add(' AND d.code = ?', filtre.departement);
  if (filtre.type !== undefined) q.add(' AND s.type = ?', filtre.type);
  if (filtre.voieAcces !== undefined) q.add(' AND i.voie_acces = ?', filtre.voieAcces);
}

/** Candidates' figures by axis (R4–R6): official results only, one aggregate query. */
export function requeteStatistiques(db: Schema, filtre: StatistiquesFiltre, perimetre: Perimetre): Requete {
  const axe = AXES_SQL[filtre.axe];
  const q = new Builder();
  q.add(`SELECT ${axe.cle} AS cle, min(${axe.libelle}) AS libelle,
      count(*) FILTER (WHERE i.statut = 'INSCRIT')::int AS inscrits,
      count(*) FILTER (WHERE ${Sql.presente})::int AS presentes,
      count(*) FILTER (WHERE i.statut = 'INSCRIT' AND ${Sql.absent})::int AS absents,
      count(*) FILTER (WHERE ${Sql.presente} AND ${Sql.reussiteTotale})::int AS reussites_totales,
      count(*) FILTER (WHERE ${Sql.presente} AND ${Sql.reussitePartielle})::int AS reussites_partielles,
      count(*) FILTER (WHERE ${Sql.presente} AND ${Sql.titreDelivre})::int AS titres_delivres
    FROM ${db.inscriptions} i
    JOIN ${db.inscriptionSession.table} isl ON isl.${db.inscriptionSession.own} = i.id
    JOIN ${db.sessions} s ON s.id = isl.${db.inscriptionSession.target} ${sessionJoins(db)}
    WHERE ${Sql.resultatsOfficiels}`);
  addPerimetre(q, perimetre);
  addFiltres(q, filtre);
  q.add(' GROUP BY 1');
  return q.build();
}

/** Sessions by state (every state, official results or not), same territory and filters but the access route. */
export function requeteSessionsParStatut(db: Schema, filtre: StatistiquesFiltre, perimetre: Perimetre): Requete {
  const q = new Builder();
  q.add(`SELECT s.statut AS cle, count(*)::int AS nombre FROM ${db.sessions} s ${sessionJoins(db)} WHERE TRUE`);
  addPerimetre(q, perimetre);
  addFiltres(q, { ...filtre, voieAcces: undefined });
  q.add(' GROUP BY s.statut');
  return q.build();
}

/** the indexes the queries above need (run at bootstrap, idempotent) */
export function indexes(db: Schema): string[] {
  return [
    `CREATE INDEX IF NOT EXISTS reporting_sessions_date_fin_idx ON ${db.sessions} (date_fin)`,
    `CREATE INDEX IF NOT EXISTS reporting_sessions_date_validation_idx ON ${db.sessions} (date_validation_resultats)`,
    `CREATE INDEX IF NOT EXISTS reporting_sessions_date_deverrouillage_idx ON ${db.sessions} (date_deverrouillage)`,
    `CREATE INDEX IF NOT EXISTS reporting_sessions_statut_idx ON ${db.sessions} (statut, date_fin)`,
    `CREATE INDEX IF NOT EXISTS reporting_inscriptions_date_inscription_idx ON ${db.inscriptions} (date_inscription)`,
    `CREATE INDEX IF NOT EXISTS reporting_inscriptions_date_desinscription_idx ON ${db.inscriptions} (date_desinscription)`,
    `CREATE INDEX IF NOT EXISTS reporting_isl_session_idx ON ${db.inscriptionSession.table} (${db.inscriptionSession.target}, ${db.inscriptionSession.own})`,
    `CREATE INDEX IF NOT EXISTS reporting_scl_session_idx ON ${db.sessionCentre.table} (${db.sessionCentre.own}, ${db.sessionCentre.target})`,
    `CREATE INDEX IF NOT EXISTS reporting_stl_session_idx ON ${db.sessionTitre.table} (${db.sessionTitre.own}, ${db.sessionTitre.target})`,
    `CREATE INDEX IF NOT EXISTS reporting_cdl_centre_idx ON ${db.centreDepartement.table} (${db.centreDepartement.own}, ${db.centreDepartement.target})`,
    `CREATE INDEX IF NOT EXISTS reporting_crl_centre_idx ON ${db.centreRegion.table} (${db.centreRegion.own}, ${db.centreRegion.target})`,
  ];
}
