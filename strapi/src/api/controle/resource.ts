import type { FieldError, ResourceDefinition } from '@ceres/plugin-bridge';
import { territoryViaCentre } from '../../organisations/territory';
import { findWith, refOf } from '../../organisations/lookup';

export const controleResource: ResourceDefinition = {
  name: 'controles',
  uid: 'api::controle.controle',
  label: 'le contrôle',
  search: ['objet', 'constats'],
  filters: { centre: {}, session: {}, type: {}, statut: {}, suite: {}, dateControle: {} },
  sort: ['dateControle', 'type', 'statut', 'createdAt'],
  defaultSort: ['dateControle', 'DESC'],
  territory: territoryViaCentre('api::controle.controle'),
  async validate(record) {
    const errors: FieldError[] = [];
    if (!record.centre) errors.push({ field: 'centre', message: 'Le centre contrôlé est obligatoire.' });
    if (record.session && record.centre) {
      const session = await findWith('api::session.session', record.session, ['centre']);
      if (refOf(session, 'centre') !== record.centre) errors.push({ field: 'session', message: "Cette session n'est pas organisée par le centre contrôlé." });
    }
    if (record.suite && record.suite !== 'AUCUNE' && record.statut === 'PROGRAMME') {
      errors.push({ field: 'suite', message: 'Un contrôle seulement programmé ne peut pas encore avoir de suite.' });
    }
    return errors;
  },
};
