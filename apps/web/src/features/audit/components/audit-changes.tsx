import { Code, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { type AuditEntry, changedFields } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { TableHead } from '@/components/ui/table-head';
import { NO_VALUE, visibleText } from '@/lib/format';

const LONG = 160;

function show(value: unknown): string {
  if (value === undefined) return NO_VALUE;
  const text = visibleText(typeof value === 'string' ? value : JSON.stringify(value));
  return text.length > LONG ? `${text.slice(0, LONG)}…` : text;
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {/* Focusable so keyboard users can scroll a long document (WCAG 2.1.1). */}
      <Code
        block
        tabIndex={0}
        role="region"
        aria-label={label}
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 280, overflow: 'auto' }}
      >
        {value === null || value === undefined ? NO_VALUE : JSON.stringify(value, null, 2)}
      </Code>
    </div>
  );
}

/** Before and after of one audit entry: the changed fields first, the full documents on request. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.before === null && entry.after === null && !entry.reason) {
    return (
      <Text size="sm" c="dimmed">
        {NO_VALUE}
      </Text>
    );
  }
  const fields = changedFields(entry.before, entry.after);
  return (
    <details className="audit-details">
      <summary>{t('audit.showChanges')}</summary>
      <Stack gap="xs" mt="xs">
        {entry.reason ? (
          <Text size="sm">
            <strong>{t('audit.reason')}:</strong> {visibleText(entry.reason)}
          </Text>
        ) : null}
        {fields.length > 0 ? (
          <Table withTableBorder verticalSpacing={4} fz="xs">
            <TableHead
              columns={[
                { label: t('audit.field') },
                { label: t('audit.before') },
                { label: t('audit.after') },
              ]}
            />
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f.field || '-'}>
                  <Table.Td ff="monospace">{f.field || NO_VALUE}</Table.Td>
                  <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {show(f.before)}
                  </Table.Td>
                  <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {show(f.after)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs">
          <Json label={t('audit.before')} value={entry.before} />
          <Json label={t('audit.after')} value={entry.after} />
        </SimpleGrid>
      </Stack>
    </details>
  );
}
