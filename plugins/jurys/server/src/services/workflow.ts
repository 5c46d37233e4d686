/**
 * The habilitation workflow on the database: loads what the pure rules (domain/) need, applies their
 * verdict, writes through the Document Service (so that the closed-title guard sees every write), keeps
 * the history and tells the bridge's write listeners (traceability). Bridge action handlers call it
 * inside the bridge's transaction.
 */
import type { Core } from '@strapi/strapi';
import type { Principal, Registry } from '@ceres/plugin-bridge';
import { calculerAnciennete, resumeAnciennete, type Anciennete, type RegleAnciennete } from '../domain/anciennete';
import { isIsoDate } from '../domain/dates';
import {
  ACTION_LABELS,
  actionsPossibles,
  cibleClose,
  doitExpirer,
  erreursPeriode,
  finValidite,
  refusAction,
  STATUT_APRES,
  STATUT_LABELS,
  type ActionHabilitation,
  type Cible,
  type EntreeHistorique,
  type StatutHabilitation,
} from '../domain/habilitation';
import { aujourdhui, badRequest, BridgeError, conflict, unprocessable } from '@ceres/plugin-bridge/runtime';

export const HABILITATION = 'api::habilitation.habilitation';
export const JURE = 'api::jure.jure';
export const PERIODE = 'api::periode-experience.periode-experience';
const TITRE = 'api::titre.titre';
const CCS = 'api::ccs.ccs';

type Row = Record<string, any> & { id: number; documentId: string };

export interface CibleChargee {
  cible: Cible;
  nature: 'titre' | 'ccs';
  documentId: string;
  /** the open successor title to renew onto, if the target is a closed title */
  successeur: { documentId: string; cible: Cible } | null;
}

const libelleTitre = (t: Row) => `${t.code}${t.version ? ` (${t.version})` : ''}${t.sigle ? ` ${t.sigle}` : ''}`;
const cibleTitre = (t: Row): Cible => ({ nature: 'titre', libelle: libelleTitre(t), statut: t.statut ?? null, dateFinValidite: t.dateFinValidite ?? null });

function texte(body: Record<string, unknown>, field: string, { required = false, max = 2000 } = {}): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw badRequest(field, `Le champ « ${field} » est obligatoire : indiquez le motif.`);
    return undefined;
  }
  if (typeof value !== 'string') throw badRequest(field, `Le champ « ${field} » doit être du texte.`);
  const trimmed = value.trim();
  if (required && !trimmed) throw badRequest(field, `Le champ « ${field} » est obligatoire : indiquez le motif.`);
  if (trimmed.length > max) throw badRequest(field, `Le champ « ${field} » est trop long (${max} caractères au plus).`);
  return trimmed || undefined;
}

function date(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (!isIsoDate(value)) throw badRequest(field, `Le champ « ${field} » doit être une date (AAAA-MM-JJ).`);
  return value;
}

function objet(body: unknown, allowed: string[]): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body', 'Le corps de la requête doit être un objet JSON.');
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw badRequest(key, `Champ inconnu « ${key} » (champs acceptés : ${allowed.join(', ')}).`);
  return body as Record<string, unknown>;
}

