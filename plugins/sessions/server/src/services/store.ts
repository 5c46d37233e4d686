/**
 * Reads of the session family for the workflow: the session with its relations, its registrations,
 * its jury, a candidate's other registrations, agrément coverage, habilitations. Through Strapi's
 * query engine, which joins the bridge's transaction.
 */
import type { Core } from '@strapi/strapi';
import type { SessionType, State } from '../domain/states';
import type { Decision, Presence, ResultatCcp } from '../domain/state-machine';
import type { RegistrationHistoryItem } from '../domain/eligibility';
import type { CouvertureFacts, CouvertureSession } from '../domain/couverture';

export const SESSION = 'api::session.session';
export const INSCRIPTION = 'api::inscription.inscription';
export const MEMBRE_JURY = 'api::membre-jury.membre-jury';
export const CANDIDAT = 'api::candidat.candidat';
export const HABILITATION = 'api::habilitation.habilitation';
export const AGREMENT = 'api::agrement.agrement';
export const AUTORISATION = 'api::autorisation-temporaire.autorisation-temporaire';
export const EVENEMENT = 'api::evenement-parcours.evenement-parcours';
export const SITE = 'api::site.site';

/** what the coverage rule reads of a session: its identity and the documentIds of its chosen site / agrément / authorisation */
export interface CouvertureIds extends CouvertureSession {
  site: string | null;
  agrement: string | null;
  autorisationTemporaire: string | null;
}

type Ref = { id: number; documentId: string } & Record<string, unknown>;

export interface SessionRow {
  id: number;
  documentId: string;
  numero: string | null;
  type: SessionType;
  statut: State;
  dateDebut: string;
  dateFin: string;
  responsableSession: string | null;
  /** the signed PV (metadata of its piece in ceres_piece), attached by joindrePv */
  pv: { id: number; nom: string } | null;
  pvNumero: string | null;
  nbDeverrouillages: number | null;
  centre: Ref | null;
  titre: (Ref & { ccps?: Ref[] }) | null;
  ccps: Ref[];
  ccs: (Ref & { titre?: Ref | null }) | null;
  site?: Ref | null;
  agrement?: Ref | null;
  autorisationTemporaire?: Ref | null;
}

export interface InscriptionRow {
  id: number;
  documentId: string;
  statut: 'INSCRIT' | 'DESINSCRIT';
  presence: Presence | null;
  resultatsCcp: Record<string, ResultatCcp> | null;
  entretienFinal: boolean | null;
  decision: Decision | null;
  justificatifAbsence: string | null;
  /** the justified absence's document (metadata of its piece), attached by joindreJustificatifAbsence */
  pieceAbsence: { id: number; nom: string } | null;
  historiqueResultats: unknown[] | null;
  dateInscription: string | null;
  candidat?: Ref | null;
}

export interface MembreJuryRow {
  id: number;
  documentId: string;
  present: boolean | null;
  habilite: boolean | null;
  jure: Ref | null;
}

