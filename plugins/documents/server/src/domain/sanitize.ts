/**
 * Makes any recorded text safe to put into a flat ODT document, without changing what the reader sees.
 * Carbone escapes only `& < >` and drops U+0000–U+001F; XML 1.0 also forbids lone surrogates and
 * U+FFFE/U+FFFF (which make LibreOffice refuse the whole file), and a double quote breaks a value placed
 * inside an attribute. Letters, hyphens (-, ‐, ‑) and apostrophes (' ’) are kept exactly (CERES v1.7).
 */

// characters XML 1.0 refuses (besides tab/newline/CR, handled apart), unpaired surrogates, non-characters U+FFFE/U+FFFF
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C1 controls and bidi overrides: invisible, and a bidi override can reorder a name on paper
const INVISIBLE = /[\u0080-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** One line of text: forbidden characters removed, tabs/newlines → one space, Unicode NFC, trimmed. */
export function sanitizeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  text = text.replace(FORBIDDEN, '').replace(INVISIBLE, '');
  text = text.replace(/[\t\r\n\u2028\u2029]+/g, ' ');
  // NFC: a name typed with combining accents prints (and searches) like the precomposed one
  text = text.normalize('NFC');
  // quotes are kept as typed: templates never put a marker inside an XML attribute (checked by the template tests)
  return text.replace(/ {2,}/g, ' ').trim();
}

/**
 * Deep-sanitises template data: every string through sanitizeText, numbers and booleans kept,
 * dates refused (they must be pre-formatted by format.ts: no time-zone shift on paper),
 * keys kept as they are (they come from code, never from input).
 */
export function sanitizeData<T>(data: T): T {
  const walk = (value: unknown, path: string): unknown => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return sanitizeText(value);
    if (typeof value === 'number') return Number.isFinite(value) ? value : '';
    if (typeof value === 'boolean') return value;
    if (value instanceof Date) throw new Error(`Date non formatée dans les données du document (${path}) : formater en JJ/MM/AAAA avant le rendu.`);
    if (Array.isArray(value)) return value.map((item, index) => walk(item, `${path}[${index}]`));
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = walk(item, path ? `${path}.${key}` : key);
      return out;
    }
    return sanitizeText(String(value));
  };
  return walk(data, '') as T;
}
