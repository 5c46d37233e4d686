import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { checkNaturalKey } from '../../referentiels/unique';

const TYPES: Record<string, string> = {
  COMMUNE_ACTUELLE: 'commune actuelle',
  COMMUNE_DELEGUEE: 'commune déléguée',
  COMMUNE_ASSOCIEE: 'commune associée',
  ARRONDISSEMENT_MUNICIPAL: 'arrondissement municipal',
};

export const communeResource: ResourceDefinition = {
  name: 'communes',
  uid: 'api::commune.commune',
  label: 'la commune',
  search: ['nom', 'codeInsee'],
  filters: { codeInsee: {}, type: {}, departement: {}, communeParente: {}, population: {} },
  sort: ['nom', 'codeInsee', 'type', 'population'],
  defaultSort: ['nom', 'ASC'],
  async validate(record, context) {
    const errors = [];
    if (record.type && record.type !== 'COMMUNE_ACTUELLE' && !record.communeParente) {
      errors.push({ field: 'communeParente', message: `Une ${TYPES[String(record.type)] ?? 'commune'} est rattachée à une commune parente : renseignez-la.` });
    }
    if (record.type === 'COMMUNE_ACTUELLE' && record.communeParente) {
      errors.push({ field: 'communeParente', message: "Une commune actuelle n'a pas de commune parente." });
    }
    errors.push(
      ...(await checkNaturalKey('api::commune.commune', record, context.previous?.id, ['codeInsee', 'type'], (r) => `La ${TYPES[String(r.type)] ?? 'commune'} de code INSEE ${r.codeInsee} existe déjà.`)),
    );
    return errors;
  },
};
