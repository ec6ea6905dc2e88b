import { describe, expect, it } from 'vitest';
import { auditExportHref } from './get-audit-export';

describe('auditExportHref', () => {
  it('carries the viewer filters that are set, and the format', () => {
    expect(auditExportHref({ action: 'user.updated', from: '2026-11-01' }, 'csv')).toBe(
      '/api/audit/export?format=csv&action=user.updated&from=2026-11-01',
    );
    expect(auditExportHref({}, 'xlsx')).toBe('/api/audit/export?format=xlsx');
  });
});
