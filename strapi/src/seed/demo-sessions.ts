/**
 * Demo exam sessions, so that every demo profile has a session to look at and act on: at the Lyon demo
 * centre (Institut Formation Rhône) one session in preparation (centre.lyon declares it), one declared
 * (ud.rhone validates it), one with its convocations sent, candidates and a jury of two habilitated jurors
 * (centre.lyon enters the results), one whose results were validated two months ago (results per CCP,
 * decisions and the candidates' parcours events as the workflow writes them) and one cancelled; at the
 * Paris demo centre one validated session (ud.paris / centre.paris see it, the Lyon users do not).
 * Each session names its site and the centre's agrément ACCORDE covering it (domain/couverture.ts of the
 * sessions plugin) and carries its centre's département; dates are relative to today and respect the
 * configured delays. Only states and data the state machine could have produced.
 * Demo only (refused when NODE_ENV=production); idempotent: a session already present (same `numero`) is
 * left alone with everything attached to it, a demo candidate already present (same birth name and date)
 * is reused. Written with the query engine in one transaction (the workflow writes these rows itself);
 * the few candidates missing are created through the Document Service as in demo-candidats.ts.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DEMO_SIRETS } from './demo-users';
import { addMonths } from '../organisations/domain/agrement';

type Row = { id: number; documentId: string } & Record<string, any>;
type Etat = 'EN_PREPARATION' | 'DECLAREE' | 'VALIDEE' | 'CONVOCATIONS_ENVOYEES' | 'RESULTATS_VALIDES' | 'ANNULEE';
type Decision = 'TITRE_OBTENU' | 'REUSSITE_PARTIELLE';

const SESSION = 'api::session.session';
const INSCRIPTION = 'api::inscription.inscription';
const MEMBRE_JURY = 'api::membre-jury.membre-jury';
const EVENEMENT = 'api::evenement-parcours.evenement-parcours';
const CANDIDAT = 'api::candidat.candidat';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};

/** A demo candidate, by birth name and date (demo-candidats.ts's key). */
interface Personne {
  nomNaissance: string;
  prenoms: string[];
  sexe: 'F' | 'M';
  dateNaissance: string;
  commune: { code: string; libelle: string };
  codePostal: string;
  ville: string;
  adresse: string;
}

/** the demo candidates these sessions add (demo-candidats.ts has three, registered here too) */
const NOUVEAUX: Record<string, Personne> = {
  moreau: { nomNaissance: 'Moreau', prenoms: ['Julien'], sexe: 'M', dateNaissance: '1988-05-17', commune: { code: '69123', libelle: 'Lyon' }, codePostal: '69008', ville: 'Lyon', adresse: '27 avenue des Frères Lumière' },
  garnier: { nomNaissance: 'Garnier', prenoms: ['Thomas', 'Pierre'], sexe: 'M', dateNaissance: '1975-10-09', commune: { code: '42218', libelle: 'Saint-Étienne' }, codePostal: '69006', ville: 'Lyon', adresse: '5 rue Vendôme' },
  lefevre: { nomNaissance: 'Lefèvre', prenoms: ['Chloé'], sexe: 'F', dateNaissance: '1991-03-22', commune: { code: '69123', libelle: 'Lyon' }, codePostal: '69009', ville: 'Lyon', adresse: '18 quai Arloing' },
};
/** demo-candidats.ts's candidates, by birth name and date */
const EXISTANTS: Record<string, [string, string]> = {
  ndiaye: ["N'Diaye", '1996-08-12'],
  petrov: ['Petrov', '1979-11-03'],
};

interface Inscrit {
  candidat: string;
  voieAcces: 'FORMATION_CONTINUE' | 'VAE' | 'CONTRAT_PRO' | 'APPRENTISSAGE';
  /** validated session only: the jury's decision (results per CCP follow from it) */
  decision?: Decision;
}

