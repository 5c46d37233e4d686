/**
 * The two read-only bridge resources over the trace table:
 *  - `traces`: the global search (by user, resource, record, action, period), national administrators only;
 *  - `historique`: one record's history, for whoever may see that record (filter resource + record required).
 * Neither has a create/edit/delete grant, both are `readOnlyResource`, and the table refuses UPDATE/DELETE.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { badRequest, BridgeError, forbidden, isAllowed, type ListQuery, type Principal, type Registry, type Repository, type ResourceDefinition } from '@ceres/plugin-bridge/runtime';
import { parseTraceFilter, QueryError, TRACE_SORTS, type TraceFilter } from '../domain/query';
import { findTrace, searchTraces } from './store';

function parsed(query: ListQuery): TraceFilter {
  try {
    return parseTraceFilter(query.filter);
  } catch (error) {
    if (error instanceof QueryError) throw badRequest(error.field, error.message);
    throw error;
  }
}

export function traceResources(strapi: Core.Strapi): ResourceDefinition[] {
  const knex = () => strapi.db.connection as unknown as Knex;
  const registry = () => strapi.plugin('ra').service('registry') as Registry;
  const repository = () => strapi.plugin('ra').service('repository') as Repository;

  /** the record's history is visible to whoever may see the record (matrix + territory) */
  async function checkRecordVisible(principal: Principal, filter: TraceFilter) {
    if (!filter.resource || !filter.record) {
      throw badRequest('filter.record', "L'historique se consulte par enregistrement : précisez les filtres « resource » et « record ».");
    }
    const resource = registry().resource(filter.resource);
    if (!resource || resource.reader) throw badRequest('filter.resource', `Ressource inconnue « ${filter.resource} ».`);
    if (!isAllowed(principal.profile, resource.name, 'show')) {
      throw forbidden(`Votre profil ne permet pas de consulter l'historique de ${resource.label}.`);
    }
    // a deleted record's history stays visible to national profiles only (no territory left to check)
    if (principal.territory.kind === 'national') return;
    await repository().resolveId(resource, filter.record, principal.territory);
  }

  const sort = [...TRACE_SORTS];
  return [
    {
      name: 'traces',
      uid: 'plugin::tracabilite.trace',
      label: 'la trace',
      readOnlyResource: true,
      sort,
      defaultSort: ['at', 'DESC'],
      reader: {
        list: (query) => searchTraces(knex(), parsed(query), query.sort, query.range),
        findOne: (id) => findTrace(knex(), id),
      },
    },
    {
      name: 'historique',
      uid: 'plugin::tracabilite.historique',
      label: "l'historique",
      readOnlyResource: true,
      sort,
      defaultSort: ['at', 'DESC'],
      reader: {
        async list(query, principal) {
          const filter = parsed(query);
          await checkRecordVisible(principal, filter);
          return searchTraces(knex(), filter, query.sort, query.range);
        },
        async findOne() {
          // a history line is read in its list; one trace by number is the administrators' `traces`
          throw new BridgeError(404, 'Consultez l’historique depuis la fiche de l’enregistrement.');
        },
      },
    },
  ];
}
