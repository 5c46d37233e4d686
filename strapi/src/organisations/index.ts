/** Organisations (centres, sites, agréments, autorisations temporaires, contrôles): wiring into Strapi. */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { registerCentreTerritoryDerivation } from './derive-territory';
import { registerAgrementActions } from './actions';
import { today } from './lookup';
import { linkOf } from './territory';

export function registerOrganisations(strapi: Core.Strapi) {
  registerCentreTerritoryDerivation(strapi);
  registerAgrementActions(strapi);
  // the request date is the server's, not typed in
  strapi.documents.use(async (context, next) => {
    if (context.uid === 'api::agrement.agrement' && context.action === 'create') {
      const params = context.params as { data?: Record<string, unknown> };
      params.data = { dateDemande: today(), ...params.data };
    }
    return next();
  });
}

/** Indexes the territory joins and the lists need (Strapi's `unique` creates none). */
export async function bootstrapOrganisations(strapi: Core.Strapi) {
  const knex = strapi.db.connection as unknown as Knex;
  await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS centres_siret_uniq ON centres (siret)');
  const links: [string, string][] = [
    ['api::centre.centre', 'departement'],
    ['api::centre.centre', 'region'],
    ['api::site.site', 'centre'],
    ['api::agrement.agrement', 'centre'],
    ['api::autorisation-temporaire.autorisation-temporaire', 'centre'],
    ['api::controle.controle', 'centre'],
  ];
  for (const [uid, attribute] of links) {
    const link = linkOf(uid, attribute);
    // target → owners: the territory sub-queries select owners by their centre (or département/région)
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${link.table}_tgt_idx ON ${link.table} (${link.target}, ${link.own})`);
  }
}
