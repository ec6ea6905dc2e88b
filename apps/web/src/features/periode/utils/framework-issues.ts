import type { FrameworkIssue } from '@sip/scoring';

export type IssuePath = readonly (string | number)[];

const same = (a: IssuePath, b: IssuePath) => a.length === b.length && a.every((p, i) => p === b[i]);
const startsWith = (a: IssuePath, prefix: IssuePath) =>
  a.length >= prefix.length && prefix.every((p, i) => p === a[i]);

/** The engine's messages about exactly this field, joined for an input's `error`. */
export function messageAt(issues: readonly FrameworkIssue[], path: IssuePath): string | undefined {
  const found = issues.filter((i) => same(i.path, path)).map((i) => i.message);
  return found.length > 0 ? found.join(' ') : undefined;
}

export function issuesUnder(issues: readonly FrameworkIssue[], prefix: IssuePath): FrameworkIssue[] {
  return issues.filter((i) => startsWith(i.path, prefix));
}

/** The `message` of each item of an API error's details (framework issues, field errors). */
export function detailMessages(error: unknown): string[] {
  const details = (error as { details?: unknown } | null)?.details;
  if (!Array.isArray(details)) return [];
  return details
    .map((d) => (d && typeof d === 'object' ? (d as { message?: unknown }).message : undefined))
    .filter((m): m is string => typeof m === 'string');
}