interface DemoSession {
  numero: string;
  centre: keyof typeof DEMO_SIRETS;
  statut: Etat;
  /** first day, relative to today, and length in days */
  debut: (today: string) => string;
  jours: number;
  responsableSession: string;
  nbCandidatsPrevus: number;
  inscrits?: Inscrit[];
  /** e-mails of the demo jurors (demo-jurys.ts) */
  jury?: string[];
  motifAnnulation?: string;
  /** who acted, as the workflow records it (parcours events, PV) */
  centreUser: string;
  udUser: string;
}

const JURY = ['sophie.martin@jure.demo', 'karim.benali@jure.demo'];

export const DEMO_SESSIONS: DemoSession[] = [
  { numero: 'DEMO-69-PREPA', centre: 'lyon', statut: 'EN_PREPARATION', debut: (t) => addMonths(t, 3), jours: 2, responsableSession: 'Camille Martin', nbCandidatsPrevus: 8, centreUser: 'centre.lyon', udUser: 'ud.rhone' },
  { numero: 'DEMO-69-DECLAREE', centre: 'lyon', statut: 'DECLAREE', debut: (t) => addMonths(t, 4), jours: 2, responsableSession: 'Camille Martin', nbCandidatsPrevus: 10, centreUser: 'centre.lyon', udUser: 'ud.rhone' },
  {
    numero: 'DEMO-69-CONVOQUEE',
    centre: 'lyon',
    statut: 'CONVOCATIONS_ENVOYEES',
    debut: (t) => t,
    jours: 2,
    responsableSession: 'Camille Martin',
    nbCandidatsPrevus: 6,
    inscrits: [{ candidat: 'ndiaye', voieAcces: 'FORMATION_CONTINUE' }, { candidat: 'moreau', voieAcces: 'VAE' }],
    jury: JURY,
    centreUser: 'centre.lyon',
    udUser: 'ud.rhone',
  },
  {
    numero: 'DEMO-69-VALIDEE',
    centre: 'lyon',
    statut: 'RESULTATS_VALIDES',
    debut: (t) => addMonths(t, -2),
    jours: 2,
    responsableSession: 'Camille Martin',
    nbCandidatsPrevus: 6,
    inscrits: [
      { candidat: 'garnier', voieAcces: 'FORMATION_CONTINUE', decision: 'TITRE_OBTENU' },
      { candidat: 'lefevre', voieAcces: 'CONTRAT_PRO', decision: 'REUSSITE_PARTIELLE' },
    ],
    jury: JURY,
    centreUser: 'centre.lyon',
    udUser: 'ud.rhone',
  },
  {
    numero: 'DEMO-69-ANNULEE',
    centre: 'lyon',
    statut: 'ANNULEE',
    debut: (t) => addMonths(t, 2),
    jours: 2,
    responsableSession: 'Camille Martin',
    nbCandidatsPrevus: 8,
    motifAnnulation: 'Plateau technique indisponible (travaux de mise en conformité) : session reportée au trimestre suivant.',
    centreUser: 'centre.lyon',
    udUser: 'ud.rhone',
  },
  {
    numero: 'DEMO-75-VALIDEE',
    centre: 'paris',
    statut: 'VALIDEE',
    debut: (t) => addDays(addMonths(t, 3), 7),
    jours: 3,
    responsableSession: 'Camille Martin',
    nbCandidatsPrevus: 12,
    inscrits: [{ candidat: 'petrov', voieAcces: 'VAE' }],
    centreUser: 'centre.paris',
    udUser: 'ud.paris',
  },
];

