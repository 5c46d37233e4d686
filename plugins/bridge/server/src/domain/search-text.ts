/**
 * Search normalisation shared by the query side (TypeScript) and the index side (SQL function
 * ceres_norm, see services/search-sql.ts): lower case, no accents, ligatures spelt out, every run of
 * non-alphanumeric characters (hyphen, apostrophe, space, punctuation) folded into one space.
 * "L'Haÿ-les-Roses" and "l hay les roses" both become "l hay les roses".
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ĳ: 'ij' };

export function normalizeSearchText(value: string): string {
  return value
    .toLowerCase()
    .replace(/[œæßĳ]/g, (c) => LIGATURES[c])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a search: each one must appear in the record's searchable text. */
export function searchTokens(q: string): string[] {
  const normalized = normalizeSearchText(q);
  return normalized ? [...new Set(normalized.split(' '))].slice(0, 8) : [];
}