export function createWorkflow(strapi: Core.Strapi) {
  const registry = () => strapi.plugin('ra').service('registry') as Registry;
  const repository = () => strapi.plugin('ra').service('repository') as { findOne(resource: unknown, id: number): Promise<Record<string, unknown> & { id: string }> };
  const regle = (): RegleAnciennete => strapi.plugin('jurys').config('anciennete') as RegleAnciennete;
  const q = (uid: string) => strapi.db.query(uid as never);

  async function bridgeRecord(resource: string, id: number) {
    return repository().findOne(registry().resource(resource), id);
  }

  /** the title or CCS with what the rules need; null if it does not exist */
  async function chargerCible(ref: { titreId?: number | null; ccsId?: number | null }, today: string): Promise<CibleChargee | null> {
    if (ref.ccsId) {
      const ccs = (await q(CCS).findOne({ where: { id: ref.ccsId }, populate: { titre: true } })) as Row | null;
      if (!ccs) return null;
      const cible: Cible = { nature: 'ccs', libelle: `${ccs.code} ${ccs.intitule}`, dateFinValidite: ccs.dateFinValidite ?? null, parent: ccs.titre ? cibleTitre(ccs.titre) : null };
      // a CCS has no successor: once closed, its habilitations can only be closed
      return { cible, nature: 'ccs', documentId: ccs.documentId, successeur: null };
    }
    if (!ref.titreId) return null;
    const titre = (await q(TITRE).findOne({ where: { id: ref.titreId }, populate: { successeur: true } })) as Row | null;
    if (!titre) return null;
    const cible = cibleTitre(titre);
    let successeur: CibleChargee['successeur'] = null;
    if (cibleClose(cible, today)) {
      // follow the revision chain to the first title in force (a title may have been revised twice)
      let next = titre.successeur as Row | null;
      for (let hops = 0; next && hops < 10; hops += 1) {
        const candidate = cibleTitre(next);
        if (!cibleClose(candidate, today)) {
          successeur = { documentId: next.documentId, cible: candidate };
          break;
        }
        next = (await q(TITRE).findOne({ where: { id: next.id }, populate: { successeur: true } }))?.successeur ?? null;
      }
    }
    return { cible, nature: 'titre', documentId: titre.documentId, successeur };
  }

  async function idOf(uid: string, documentId: unknown, field: string): Promise<number> {
    if (typeof documentId !== 'string' || !/^[a-z0-9]{10,40}$/.test(documentId)) throw badRequest(field, `Le champ « ${field} » doit être un identifiant.`);
    const row = (await q(uid).findOne({ where: { documentId }, select: ['id'] })) as Row | null;
    if (!row) throw badRequest(field, `Le champ « ${field} » désigne un enregistrement qui n'existe pas.`);
    return row.id;
  }

  async function ancienneteDe(jureId: number, dateReference: string): Promise<Anciennete> {
    const jure = (await q(JURE).findOne({ where: { id: jureId }, select: ['id', 'retraite', 'dateRetraite'] })) as Row;
    const periodes = (await q(PERIODE).findMany({ where: { jure: { id: jureId } }, select: ['dateDebut', 'dateFin'] })) as Row[];
    return calculerAnciennete(
      periodes.map((p) => ({ dateDebut: p.dateDebut, dateFin: p.dateFin ?? null })),
      dateReference,
      { retraite: jure.retraite, dateRetraite: jure.dateRetraite ?? null },
      regle(),
    );
  }

  function refuserSiAnciennete(anciennete: Anciennete) {
    if (!anciennete.conforme) throw unprocessable(anciennete.motifs.join(' '), 'anciennete', { motifs: anciennete.motifs, anciennete: resumeAnciennete(anciennete) });
  }

  function refuserPeriode(periode: { dateDebut: unknown; dateFin: unknown }, cible: Cible, today: string) {
    const errors = erreursPeriode(periode, cible, today);
    if (errors.length) throw new BridgeError(errors[0].field === 'titre' || errors[0].field === 'ccs' || /dépasse la fin de validité/.test(errors[0].message) ? 422 : 400, errors[0].message, errors[0].field, errors.length > 1 ? { errors } : undefined);
  }

  /** one ACTIVE or SUSPENDUE habilitation per juror and target */
  async function refuserDoublon(jureId: number, cible: CibleChargee, saufId?: number) {
    const where: Record<string, unknown> = { jure: { id: jureId }, statut: { $in: ['ACTIVE', 'SUSPENDUE'] }, [cible.nature]: { documentId: cible.documentId } };
    if (saufId) where.id = { $ne: saufId };
    const existing = (await q(HABILITATION).findOne({ where, select: ['id', 'statut', 'dateDebut', 'dateFin'] })) as Row | null;
    if (existing) {
      throw conflict(
        `Le juré a déjà une habilitation ${STATUT_LABELS[existing.statut as StatutHabilitation]} sur ${cible.nature === 'ccs' ? 'le CCS' : 'le titre'} ${cible.cible.libelle} : renouvelez-la ou clôturez-la plutôt que d'en accorder une autre.`,
        cible.nature,
      );
    }
  }

  const entree = (principal: Principal | null, action: EntreeHistorique['action'], de: StatutHabilitation | null, vers: StatutHabilitation, extra: Partial<EntreeHistorique> = {}): EntreeHistorique => ({
    le: new Date().toISOString(),
    action,
    de,
    vers,
    par: principal ? `${principal.username} (${principal.profile})` : 'CERES (traitement automatique)',
    ...extra,
  });

  async function chargerHabilitation(id: number) {
    const h = (await q(HABILITATION).findOne({ where: { id }, populate: { jure: { select: ['id', 'documentId'] }, titre: { select: ['id'] }, ccs: { select: ['id'] }, departement: { select: ['id', 'documentId'] } } })) as Row | null;
    if (!h) throw new BridgeError(404, 'Habilitation introuvable.');
    return h;
  }

  /** creates an ACTIVE habilitation (accorder, renouveler) after every check */
  async function creerActive(principal: Principal, jureId: number, cible: CibleChargee, body: { dateDebut?: string; dateFin?: string; motif?: string }, action: 'accorder' | 'renouveler', precedente?: Row) {
    const today = aujourdhui();
    const dateDebut = body.dateDebut ?? today;
    const dateFin = body.dateFin ?? finValidite(cible.cible) ?? undefined;
    refuserPeriode({ dateDebut, dateFin }, cible.cible, today);
    const anciennete = await ancienneteDe(jureId, dateDebut);
    refuserSiAnciennete(anciennete);
    await refuserDoublon(jureId, cible, precedente?.id);
    const jure = (await q(JURE).findOne({ where: { id: jureId }, populate: { departement: { select: ['documentId'] } } })) as Row;
    const departement = (jure.departement as Row | null)?.documentId;
    if (!departement) throw unprocessable("Le juré n'a pas de département : renseignez-le avant de l'habiliter.", 'departement');
    const resume = resumeAnciennete(anciennete);
    const created = (await strapi.documents(HABILITATION as never).create({
      data: {
        jure: jure.documentId,
        [cible.nature]: cible.documentId,
        dateDebut,
        dateFin,
        statut: 'ACTIVE',
        departement,
        precedente: precedente?.documentId ?? null,
        ancienneteRetenue: resume,
        motif: body.motif ?? null,
        historique: [entree(principal, action, null, 'ACTIVE', { motif: body.motif, anciennete: resume, lien: precedente?.documentId })],
      },
    } as never)) as unknown as Row;
    const row = (await q(HABILITATION).findOne({ where: { documentId: created.documentId }, select: ['id'] })) as Row;
    const after = await bridgeRecord('habilitations', row.id);
    await registry().emitWrite({ principal, resource: 'habilitations', action, documentId: after.id, before: null, after });
    return { id: row.id, record: after };
  }

  async function changerStatut(principal: Principal | null, h: Row, action: EntreeHistorique['action'], vers: StatutHabilitation, extra: Partial<EntreeHistorique> = {}) {
    const before = principal ? await bridgeRecord('habilitations', h.id) : null;
    const historique = [...(Array.isArray(h.historique) ? h.historique : []), entree(principal, action, h.statut, vers, extra)];
    await strapi.documents(HABILITATION as never).update({ documentId: h.documentId, data: { statut: vers, historique, ...(extra.motif ? { motif: extra.motif } : {}) } } as never);
    const after = await bridgeRecord('habilitations', h.id);
    if (principal) await registry().emitWrite({ principal, resource: 'habilitations', action, documentId: h.documentId, before, after });
    return after;
  }

  return {
    chargerCible,
    ancienneteDe,

    /** POST /api/ra/jures/:id/accorder {titre | ccs, dateDebut?, dateFin?, motif?} */
    async accorder(principal: Principal, jureId: number, rawBody: unknown) {
      const body = objet(rawBody, ['titre', 'ccs', 'dateDebut', 'dateFin', 'motif']);
      const hasTitre = body.titre !== undefined && body.titre !== null && body.titre !== '';
      const hasCcs = body.ccs !== undefined && body.ccs !== null && body.ccs !== '';
      if (hasTitre === hasCcs) throw badRequest('titre', 'Indiquez soit un titre, soit un CCS (l’un ou l’autre) pour l’habilitation.');
      const ref = hasTitre ? { titreId: await idOf(TITRE, body.titre, 'titre') } : { ccsId: await idOf(CCS, body.ccs, 'ccs') };
      const cible = (await chargerCible(ref, aujourdhui()))!;
      const { record } = await creerActive(principal, jureId, cible, { dateDebut: date(body, 'dateDebut'), dateFin: date(body, 'dateFin'), motif: texte(body, 'motif') }, 'accorder');
      return record;
    },

    /** POST /api/ra/jures/:id/anciennete {date?}: the computed seniority (read only) */
    async anciennete(jureId: number, rawBody: unknown) {
      const body = objet(rawBody ?? {}, ['date']);
      const reference = date(body, 'date') ?? aujourdhui();
      const anciennete = await ancienneteDe(jureId, reference);
      return { ...anciennete, resume: resumeAnciennete(anciennete), regle: regle() };
    },

    /** POST /api/ra/habilitations/:id/etat: state, target and the actions that make sense now */
    async etat(id: number) {
      const today = aujourdhui();
      const h = await chargerHabilitation(id);
      const cible = await chargerCible({ titreId: h.titre?.id, ccsId: h.ccs?.id }, today);
      if (!cible) return { statut: h.statut, cible: null, cibleClose: false, successeur: null, actions: h.statut === 'CLOSE' ? [] : ['clore'] };
      const ctx = { cibleClose: cibleClose(cible.cible, today), successeurOuvert: Boolean(cible.successeur) };
      return {
        statut: h.statut,
        cible: cible.cible.libelle,
        finValidite: finValidite(cible.cible),
        cibleClose: ctx.cibleClose,
        successeur: cible.successeur ? { id: cible.successeur.documentId, libelle: cible.successeur.cible.libelle } : null,
        actions: actionsPossibles({ statut: h.statut, dateDebut: h.dateDebut, dateFin: h.dateFin }, ctx, today),
      };
    },

    /** suspendre, reactiver, retirer, renouveler, clore */
    async agir(principal: Principal, action: ActionHabilitation, id: number, rawBody: unknown) {
      const today = aujourdhui();
      const allowed = action === 'renouveler' ? ['motif', 'dateDebut', 'dateFin'] : ['motif'];
      const body = objet(rawBody ?? {}, allowed);
      const motif = texte(body, 'motif', { required: action === 'suspendre' || action === 'retirer' });
      const h = await chargerHabilitation(id);
      const cible = await chargerCible({ titreId: h.titre?.id, ccsId: h.ccs?.id }, today);
      if (!cible) {
        if (action !== 'clore' || h.statut === 'CLOSE') throw conflict(`Impossible de ${ACTION_LABELS[action]} cette habilitation : elle ne vise plus aucun titre.`);
        return changerStatut(principal, h, 'clore', 'CLOSE', { motif });
      }
      const ctx = { cibleClose: cibleClose(cible.cible, today), successeurOuvert: Boolean(cible.successeur) };
      const refus = refusAction(action, { statut: h.statut, dateDebut: h.dateDebut, dateFin: h.dateFin }, cible.cible, ctx, today);
      if (refus) throw conflict(refus, 'statut');

      if (action !== 'renouveler') return changerStatut(principal, h, action, STATUT_APRES[action], { motif });

      // renew onto the same target while it is in force, onto the successor title once it is closed
      const nouvelleCible: CibleChargee = ctx.cibleClose ? { cible: cible.successeur!.cible, nature: 'titre', documentId: cible.successeur!.documentId, successeur: null } : cible;
      const created = await creerActive(principal, h.jure.id, nouvelleCible, { dateDebut: date(body, 'dateDebut'), dateFin: date(body, 'dateFin'), motif }, 'renouveler', h);
      await changerStatut(principal, h, 'renouveler', 'CLOSE', { motif, lien: created.record.id });
      return created.record;
    },

    /** the sweep: ACTIVE/SUSPENDUE habilitations past their end, or on a closed title, become EXPIREE */
    async expirer(): Promise<number> {
      const today = aujourdhui();
      const closed = { $or: [{ statut: { $in: ['CLOTURE', 'REMPLACE'] } }, { dateFinValidite: { $lt: today } }] };
      const candidates = (await q(HABILITATION).findMany({
        where: {
          statut: { $in: ['ACTIVE', 'SUSPENDUE'] },
          $or: [{ dateFin: { $lt: today } }, { titre: closed }, { ccs: { dateFinValidite: { $lt: today } } }, { ccs: { titre: closed } }],
        },
        populate: { titre: { select: ['id'] }, ccs: { select: ['id'] } },
        limit: 5000,
      })) as Row[];
      let count = 0;
      for (const h of candidates) {
        const cible = await chargerCible({ titreId: h.titre?.id, ccsId: h.ccs?.id }, today);
        if (!doitExpirer({ statut: h.statut, dateDebut: h.dateDebut, dateFin: h.dateFin }, cible ? cibleClose(cible.cible, today) : true, today)) continue;
        await strapi.db.transaction(async () => {
          const current = (await q(HABILITATION).findOne({ where: { id: h.id } })) as Row;
          const motif = h.dateFin < today ? 'Date de fin dépassée.' : `${cible?.nature === 'ccs' ? 'CCS' : 'Titre'} clôturé.`;
          await changerStatut(null, current, 'expirer', 'EXPIREE', { motif });
        });
        count += 1;
      }
      return count;
    },
  };
}

export type Workflow = ReturnType<typeof createWorkflow>;
