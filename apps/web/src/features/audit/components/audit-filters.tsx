import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface AuditFilterValues {
  action: string;
  actor: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilterValues = { action: '', actor: '', from: '', to: '' };

interface AuditFiltersProps {
  value: AuditFilterValues;
  onApply: (value: AuditFilterValues) => void;
}

export function AuditFilters({ value, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  // Follow the URL (back/forward, reset) without resetting on every render.
  const { action, actor, from, to } = value;
  useEffect(() => setDraft({ action, actor, from, to }), [action, actor, from, to]);

  const set = (field: keyof AuditFilterValues) => (e: { currentTarget: { value: string } }) => {
    const next = e.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: next }));
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({
      action: draft.action.trim(),
      actor: draft.actor.trim(),
      from: draft.from,
      to: draft.to,
    });
  }

  return (
    <form onSubmit={handleSubmit} aria-label={t('audit.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          value={draft.action}
          onChange={set('action')}
          maxLength={60}
        />
        <TextInput
          label={t('audit.actor')}
          placeholder={t('audit.actorPlaceholder')}
          value={draft.actor}
          onChange={set('actor')}
          maxLength={50}
          autoCapitalize="none"
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={draft.from}
          onChange={set('from')}
          max={draft.to || undefined}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={draft.to}
          onChange={set('to')}
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
            setDraft(emptyAuditFilters);
            onApply(emptyAuditFilters);
          }}
        >
          {t('audit.reset')}
        </Button>
      </Group>
    </form>
  );
}
