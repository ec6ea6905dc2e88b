import type { AuditExportQuery } from '@sip/contracts';

/** The download link of the filtered log (the browser sends the session cookie with it). */
export function auditExportHref(q: Omit<AuditExportQuery, 'format'>, format: AuditExportQuery['format']) {
  const p = new URLSearchParams({ format });
  for (const key of ['action', 'entity', 'actor', 'from', 'to'] as const) {
    const v = q[key];
    if (v) p.set(key, v);
  }
  return `/api/audit/export?${p}`;
}
