import { defaultRoundingRule, roundScore } from './rounding';
import type { RoundingRule } from './schema';

export interface RankItem {
  id: string;
  total: number | null;
}

export interface RankedItem {
  id: string;
  /** The total as shown (rounded by the rule). */
  total: number | null;
  /** 1-based competition rank (1, 2, 2, 4); null for a unit without a total. */
  rank: number | null;
}

/**
 * Ranks by the ROUNDED total a person sees, highest first; equal rounded totals share a rank
 * and the next rank skips (1, 2, 2, 4). Ties and the output order are sorted by id, so the result
 * does not depend on the input order. Units without a total come last, unranked.
 */
export function rank(items: readonly RankItem[], rule: RoundingRule = defaultRoundingRule): RankedItem[] {
  const rows = items.map((it) => ({
    id: it.id,
    total: it.total === null || !Number.isFinite(it.total) ? null : roundScore(it.total, rule),
    rank: null as number | null,
  }));
  rows.sort((a, b) => {
    if (a.total === null || b.total === null) {
      if (a.total !== b.total) return a.total === null ? 1 : -1;
    } else if (a.total !== b.total) return b.total - a.total;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.total === null) break;
    const prev = rows[i - 1];
    row.rank = prev !== undefined && prev.total === row.total ? prev.rank : i + 1;
  }
  return rows;
}
