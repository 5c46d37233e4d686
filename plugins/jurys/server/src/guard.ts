/**
 * "Nothing can create an active habilitation on a closed title" (v1.7.1), whoever writes: the bridge's
 * actions, a seed, another plugin. A Document Service middleware refuses any create or update of a
 * habilitation whose resulting status is ACTIVE while its title (or CCS) is closed.
 */
import type { Core } from '@strapi/strapi';
import { cibleClose } from './domain/habilitation';
import { aujourdhui, unprocessable } from '@ceres/plugin-bridge/runtime';
import { HABILITATION, type Workflow } from './services/workflow';

type Ref = unknown;

/** numeric id of a relation value as the Document Service accepts it (documentId, id, {connect}, {set}…) */
async function relationId(strapi: Core.Strapi, uid: string, value: Ref): Promise<number | null | undefined> {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const row = (await strapi.db.query(uid as never).findOne({ where: { documentId: value }, select: ['id'] })) as { id: number } | null;
    return row?.id ?? null;
  }
  if (typeof value === 'object') {
    const v = value as { id?: number; documentId?: string; connect?: Ref[]; set?: Ref[] };
    if (v.id !== undefined || v.documentId !== undefined) return relationId(strapi, uid, v.id ?? v.documentId);
    const list = v.set ?? v.connect;
    if (Array.isArray(list)) return list.length ? relationId(strapi, uid, list[0]) : v.set ? null : undefined;
  }
  return undefined;
}

export function registerGuard(strapi: Core.Strapi, workflow: () => Workflow) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== HABILITATION || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data ?? {};
    let statut = data.statut as string | undefined;
    let titreId = await relationId(strapi, 'api::titre.titre', data.titre);
    let ccsId = await relationId(strapi, 'api::ccs.ccs', data.ccs);
    if (context.action === 'update' && params.documentId) {
      const current = (await strapi.db.query(HABILITATION as never).findOne({
        where: { documentId: params.documentId },
        populate: { titre: { select: ['id'] }, ccs: { select: ['id'] } },
      })) as { statut: string; titre?: { id: number } | null; ccs?: { id: number } | null } | null;
      statut ??= current?.statut;
      if (titreId === undefined) titreId = current?.titre?.id ?? null;
      if (ccsId === undefined) ccsId = current?.ccs?.id ?? null;
    }
    // an update that neither makes the habilitation ACTIVE nor changes its target is not concerned (observations,
    // history…): an ACTIVE one on a title closed since is left to the sweep, and may still be closed or renewed
    const concerned = context.action === 'create' || data.statut === 'ACTIVE' || data.titre !== undefined || data.ccs !== undefined;
    if (concerned && (statut ?? 'ACTIVE') === 'ACTIVE') {
      const today = aujourdhui();
      const cible = await workflow().chargerCible({ titreId, ccsId }, today);
      if (!cible) throw unprocessable('Une habilitation vise un titre ou un CCS : indiquez-le.', 'titre');
      if (cibleClose(cible.cible, today)) {
        throw unprocessable(`${cible.nature === 'ccs' ? 'Le CCS' : 'Le titre'} ${cible.cible.libelle} est clôturé : aucune habilitation active ne peut y être enregistrée.`, cible.nature);
      }
    }
    return next();
  });
}