export function createStore(strapi: Core.Strapi) {
  const has = (uid: string) => Boolean(strapi.contentTypes[uid as keyof typeof strapi.contentTypes]);
  const hasAttribute = (uid: string, attribute: string) =>
    has(uid) && Boolean((strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as { attributes: Record<string, unknown> }).attributes[attribute]);
  const q = (uid: string) => strapi.db.query(uid as never);

  return {
    has,
    hasAttribute,

    async session(id: number): Promise<SessionRow> {
      return (await q(SESSION).findOne({
        where: { id },
        populate: {
          centre: true,
          titre: { populate: { ccps: true } },
          ccps: true,
          ccs: { populate: { titre: true } },
          ...(hasAttribute(SESSION, 'site') ? { site: true, agrement: true, autorisationTemporaire: true } : {}),
        },
      })) as SessionRow;
    },

    /** the session's identity and its chosen site / agrément / authorisation, for the coverage rule */
    idsOf(session: SessionRow): CouvertureIds {
      return {
        type: session.type,
        centre: session.centre?.documentId ?? null,
        titre: session.titre?.documentId ?? null,
        ccs: session.ccs?.documentId ?? null,
        dateDebut: session.dateDebut,
        dateFin: session.dateFin,
        site: session.site?.documentId ?? null,
        agrement: session.agrement?.documentId ?? null,
        autorisationTemporaire: session.autorisationTemporaire?.documentId ?? null,
      };
    },

    /** The facts of the coverage rule (domain/couverture.ts), read by documentId; null without the organisations module. */
    async couverture(ids: CouvertureIds): Promise<CouvertureFacts | null> {
      if (!has(AGREMENT) || !has(SITE) || !hasAttribute(SESSION, 'site')) return null;
      const doc = (r: unknown) => (r as { documentId?: string } | null | undefined)?.documentId ?? null;
      const one = async (uid: string, documentId: string | null, populate: string[]) =>
        documentId
          ? ((await q(uid).findOne({ where: { documentId }, populate: Object.fromEntries(populate.map((p) => [p, { select: ['id', 'documentId'] }])) })) as Record<string, unknown> | null)
          : null;
      const site = await one(SITE, ids.site, ['centre']);
      const agrement = await one(AGREMENT, ids.agrement, ['centre', 'site', 'titre', 'ccs']);
      const autorisation = has(AUTORISATION) ? await one(AUTORISATION, ids.autorisationTemporaire, ['centre', 'titre']) : null;
      return {
        session: { type: ids.type, centre: ids.centre, titre: ids.titre, ccs: ids.ccs, dateDebut: ids.dateDebut, dateFin: ids.dateFin },
        site: site ? { id: String(site.documentId), nom: (site.nom as string) ?? null, centre: doc(site.centre), actif: (site.actif as boolean | null) ?? null } : null,
        agrement: agrement
          ? {
              id: String(agrement.documentId),
              centre: doc(agrement.centre),
              site: doc(agrement.site),
              titre: doc(agrement.titre),
              ccs: doc(agrement.ccs),
              statut: String(agrement.statut),
              dateDebut: String(agrement.dateDebut),
              dateFin: String(agrement.dateFin),
            }
          : null,
        autorisation: autorisation
          ? { id: String(autorisation.documentId), centre: doc(autorisation.centre), titre: doc(autorisation.titre), dateDebut: String(autorisation.dateDebut), dateFin: String(autorisation.dateFin) }
          : null,
      };
    },

    async inscriptions(sessionId: number): Promise<InscriptionRow[]> {
      return (await q(INSCRIPTION).findMany({
        where: { session: { id: sessionId } },
        orderBy: { id: 'asc' },
        ...(hasAttribute(INSCRIPTION, 'candidat') ? { populate: { candidat: true } } : {}),
      })) as InscriptionRow[];
    },

    async jury(sessionId: number): Promise<MembreJuryRow[]> {
      if (!has(MEMBRE_JURY)) return [];
      return (await q(MEMBRE_JURY).findMany({ where: { session: { id: sessionId } }, populate: { jure: true }, orderBy: { id: 'asc' } })) as MembreJuryRow[];
    },

    /** the candidate's registrations everywhere (the 3-session rule), with their sessions */
    async history(candidatId: number): Promise<RegistrationHistoryItem[]> {
      const rows = (await q(INSCRIPTION).findMany({
        where: { candidat: { id: candidatId } },
        populate: { session: { populate: { titre: true, ccs: { populate: { titre: true } } } } },
      })) as (InscriptionRow & { session: (SessionRow & { titre: Ref | null }) | null })[];
      return rows
        .filter((r) => r.session)
        .map((r) => ({
          session: r.session!.documentId,
          sessionType: r.session!.type,
          sessionStatut: r.session!.statut,
          titre: r.session!.titre?.documentId ?? r.session!.ccs?.titre?.documentId ?? null,
          dateDebut: r.session!.dateDebut,
          statut: r.statut,
          presence: r.presence,
        }));
    },

    /** The title is held: a validated session result TITRE_OBTENU for that title. */
    async titreObtenu(candidatId: number, titreDocumentId: string): Promise<boolean> {
      const rows = (await q(INSCRIPTION).findMany({
        where: {
          candidat: { id: candidatId },
          decision: 'TITRE_OBTENU',
          session: { titre: { documentId: titreDocumentId }, statut: { $in: ['RESULTATS_VALIDES', 'CLOTUREE'] } },
        },
        select: ['id'],
      })) as { id: number }[];
      return rows.length > 0;
    },

    /** documentIds of every version of a title (same code) */
    async versionsDuTitre(titreDocumentId: string): Promise<string[]> {
      const titre = (await q('api::titre.titre').findOne({ where: { documentId: titreDocumentId }, select: ['code'] })) as { code?: string } | null;
      if (!titre?.code) return [titreDocumentId];
      const rows = (await q('api::titre.titre').findMany({ where: { code: titre.code }, select: ['documentId'] })) as { documentId: string }[];
      return rows.map((r) => r.documentId);
    },

    /** an active habilitation of the juror for the session's title (or CCS) over the whole session */
    async habilite(jureId: number, session: SessionRow): Promise<boolean | null> {
      if (!has(HABILITATION)) return null;
      const objet = session.type === 'CCS' && session.ccs ? { ccs: { id: session.ccs.id } } : session.titre ? { titre: { id: session.titre.id } } : null;
      if (!objet) return false;
      const rows = (await q(HABILITATION).findMany({
        where: { jure: { id: jureId }, ...objet, statut: 'ACTIVE', dateDebut: { $lte: session.dateDebut }, dateFin: { $gte: session.dateFin } },
        select: ['id'],
      })) as unknown[];
      return rows.length > 0;
    },
  };
}

export type Store = ReturnType<typeof createStore>;