/** The workflow dates of a session in `statut`, as its actions would have set them (delays respected). */
function workflowDates(s: DemoSession, dateDebut: string, dateFin: string, today: string): Record<string, string | null> {
  const declaration = s.statut === 'EN_PREPARATION' ? null : s.statut === 'DECLAREE' ? addDays(today, -3) : addMonths(dateDebut, -3);
  const validation = declaration && s.statut !== 'DECLAREE' ? (s.statut === 'VALIDEE' ? addDays(today, -5) : addDays(declaration, 8)) : null;
  const past = ['CONVOCATIONS_ENVOYEES', 'RESULTATS_VALIDES'].includes(s.statut);
  return {
    dateDeclaration: s.statut === 'VALIDEE' ? addDays(today, -20) : declaration,
    dateValidation: validation,
    dateCommandeDte: past ? addMonths(dateDebut, -2) : null,
    dateExpeditionDte: past ? addDays(addMonths(dateDebut, -2), 12) : null,
    dateConvocations: past ? addDays(addMonths(dateDebut, -1), -7) : null,
    dateFinalisation: s.statut === 'RESULTATS_VALIDES' ? addDays(dateFin, 2) : null,
    dateTransmission: s.statut === 'RESULTATS_VALIDES' ? addDays(dateFin, 3) : null,
    dateValidationResultats: s.statut === 'RESULTATS_VALIDES' ? addDays(dateFin, 9) : null,
    dateAnnulation: s.statut === 'ANNULEE' ? addDays(today, -7) : null,
  };
}

