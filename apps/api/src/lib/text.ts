/**
 * Text no person meant and PostgreSQL cannot store: a lone UTF-16 surrogate (a JSON "\ud800"). The
 * path of the first such string in a parsed body, or null.
 */
export function malformedTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return /\p{Cs}/u.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = malformedTextPath(v, path ? `${path}.${k}` : k);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+200E/F): they make a name
 * read differently from what it is ("fakturexe.pdf" shown as "fakturfdp.exe"). Removed from names.
 */
export const stripBidi = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
