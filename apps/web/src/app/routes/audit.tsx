import { Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { useStartAuditExport } from '@/features/audit/api/start-audit-export';
import { AuditFilterBar, type AuditFilterBarValues } from '@/features/audit/components/audit-filter-bar';
import { AuditTable } from '@/features/audit/components/audit-table';
import { ExportJobButtons } from '@/features/jobs/components/export-job-buttons';

const PAGE_SIZE = 25;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Behind RequireRole admin. */
export function AuditRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const startExport = useStartAuditExport();

  // Filters live in the URL so a filtered view can be bookmarked and shared.
  const filters: AuditFilterBarValues = {
    action: params.get('aksi') ?? '',
    entity: params.get('entitas') ?? '',
    actor: params.get('pengguna') ?? '',
    from: isoDate.test(params.get('dari') ?? '') ? (params.get('dari') ?? '') : '',
    to: isoDate.test(params.get('sampai') ?? '') ? (params.get('sampai') ?? '') : '',
  };
  const page = Math.max(1, Number.parseInt(params.get('halaman') ?? '1', 10) || 1);

  const update = (next: AuditFilterBarValues, nextPage = 1) => {
    const p = new URLSearchParams();
    if (next.action) p.set('aksi', next.action);
    if (next.entity) p.set('entitas', next.entity);
    if (next.actor) p.set('pengguna', next.actor);
    if (next.from) p.set('dari', next.from);
    if (next.to) p.set('sampai', next.to);
    if (nextPage > 1) p.set('halaman', String(nextPage));
    setParams(p);
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('audit.title')} />
        <Text c="dimmed" size="sm">
          {t('audit.intro')}
        </Text>
      </Stack>
      <Card withBorder radius="md" padding="md">
        <AuditFilterBar value={filters} onApply={(next) => update(next)} />
      </Card>
      <ExportJobButtons
        formats={['xlsx', 'csv'] as const}
        label={(format) => t('audit.download', { format: format.toUpperCase() })}
        start={async (format) =>
          (
            await startExport.mutateAsync({
              format,
              action: filters.action || undefined,
              entity: filters.entity || undefined,
              actor: filters.actor || undefined,
              from: filters.from || undefined,
              to: filters.to || undefined,
            })
          ).job
        }
      />
      <AuditTable
        params={{
          page,
          pageSize: PAGE_SIZE,
          action: filters.action || undefined,
          entity: filters.entity || undefined,
          actor: filters.actor || undefined,
          from: filters.from || undefined,
          to: filters.to || undefined,
        }}
        onPageChange={(next) => update(filters, next)}
      />
    </Stack>
  );
}