/** a one-page PDF standing for the signed PV (the finalisation requires one) */
function pvPdf(numero: string): Buffer {
  const texte = `Proces-verbal du jury - session ${numero} (donnees de demonstration)`;
  const flux = `BT /F1 12 Tf 50 780 Td (${texte}) Tj ET`;
  const objets = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${flux.length} >>\nstream\n${flux}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objets.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export async function seedDemoSessions(strapi: Core.Strapi) {
  if (process.env.NODE_ENV === 'production') {
    strapi.log.warn('CERES : sessions de démonstration non créées (NODE_ENV=production).');
    return;
  }
  if (!strapi.plugin('sessions') || !strapi.plugin('candidats')) return;
  const q = (uid: string) => strapi.db.query(uid as never);
  const existing = (await q(SESSION).findMany({ where: { numero: { $in: DEMO_SESSIONS.map((s) => s.numero) } }, select: ['numero'] })) as { numero: string }[];
  const todo = DEMO_SESSIONS.filter((s) => !existing.some((e) => e.numero === s.numero));
  if (!todo.length) return;
  const today = iso(new Date());
  let created = 0;

  await strapi.db.transaction(async ({ trx }) => {
    const knex = trx as unknown as Knex;
    const candidats = new Map<string, Row>();
    const candidat = async (key: string): Promise<Row | null> => {
      if (candidats.has(key)) return candidats.get(key)!;
      const [nomNaissance, dateNaissance] = EXISTANTS[key] ?? [NOUVEAUX[key]?.nomNaissance, NOUVEAUX[key]?.dateNaissance];
      let row = (await q(CANDIDAT).findOne({ where: { nomNaissance, dateNaissance }, select: ['id', 'documentId'] })) as Row | null;
      const p = NOUVEAUX[key];
      if (!row && p) {
        // as demo-candidats.ts: through the Document Service, the « nouvelle personne » confirmation recorded
        const nationalite = (await q('api::pays.pays').findOne({ where: { codeInsee: '99100', nature: 'ETAT' }, select: ['documentId'] })) as Row | null;
        const doc = (await strapi.documents(CANDIDAT as never).create({
          data: {
            nomNaissance: p.nomNaissance,
            prenoms: p.prenoms,
            sexe: p.sexe,
            dateNaissance: p.dateNaissance,
            communeNaissanceCode: p.commune.code,
            communeNaissanceLibelle: p.commune.libelle,
            nationalite: nationalite?.documentId ?? null,
            codePostal: p.codePostal,
            ville: p.ville,
            adresse: p.adresse,
            controleHomonymie: { decision: 'NOUVELLE_PERSONNE_CONFIRMEE', confirmePar: 'données de démonstration', le: new Date().toISOString(), homonymesSignales: [] },
          } as never,
        })) as unknown as Row;
        row = (await q(CANDIDAT).findOne({ where: { documentId: doc.documentId }, select: ['id', 'documentId'] })) as Row | null;
      }
      if (row) candidats.set(key, row);
      return row;
    };

    for (const s of todo) {
      const centre = (await q('api::centre.centre').findOne({ where: { siret: DEMO_SIRETS[s.centre] }, populate: { departement: { select: ['id'] } } })) as Row | null;
      if (!centre) continue;
      const dateDebut = s.debut(today);
      const dateFin = addDays(dateDebut, s.jours - 1);
      // the centre's agrément ACCORDE on a title, covering the whole session at its site (the coverage rule)
      const agrements = (await q('api::agrement.agrement').findMany({
        where: { centre: { id: centre.id }, statut: 'ACCORDE', titre: { id: { $notNull: true } }, dateDebut: { $lte: dateDebut }, dateFin: { $gte: dateFin } },
        populate: { site: { populate: { centre: { select: ['id'] } } }, titre: { populate: { ccps: true } } },
        orderBy: { id: 'asc' },
      })) as Row[];
      const agrement = agrements.find((a) => a.site && a.site.actif !== false && a.site.centre?.id === centre.id && a.titre && ['ACTIF', null, undefined].includes(a.titre.statut));
      if (!agrement) {
        strapi.log.warn(`CERES : aucun agrément accordé du centre ${centre.raisonSociale} ne couvre la session de démonstration ${s.numero}, non créée.`);
        continue;
      }
      const titre = agrement.titre as Row & { ccps: Row[] };
      const ccps = [...(titre.ccps ?? [])].sort((a, b) => (a.rang ?? 0) - (b.rang ?? 0) || String(a.code).localeCompare(String(b.code)));
      // a partial success needs at least one CCP acquired and one not
      if (s.statut === 'RESULTATS_VALIDES' && ccps.length < 2) continue;
      const dates = workflowDates(s, dateDebut, dateFin, today);
      // the jurors, each with an ACTIVE habilitation on the title over the whole session (as ajouterJure checks)
      const jures: Row[] = [];
      for (const email of s.jury ?? []) {
        const jure = (await q('api::jure.jure').findOne({ where: { email }, select: ['id', 'documentId'] })) as Row | null;
        const habilite = jure
          ? await q('api::habilitation.habilitation').count({ where: { jure: { id: jure.id }, titre: { id: titre.id }, statut: 'ACTIVE', dateDebut: { $lte: dateDebut }, dateFin: { $gte: dateFin } } })
          : 0;
        if (jure && habilite) jures.push(jure);
      }
      if (s.jury?.length && jures.length < s.jury.length) {
        strapi.log.warn(`CERES : jurés de démonstration non habilités sur ${titre.code} pour la session ${s.numero}, non créée.`);
        continue;
      }
      const inscrits: { inscrit: Inscrit; candidat: Row }[] = [];
      for (const inscrit of s.inscrits ?? []) {
        const row = await candidat(inscrit.candidat);
        if (row) inscrits.push({ inscrit, candidat: row });
      }

      const session = (await q(SESSION).create({
        data: {
          numero: s.numero,
          type: 'TITRE',
          centre: centre.id,
          departement: centre.departement?.id ?? null,
          titre: titre.id,
          site: agrement.site.id,
          agrement: agrement.id,
          dateDebut,
          dateFin,
          statut: s.statut,
          responsableSession: s.responsableSession,
          nbCandidatsPrevus: s.nbCandidatsPrevus,
          modalite: 'PRESENTIEL',
          prolongation: false,
          lieu: `${agrement.site.nom}, ${agrement.site.adresse ?? centre.adresse}, ${agrement.site.codePostal ?? centre.codePostal}`,
          ...dates,
          ...(s.statut === 'ANNULEE' ? { motifAnnulation: s.motifAnnulation, statutAvantAnnulation: 'VALIDEE' } : {}),
          ...(s.statut === 'RESULTATS_VALIDES' ? { pvNumero: `PV-${s.numero}` } : {}),
          nbDeverrouillages: 0,
          publishedAt: new Date(),
        },
      })) as Row;

      if (s.statut === 'RESULTATS_VALIDES') {
        // the signed PV, attached by joindrePv during the results entry (ceres_piece, the bridge's private store)
        const contenu = pvPdf(s.numero);
        const ajouteLe = new Date(`${dates.dateFinalisation}T09:00:00Z`);
        const [piece] = (await knex('ceres_piece')
          .insert({ ressource: 'sessions', document_id: session.documentId, usage: 'pv', nom: `PV-jury-${s.numero}.pdf`, type: 'application/pdf', taille: contenu.length, contenu, ajoute_le: ajouteLe, ajoute_par: s.centreUser })
          .returning(['id'])) as { id: string | number }[];
        const pv = { id: Number(piece.id), nom: `PV-jury-${s.numero}.pdf`, type: 'application/pdf', taille: contenu.length, ajouteLe: ajouteLe.toISOString(), ajoutePar: s.centreUser };
        await q(SESSION).update({ where: { id: session.id }, data: { pv } });
      }

      const dateInscription = s.statut === 'VALIDEE' ? addDays(today, -4) : addDays(dates.dateDeclaration ?? today, 10);
      for (const { inscrit, candidat: c } of inscrits) {
        const resultats = s.statut === 'RESULTATS_VALIDES' && inscrit.decision ? resultatsPour(inscrit.decision, ccps) : null;
        const entry = resultats ? { presence: 'PRESENT', resultatsCcp: resultats, entretienFinal: true, decision: inscrit.decision } : null;
        const inscription = (await q(INSCRIPTION).create({
          data: {
            session: session.id,
            candidat: c.id,
            voieAcces: inscrit.voieAcces,
            livretEcf: false,
            statut: 'INSCRIT',
            dateInscription,
            dateConvocation: dates.dateConvocations,
            ...(entry ?? {}),
            historiqueResultats: entry ? [{ version: 1, dateValidation: dates.dateValidationResultats, ...entry }] : null,
            publishedAt: new Date(),
          },
        })) as Row;
        const evenement = (data: Record<string, unknown>) =>
          q(EVENEMENT).create({ data: { candidat: c.id, session: session.id, inscription: inscription.id, titre: titre.id, publishedAt: new Date(), ...data } });
        await evenement({ type: 'INSCRIPTION', date: dateInscription, libelle: `Inscription à la session ${s.numero}`, enregistrePar: s.centreUser });
        if (entry) {
          // what validerResultats writes (recordParcours): presence, each CCP's result, the jury's decision
          const date = dates.dateValidationResultats;
          await evenement({ type: 'PRESENCE', date, resultat: entry.presence, libelle: `Session ${s.numero}`, enregistrePar: s.udUser });
          for (const ccp of ccps) {
            await evenement({ type: 'RESULTAT_CCP', date, ccp: ccp.id, resultat: resultats![ccp.documentId], libelle: `${ccp.code} ${ccp.intitule} — session ${s.numero}`.slice(0, 300), enregistrePar: s.udUser });
          }
          await evenement({ type: 'RESULTAT_TITRE', date, resultat: entry.decision, libelle: `Décision du jury — session ${s.numero}`, enregistrePar: s.udUser });
        }
      }

      for (const jure of jures) {
        await q(MEMBRE_JURY).create({
          data: {
            session: session.id,
            jure: jure.id,
            habilite: true,
            present: s.statut === 'RESULTATS_VALIDES' ? true : null,
            lienSignale: false,
            lienDetail: null,
            dateAjout: addDays(dates.dateValidation ?? today, 5),
            publishedAt: new Date(),
          },
        });
      }
      created += 1;
    }
  });
  if (created) strapi.log.info(`CERES : ${created} session(s) de démonstration créée(s).`);
}

/** results per CCP (keyed by the CCP's documentId, as the results grid writes them) that imply `decision` */
function resultatsPour(decision: Decision, ccps: Row[]): Record<string, 'ACQUIS' | 'NON_ACQUIS'> {
  return Object.fromEntries(ccps.map((c, i) => [c.documentId, decision === 'TITRE_OBTENU' || i < Math.ceil(ccps.length / 2) ? 'ACQUIS' : 'NON_ACQUIS']));
}
