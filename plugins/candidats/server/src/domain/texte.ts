/**
 * Text folding for identity comparison: `plier` is the project's one search normalisation, the bridge's
 * normalizeSearchText (the same folding as the SQL ceres_norm()).
 */
import { normalizeSearchText } from '@ceres/plugin-bridge/runtime';

export const plier = normalizeSearchText;

/** Folded and without separators: "Jean-Pierre", "jean pierre" and "JEANPIERRE" give "jeanpierre". */
export const compact = (value: string | null | undefined) => (value ? plier(value).replace(/ /g, '') : '');

/**
 * Optimal-string-alignment distance (Levenshtein + transposition of two neighbours), stopped as soon
 * as it exceeds `max`: a typo is one insertion, deletion, substitution or swap of two letters.
 */
export function distanceEdition(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/** JJ/MM/AAAA, the agents' date format (one definition, in the bridge) */
export { dateFr } from '@ceres/plugin-bridge/runtime';
