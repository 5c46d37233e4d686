/**
 * Reads of the session family for the workflow: the session with its relations, its registrations,
 * its jury, a candidate's other registrations, agrément coverage, habilitations. Through Strapi's
 * query engine, which joins the bridge's transaction.
 */
import type { Core } from '@strapi/strapi';
import type { SessionType, State } from '../domain/states';
import type { Decision, Presence, ResultatCcp } from '../domain/state-machine';
import type { RegistrationHistoryItem } from '../domain/eligibility';

export const SESSION = 'api::session.session';
export const INSCRIPTION = 'api::inscription.inscription';
export const MEMBRE_JURY = 'api::membre-jury.membre-jury';
export const CANDIDAT = 'api::candidat.candidat';
export const HABILITATION = 'api::habilitation.habilitation';
export const AGREMENT = 'api::agrement.agrement';
export const AUTORISATION = 'api::autorisation-temporaire.autorisation-temporaire';
export const EVENEMENT = 'api::evenement-parcours.evenement-parcours';

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
  pvJoint: boolean | null;
  pvNumero: string | null;
  nbDeverrouillages: number | null;
  centre: Ref | null;
  titre: (Ref & { ccps?: Ref[] }) | null;
  ccps: Ref[];
  ccs: (Ref & { titre?: Ref | null }) | null;
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
        populate: { centre: true, titre: { populate: { ccps: true } }, ccps: true, ccs: { populate: { titre: true } } },
      })) as SessionRow;
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

    /**
     * Does a granted agrément (or a temporary authorisation) of the centre cover the title over the whole
     * session? null when the agrément module is not installed.
     */
    async agrementCouvrant(session: SessionRow): Promise<boolean | null> {
      if (!has(AGREMENT) || !session.centre) return null;
      const objet = session.type === 'CCS' ? (session.ccs ? { ccs: { id: session.ccs.id } } : null) : session.titre ? { titre: { id: session.titre.id } } : null;
      if (!objet) return false;
      const covering = { centre: { id: session.centre.id }, ...objet, dateDebut: { $lte: session.dateDebut }, dateFin: { $gte: session.dateFin } };
      const agrements = (await q(AGREMENT).findMany({ where: { ...covering, statut: 'ACCORDE' }, select: ['id'] })) as unknown[];
      if (agrements.length) return true;
      if (!has(AUTORISATION) || session.type === 'CCS') return false;
      const autorisations = (await q(AUTORISATION).findMany({ where: covering, select: ['id'] })) as unknown[];
      return autorisations.length > 0;
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
