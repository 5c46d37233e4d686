/**
 * A session's supporting documents (issue 7, v1.7 / v1.7.1), stored in the bridge's private store
 * (ceres_piece, plugins/bridge services/pieces.ts) and read through GET /api/ra/pieces/<id> with the owner's
 * territory check:
 * - the signed PV: POST /api/ra/sessions/:id/joindrePv (multipart, field "pv"); finalisation requires it;
 * - a justified absence's document: POST /api/ra/inscriptions/:id/joindreJustificatifAbsence (field
 *   "justificatif"); recording "absent justifié" requires it (enregistrerResultats).
 * Both while results are entered (RESULTS_ENTRY_STATES). A new file replaces the former one (deleted in the
 * same transaction). The record keeps the piece's metadata (`pv`, `pieceAbsence`), never the bytes.
 */
import type { Core } from '@strapi/strapi';
import type { ActionContext, Piece, PiecesService, Registry, UploadedFile } from '@ceres/plugin-bridge';
import { badRequest, unprocessable } from '@ceres/plugin-bridge/runtime';
import { RESULTS_ENTRY_STATES, STATE_LABELS, type State } from '../domain/states';
import { INSCRIPTION, SESSION } from './store';

const fichiers = (files: ActionContext['files']): UploadedFile[] => (files ? Object.values(files).flat() : []);

export function registerPiecesSession(strapi: Core.Strapi, registry: Registry) {
  const pieces = () => strapi.plugin('ra').service('pieces') as PiecesService;
  const q = (uid: string) => strapi.db.query(uid as never);

  const verifierEtat = (statut: State, quoi: string, field: string) => {
    if (!RESULTS_ENTRY_STATES.includes(statut)) {
      throw unprocessable(`${quoi} se joint pendant la saisie des résultats ; la session est « ${STATE_LABELS[statut] ?? statut} ».`, field);
    }
  };

  /** stores exactly one file for `owner`, deleting the one it replaces */
  async function remplacer(ressource: string, documentId: string, usage: string, ctx: ActionContext, field: string, ancienne: Piece | null): Promise<Piece> {
    const list = fichiers(ctx.files);
    if (list.length > 1) throw badRequest(field, 'Joignez un seul fichier (PDF, PNG ou JPEG, 10 Mo au plus).');
    const [piece] = await pieces().enregistrer({ ressource, documentId, usage }, list, ctx.principal, field);
    if (ancienne?.id) await pieces().supprimer({ ressource, documentId, usage }, ancienne.id);
    return piece;
  }

  registry.registerAction({
    resource: 'sessions',
    name: 'joindrePv',
    async handler(ctx) {
      const session = (await q(SESSION).findOne({ where: { id: ctx.id }, select: ['id', 'documentId', 'statut', 'pv'] })) as { documentId: string; statut: State; pv: Piece | null };
      verifierEtat(session.statut, 'Le procès-verbal signé', 'pv');
      const pv = await remplacer('sessions', session.documentId, 'pv', ctx, 'pv', session.pv);
      await q(SESSION).update({ where: { id: ctx.id }, data: { pv } });
      return { id: session.documentId, pv };
    },
  });

  registry.registerAction({
    resource: 'inscriptions',
    name: 'joindreJustificatifAbsence',
    async handler(ctx) {
      const inscription = (await q(INSCRIPTION).findOne({
        where: { id: ctx.id },
        select: ['id', 'documentId', 'statut', 'pieceAbsence'],
        populate: { session: { select: ['id', 'statut'] } },
      })) as { documentId: string; statut: string; pieceAbsence: Piece | null; session: { statut: State } | null };
      if (!inscription.session) throw unprocessable("Cette inscription n'est rattachée à aucune session.", 'justificatif');
      if (inscription.statut !== 'INSCRIT') throw unprocessable('Ce candidat est désinscrit : pas de justificatif d’absence à joindre.', 'justificatif');
      verifierEtat(inscription.session.statut, 'Le justificatif d’absence', 'justificatif');
      const pieceAbsence = await remplacer('inscriptions', inscription.documentId, 'justificatif-absence', ctx, 'justificatif', inscription.pieceAbsence);
      await q(INSCRIPTION).update({ where: { id: ctx.id }, data: { pieceAbsence } });
      return { id: inscription.documentId, pieceAbsence };
    },
  });
}
