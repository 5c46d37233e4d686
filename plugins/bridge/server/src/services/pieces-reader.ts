/**
 * GET /api/ra/pieces/<id>: one reader for every supporting document, whatever record owns it. The owner
 * decides: the user must be allowed to read the owner's resource (matrix) and reach the owning record
 * (its territory rule); otherwise 404, as for any record out of reach. Pieces go with their record when
 * it is deleted (same transaction).
 */
import type { Core } from '@strapi/strapi';
import { isAllowed } from '../domain/permissions';
import type { createRegistry } from './registry';
import type { PiecesService } from './pieces';
import type { Repository } from './repository';

/** usages read only by the profiles the matrix grants them to (row `pieces`, action = usage) */
const USAGES_RESTREINTS = new Set(['justificatif-absence']);

export function registerPieces(strapi: Core.Strapi, registry: ReturnType<typeof createRegistry>) {
  const pieces = () => strapi.plugin('ra').service('pieces') as PiecesService;
  const repository = () => strapi.plugin('ra').service('repository') as Repository;

  registry.register({
    name: 'pieces',
    // a reader's uid only names it
    uid: 'plugin::ra.pieces',
    label: 'la pièce justificative',
    readOnlyResource: true,
    reader: {
      async list() {
        return { total: 0, records: [] };
      },
      async findOne(id, principal) {
        if (!/^\d{1,15}$/.test(id)) return null;
        const owner = await pieces().proprietaire(Number(id));
        const definition = owner && registry.resource(owner.ressource);
        if (!owner || !definition || !isAllowed(principal.profile, owner.ressource, 'show')) return null;
        // some kinds of piece are narrower than their record (matrix row `pieces`: the usage as action)
        if (USAGES_RESTREINTS.has(owner.usage) && !isAllowed(principal.profile, 'pieces', owner.usage)) return null;
        await repository().resolveId(definition, owner.documentId, principal.territory);
        const piece = await pieces().lire(Number(id), owner);
        return { ...piece, id, usage: owner.usage, contenu: piece.contenu.toString('base64') };
      },
    },
  });

  registry.onWrite(async (event) => {
    if (event.action === 'delete') await pieces().supprimer({ ressource: event.resource, documentId: event.documentId });
  });
}
