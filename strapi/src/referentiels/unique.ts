/**
 * Natural keys made of several fields (commune: codeInsee + type; titre: code + version) are enforced by a
 * unique index at the database level; this check answers a French 400 naming the field before the index would.
 */
import type { FieldError } from '@ceres/plugin-bridge';

declare const strapi: import('@strapi/strapi').Core.Strapi;

export async function checkNaturalKey(
  uid: string,
  record: Record<string, unknown>,
  previousId: unknown,
  fields: string[],
  message: (record: Record<string, unknown>) => string,
): Promise<FieldError[]> {
  if (fields.some((f) => record[f] === undefined || record[f] === null || record[f] === '')) return [];
  const where: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, record[f]]));
  if (typeof previousId === 'string') where.documentId = { $ne: previousId };
  const other = await strapi.db.query(uid as never).findOne({ where, select: ['documentId'] });
  return other ? [{ field: fields[0], message: message(record) }] : [];
}
