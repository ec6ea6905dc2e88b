import {
  ActionIcon,
  Alert,
  Button,
  Card,
  FileButton,
  Grid,
  Group,
  List,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Periode } from '@sip/contracts';
import { FRAMEWORK_EXPORT_FORMAT } from '@sip/contracts';
import { type Bidang, type Framework, frameworkSchema, validateFramework } from '@sip/scoring';
import {
  IconAlertCircle,
  IconDeviceFloppy,
  IconDownload,
  IconLock,
  IconPlus,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '@/components/ui/error-text';
import { NumberField } from '@/components/ui/number-field';
import { StaleAlert } from '@/components/ui/stale-alert';
import { errorMessage } from '@/lib/api-client';
import { isApiError } from '@/lib/http';
import { frameworkExportHref } from '../api/export-framework';
import { useUpdateFramework } from '../api/update-framework';
import { messageAt } from '../utils/framework-issues';
import { BidangEditor, TotalBadge } from './bidang-editor';
import classes from './framework-editor.module.css';
import { FrameworkPreview } from './framework-preview';

interface FrameworkEditorProps {
  periode: Periode;
  /** Fetch the latest version after a conflict (409 STALE). */
  onReload: () => void;
  reloading: boolean;
}

/**
 * Edits a periode's framework in the browser; the scoring engine validates every keystroke and its
 * messages appear next to the field they concern. The API validates again on save.
 */
export function FrameworkEditor({ periode, onReload, reloading }: FrameworkEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Framework>(() => structuredClone(periode.framework));
  const [reason, setReason] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const mutation = useUpdateFramework();
  const issues = useMemo(() => validateFramework(draft), [draft]);
  const dirty = useMemo(
    () => JSON.stringify(draft) !== JSON.stringify(periode.framework),
    [draft, periode.framework],
  );
  const scoringLocked = periode.scoringLocked;
  const readOnly = periode.frameworkLocked;
  const lock = scoringLocked || readOnly;

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const handler = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [dirty]);

  const update = (fn: (f: Framework) => void) =>
    setDraft((d) => {
      const next = structuredClone(d);
      fn(next);
      return next;
    });
  const setBidang = (i: number, b: Bidang) =>
    update((f) => {
      f.bidang[i] = b;
    });
  const moveBidang = (i: number, delta: -1 | 1) =>
    update((f) => {
      const [item] = f.bidang.splice(i, 1);
      if (item) f.bidang.splice(i + delta, 0, item);
      for (const [k, b] of f.bidang.entries()) b.order = k + 1;
    });
  const bidangTotal = draft.bidang.reduce((s, b) => s + Math.round(b.weight * 100), 0);

  function save() {
    mutation.mutate(
      { id: periode.id, version: periode.version, framework: draft, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({
            closeButtonProps: { 'aria-label': t('admin.close') },
            color: 'teal',
            message: t('admin.framework.saved'),
          });
          setReason('');
        },
      },
    );
  }

  async function importFile(file: File | null) {
    setImportError(null);
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setImportError(t('admin.framework.importNotJson'));
      return;
    }
    const candidate =
      json && typeof json === 'object' && (json as { format?: unknown }).format === FRAMEWORK_EXPORT_FORMAT
        ? (json as { framework?: unknown }).framework
        : json;
    const problems = validateFramework(candidate);
    if (problems.length > 0) {
      setImportError(
        t('admin.framework.importInvalid', {
          messages: problems
            .slice(0, 5)
            .map((p) => p.message)
            .join(' '),
        }),
      );
      return;
    }
    setDraft(frameworkSchema.parse(candidate));
    notifications.show({
      closeButtonProps: { 'aria-label': t('admin.close') },
      color: 'blue',
      message: t('admin.framework.imported'),
    });
  }

  const stale = isApiError(mutation.error, 'STALE');
  const topIssues = issues.filter((i) => i.path.length <= 1 || i.code === 'SCHEMA');

  return (
    <Grid gap="md" className={classes.editor}>
      <Grid.Col span={{ base: 12, xl: 8 }}>
        <Stack gap="md">
          {readOnly ? (
            <Alert
              color="gray"
              variant="light"
              icon={<IconLock aria-hidden />}
              title={t('admin.framework.readOnlyTitle')}
            >
              {t('admin.framework.readOnly')}
            </Alert>
          ) : scoringLocked ? (
            <Alert
              color="blue"
              variant="light"
              icon={<IconLock aria-hidden />}
              title={t('admin.framework.lockedTitle')}
            >
              {t('admin.framework.locked', { status: t(`admin.periode.status.${periode.status}`) })}
            </Alert>
          ) : null}

          {!readOnly ? (
            <Card
              withBorder
              radius="md"
              padding="sm"
              component="section"
              aria-label={t('admin.framework.saveTitle')}
              shadow="sm"
              className={classes.saveBar}
            >
              <Stack gap="xs">
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <Text
                    size="sm"
                    role="status"
                    c={issues.length > 0 ? 'red.8' : 'dimmed'}
                    fw={issues.length > 0 ? 600 : 400}
                  >
                    {issues.length > 0
                      ? t('admin.framework.issueCount', { count: issues.length })
                      : dirty
                        ? t('admin.framework.unsaved')
                        : t('admin.framework.noChanges')}
                  </Text>
                  <Group gap="sm">
                    <Button
                      variant="default"
                      disabled={!dirty}
                      onClick={() => {
                        setDraft(structuredClone(periode.framework));
                        mutation.reset();
                      }}
                    >
                      {t('admin.framework.discard')}
                    </Button>
                    <Button
                      leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                      onClick={save}
                      loading={mutation.isPending}
                      disabled={!dirty || issues.length > 0 || stale}
                    >
                      {t('admin.framework.save')}
                    </Button>
                  </Group>
                </Group>
                {scoringLocked && dirty ? (
                  <Textarea
                    label={t('admin.framework.reason')}
                    description={t('admin.framework.reasonHint')}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                    maxLength={500}
                    autosize
                    minRows={1}
                  />
                ) : null}
                {stale ? (
                  <StaleAlert
                    error={mutation.error}
                    onReload={onReload}
                    reloading={reloading}
                    title={t('admin.framework.staleTitle')}
                  />
                ) : mutation.isError ? (
                  <Alert
                    color="red"
                    variant="light"
                    role="alert"
                    icon={<IconAlertCircle aria-hidden />}
                    title={t('admin.framework.refusedTitle')}
                  >
                    <Text size="sm">{errorMessage(mutation.error)}</Text>
                  </Alert>
                ) : null}
              </Stack>
            </Card>
          ) : null}
          <Group gap="sm" wrap="wrap">
            <Button
              component="a"
              href={frameworkExportHref(periode.id)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('admin.framework.export')}
            </Button>
            {!lock ? (
              <FileButton onChange={(f) => void importFile(f)} accept="application/json,.json">
                {(props) => (
                  <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
                    {t('admin.framework.import')}
                  </Button>
                )}
              </FileButton>
            ) : null}
          </Group>
          {importError ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              icon={<IconAlertCircle aria-hidden />}
              withCloseButton
              onClose={() => setImportError(null)}
            >
              {importError}
            </Alert>
          ) : null}

          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="fw-settings-title">
            <Stack gap="sm">
              <Title order={3} size="h4" id="fw-settings-title">
                {t('admin.framework.scoringSettings')}
              </Title>
              <Group align="flex-start" gap="md" wrap="wrap">
                <NumberField
                  label={t('admin.framework.roundingDecimals')}
                  value={draft.settings.rounding.decimals}
                  onValue={(v) =>
                    update((f) => {
                      f.settings.rounding.decimals = Math.round(v ?? 0);
                    })
                  }
                  error={messageAt(issues, ['settings', 'rounding', 'decimals'])}
                  disabled={lock}
                  w={180}
                />
                <TextInput
                  label={t('admin.framework.formulaVersion')}
                  value={draft.settings.formulaVersion}
                  readOnly
                  w={180}
                />
              </Group>
              <Text size="sm" fw={500}>
                {t('admin.framework.predikatBands')}
              </Text>
              <Table.ScrollContainer minWidth={360} type="native">
                <Table withTableBorder verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={140}>
                        {t('admin.framework.predikatMin')}
                      </Table.Th>
                      <Table.Th scope="col">{t('admin.framework.predikatLabel')}</Table.Th>
                      <Table.Th scope="col" w={50}>
                        <VisuallyHidden>{t('admin.framework.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {draft.settings.predikatBands.map((b, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          <NumberField
                            size="xs"
                            aria-label={t('admin.framework.predikatMinOf', { row: i + 1 })}
                            value={b.min}
                            onValue={(v) =>
                              update((f) => {
                                f.settings.predikatBands[i] = { ...b, min: v ?? 0 };
                              })
                            }
                            error={messageAt(issues, ['settings', 'predikatBands', i, 'min'])}
                            disabled={lock}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            size="xs"
                            aria-label={t('admin.framework.predikatLabelOf', { row: i + 1 })}
                            value={b.label}
                            onChange={(e) => {
                              const label = e.currentTarget.value;
                              update((f) => {
                                f.settings.predikatBands[i] = { ...b, label };
                              });
                            }}
                            error={messageAt(issues, ['settings', 'predikatBands', i, 'label'])}
                            readOnly={readOnly}
                          />
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('admin.framework.predikatRemove', { row: i + 1 })}
                            onClick={() => update((f) => void f.settings.predikatBands.splice(i, 1))}
                            disabled={lock || draft.settings.predikatBands.length <= 1}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ErrorText>{messageAt(issues, ['settings', 'predikatBands'])}</ErrorText>
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={lock}
                  onClick={() =>
                    update(
                      (f) =>
                        void f.settings.predikatBands.push({
                          min: 50,
                          label: t('admin.framework.newPredikat'),
                        }),
                    )
                  }
                >
                  {t('admin.framework.predikatAdd')}
                </Button>
              </Group>
            </Stack>
          </Card>

          <Group gap="sm" aria-live="polite">
            <TotalBadge hundredths={bidangTotal} label={t('admin.framework.totalBidang')} />
          </Group>
          {topIssues.length > 0 ? (
            <List size="sm" c="red.8" spacing={2}>
              {topIssues.map((p) => (
                <List.Item key={`${p.code}-${p.path.join('.')}-${p.message}`}>{p.message}</List.Item>
              ))}
            </List>
          ) : null}

          {draft.bidang.map((b, i) => (
            <BidangEditor
              key={i}
              bidang={b}
              index={i}
              count={draft.bidang.length}
              onChange={(next) => setBidang(i, next)}
              onMove={(delta) => moveBidang(i, delta)}
              onRemove={() =>
                update((f) => {
                  f.bidang.splice(i, 1);
                  for (const [k, x] of f.bidang.entries()) x.order = k + 1;
                })
              }
              issues={issues}
              scoringLocked={scoringLocked}
              readOnly={readOnly}
            />
          ))}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={lock}
              onClick={() =>
                update(
                  (f) =>
                    void f.bidang.push({
                      code: `B${f.bidang.length + 1}`,
                      name: t('admin.framework.newBidangName'),
                      weight: 0,
                      order: f.bidang.length + 1,
                      indikator: [],
                    }),
                )
              }
            >
              {t('admin.framework.addBidang')}
            </Button>
          </Group>
        </Stack>
      </Grid.Col>

      <Grid.Col span={{ base: 12, xl: 4 }}>
        <Stack
          gap="md"
          style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 64px) + 16px)' }}
        >
          <FrameworkPreview framework={draft} valid={issues.length === 0} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
