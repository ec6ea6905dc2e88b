import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditFacets } from '../api/get-audit-facets';

export interface AuditFilterBarValues {
  action: string;
  entity: string;
  actor: string;
  from: string;
  to: string;
}

export const emptyAuditFilterBar: AuditFilterBarValues = {
  action: '',
  entity: '',
  actor: '',
  from: '',
  to: '',
};

interface AuditFilterBarProps {
  value: AuditFilterBarValues;
  onApply: (value: AuditFilterBarValues) => void;
}

/** Filters by actor, entity, action and date; the choices are what occurs in this pemda's log. */
export function AuditFilterBar({ value, onApply }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const facets = useAuditFacets();
  const [draft, setDraft] = useState(value);
  const { action, entity, actor, from, to } = value;
  useEffect(() => setDraft({ action, entity, actor, from, to }), [action, entity, actor, from, to]);

  const options = (list: string[] | undefined, current: string) =>
    [...new Set([...(list ?? []), ...(current ? [current] : [])])].map((v) => ({ value: v, label: v }));
  const pick = (field: keyof AuditFilterBarValues) => (v: string | null) =>
    setDraft((d) => ({ ...d, [field]: v ?? '' }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form onSubmit={handleSubmit} aria-label={t('audit.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        {(
          [
            ['actor', t('audit.actor'), facets.data?.actors],
            ['entity', t('audit.entity'), facets.data?.entities],
            ['action', t('audit.action'), facets.data?.actions],
          ] as const
        ).map(([field, label, choices]) => (
          <Select
            key={field}
            label={label}
            placeholder={t('audit.any')}
            data={options(choices, draft[field])}
            value={draft[field] || null}
            onChange={pick(field)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('audit.clear') }}
          />
        ))}
        <TextInput
          type="date"
          label={t('audit.from')}
          value={draft.from}
          onChange={(e) => {
            const from = e.currentTarget.value;
            setDraft((d) => ({ ...d, from }));
          }}
          max={draft.to || undefined}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={draft.to}
          onChange={(e) => {
            const to = e.currentTarget.value;
            setDraft((d) => ({ ...d, to }));
          }}
          min={draft.from || undefined}
        />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
          {t('audit.apply')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={() => {
            setDraft(emptyAuditFilterBar);
            onApply(emptyAuditFilterBar);
          }}
        >
          {t('audit.reset')}
        </Button>
      </Group>
    </form>
  );
}
