import type { FastifySchemaCompiler } from 'fastify';

type Validate = (data: unknown) => unknown;

/** The text of a flat object of strings (path parameters, a query string), or null for anything else. */
function flatKey(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  let key = '';
  for (const k in data) {
    const v = (data as Record<string, unknown>)[k];
    if (typeof v !== 'string') return null;
    // Length-prefixed, so no choice of characters can make two different inputs read the same.
    key += `${k.length}:${k}${v.length}:${v}`;
  }
  return key;
}

/**
 * Path parameters and query strings repeat (`tahun=2026`, `level=kelurahan`): their validation result
 * is kept by the exact input text, so a repeated request is not parsed by zod again. Only successful
 * results are kept, frozen (no handler changes its params), in a bounded map per route part; bodies
 * and headers are always validated.
 */
export function memoizeFlatParts<S>(
  compile: FastifySchemaCompiler<S>,
  max = 1_000,
): FastifySchemaCompiler<S> {
  return (route) => {
    const validate = compile(route) as Validate;
    if (route.httpPart !== 'params' && route.httpPart !== 'querystring') return validate as never;
    const seen = new Map<string, unknown>();
    const memoized: Validate = (data) => {
      const key = flatKey(data);
      if (key === null) return validate(data);
      let result = seen.get(key);
      if (result === undefined) {
        result = validate(data);
        const value = (result as { value?: unknown; error?: unknown }).value;
        if ((result as { error?: unknown }).error || value === null || typeof value !== 'object') {
          return result;
        }
        Object.freeze(value);
        if (seen.size >= max) seen.clear();
        seen.set(key, result);
      }
      return result;
    };
    return memoized as never;
  };
}
