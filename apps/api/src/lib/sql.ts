import { eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Escapes LIKE/ILIKE wildcards so user input matches literally (default escape character \). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Rows whose wilayah code is one of `kodes` or lies under one of them (Kemendagri codes nest:
 * 32.73 ⊃ 32.73.02 ⊃ 32.73.02.1004). No code: no row.
 */
export function withinWilayah(column: PgColumn, kodes: readonly string[]): SQL {
  if (kodes.length === 0) return sql`false`;
  return or(...kodes.flatMap((k) => [eq(column, k), like(column, `${escapeLike(k)}.%`)])) as SQL;
}
