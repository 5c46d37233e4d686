import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { checkCodeInseePartage, type PaysLike } from './rules';

declare const strapi: import('@strapi/strapi').Core.Strapi;

export const paysResource: ResourceDefinition = {
  name: 'pays',
  uid: 'api::pays.pays',
  label: 'le pays',
  search: ['nom', 'libelleCog', 'codeInsee'],
  // pickers: current countries = filter {"dateFin_null": true} (or nature_neq ANCIEN_ETAT); birth country: all
  filters: { nature: {}, codeInsee: {}, dateDebut: {}, dateFin: {}, successeur: {}, codeIso2: {}, codeIso3: {} },
  sort: ['nom', 'codeInsee', 'libelleCog', 'nature', 'dateDebut', 'dateFin'],
  defaultSort: ['nom', 'ASC'],
  async validate(record, context) {
    if (typeof record.codeInsee !== 'string') return [];
    const others = (await strapi.db.query('api::pays.pays').findMany({
      where: { codeInsee: record.codeInsee, ...(context.previous?.id ? { documentId: { $ne: context.previous.id } } : {}) },
      select: ['nom', 'libelleCog', 'nature', 'dateDebut', 'dateFin', 'documentId'],
    })) as PaysLike[];
    const error = checkCodeInseePartage(record as PaysLike, others);
    return error ? [error] : [];
  },
};
