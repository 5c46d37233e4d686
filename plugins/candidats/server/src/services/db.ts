/** Small helpers over Strapi's metadata: table and link-table names are read, never guessed. */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export interface Link {
  table: string;
  /** column holding the owner's id */
  own: string;
  /** column holding the target's id */
  target: string;
}

type Meta = {
  tableName: string;
  attributes: Record<string, { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
};

export const UID = {
  candidat: 'api::candidat.candidat',
  evenement: 'api::evenement-parcours.evenement-parcours',
  regle: 'api::regle-equivalence.regle-equivalence',
  demande: 'api::demande-equivalence.demande-equivalence',
  ccp: 'api::ccp.ccp',
  titre: 'api::titre.titre',
  commune: 'api::commune.commune',
  pays: 'api::pays.pays',
} as const;

export function createDb(strapi: Core.Strapi) {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as Meta;
  return {
    knex: () => strapi.db.connection as unknown as Knex,
    /** the current transaction's connection when inside strapi.db.transaction(), the pool otherwise */
    async connection(): Promise<Knex> {
      if (!strapi.db.inTransaction()) return strapi.db.connection as unknown as Knex;
      const { trx } = await strapi.db.transaction(async ({ trx }) => ({ trx }));
      return trx as unknown as Knex;
    },
    table: (uid: string) => meta(uid).tableName,
    /** does `uid` have the relation `attribute` (content types of other engineers arrive over time)? */
    has: (uid: string, attribute: string) => strapi.db.metadata.has(uid) && Boolean(meta(uid).attributes[attribute]?.joinTable),
    link(uid: string, attribute: string): Link {
      const joinTable = meta(uid).attributes[attribute]?.joinTable;
      if (!joinTable) throw new Error(`CERES : ${uid}.${attribute} n'est pas une relation avec table de liaison`);
      return { table: joinTable.name, own: joinTable.joinColumn.name, target: joinTable.inverseJoinColumn.name };
    },
  };
}

export type Db = ReturnType<typeof createDb>;
