/** The error and what it wraps: drizzle reports driver errors as the `cause` of a DrizzleQueryError. */
export function errorChain(err: unknown): { code?: unknown; message?: string }[] {
  const out: { code?: unknown; message?: string }[] = [];
  for (
    let e = err as { code?: unknown; message?: string; cause?: unknown } | undefined;
    e && out.length < 4;
    e = e.cause as typeof e
  ) {
    out.push(e);
  }
  return out;
}

const hasCode = (err: unknown, codes: ReadonlySet<string>) =>
  errorChain(err).some((e) => typeof e.code === 'string' && codes.has(e.code));

/** The unique constraint that refused the row (someone else wrote the same key first), or null. */
export function uniqueViolation(err: unknown): string | null {
  const e = errorChain(err).find((x) => x.code === '23505') as { constraint?: string } | undefined;
  return e ? (e.constraint ?? 'unique') : null;
}
export const isUniqueViolation = (err: unknown) => uniqueViolation(err) !== null;

// PostgreSQL unreachable or restarting: the request may succeed if retried shortly.
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

export function isDatabaseDown(err: unknown): boolean {
  return (
    hasCode(err, unavailableCodes) ||
    errorChain(err).some((e) =>
      /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
        e.message ?? '',
      ),
    )
  );
}

/** Text PostgreSQL cannot store (a NUL byte, an invalid sequence): the client's input, not a server fault. */
export const isBadText = (err: unknown) => hasCode(err, new Set(['22021', '22P05']));
