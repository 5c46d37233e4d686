/** Reads used by the organisations' validation rules: a record by documentId with some to-one relations. */
export type Found = Record<string, unknown> & { id: number; documentId: string };

export async function findWith(uid: string, documentId: unknown, relations: string[] = []): Promise<Found | null> {
  if (typeof documentId !== 'string' || !documentId) return null;
  return (await strapi.db.query(uid as never).findOne({
    where: { documentId },
    populate: Object.fromEntries(relations.map((r) => [r, { select: ['id', 'documentId'] }])),
  })) as Found | null;
}

/** documentId of a to-one relation read by findWith */
export const refOf = (record: Found | null, relation: string) => (record?.[relation] as { documentId?: string } | null | undefined)?.documentId ?? null;

export const today = () => new Date().toISOString().slice(0, 10);
