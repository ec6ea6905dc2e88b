import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { SKM_KODE_BATCH_MAX } from '@sip/contracts';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatNumber, yearInZone } from '@/lib/format';
import { fieldErrors } from '@/lib/http';
import { useCreateKodeBatch } from '../api/create-kode-batch';
import { useSkmPosterUnits } from '../api/get-skm-posters';
import { useSkmSettings } from '../api/get-skm-settings';
import { useSaveSkmSettings } from '../api/save-skm-settings';

export interface SkmKodeLayananProps {
  kode: string;
  tahun: number;
  onTahunChange: (tahun: number) => void;
  /** Only an admin switches the mode (the API checks again). */
  canSwitch: boolean;
  /** Links built by the route (paths.ts lives in the app layer). */
  slipsHref: (batchId: string) => string;
  reportHref: string;
  onCreated: (batchId: string) => void;
}

/**
 * A unit's kode layanan (ADR 005): the admin switches the mode per year; the unit's counter makes
 * batches of one-time codes, prints them as slips, reprints a batch and sees how many are used.
 */
export function SkmKodeLayanan(props: SkmKodeLayananProps) {
  const { kode, tahun, onTahunChange, canSwitch } = props;
  const { t } = useTranslation();
  const unit = useSkmPosterUnits(kode).data?.items[0];
  const settings = useSkmSettings(kode, tahun);
  const save = useSaveSkmSettings();
  const create = useCreateKodeBatch();
  const [jumlah, setJumlah] = useState<number>(50);
  const thisYear = yearInZone(new Date());
  const unitName = unit ? `${t(`skm.levelWord.${unit.level}`)} ${unit.nama}` : kode;
  const data = settings.data;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={`${t('skm.kodeTitle')} — ${unitName}`} eyebrow={kode}>
          {`${t('skm.kodeTitle')} — ${unitName}`}
        </PageTitle>
        <Text c="dimmed" size="sm">
          {t('skm.kodeIntro')}
        </Text>
        <Anchor component={Link} to={props.reportHref} size="sm">
          ← {t('skm.openReport')}
        </Anchor>
      </Stack>

      <NumberInput
        label={t('skm.year')}
        value={tahun}
        min={2017}
        max={thisYear + 1}
        w={110}
        onChange={(v) => typeof v === 'number' && v >= 2017 && v <= thisYear + 1 && onTahunChange(v)}
      />

      {settings.isPending ? <LoadingState lines={4} /> : null}
      {settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      {data ? (
        <>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="kode-mode">
            <Title order={2} size="h4" id="kode-mode" mb="xs">
              {t('skm.kodeMode')}
            </Title>
            <Switch
              checked={data.kodeLayananWajib}
              disabled={!canSwitch || save.isPending}
              label={t('skm.kodeModeSwitch', { tahun })}
              description={canSwitch ? undefined : t('skm.kodeModeHint')}
              onChange={(e) =>
                save.mutate(
                  { kode, tahun, kodeLayananWajib: e.currentTarget.checked },
                  {
                    onSuccess: () => notifications.show({ color: 'green', message: t('skm.kodeModeSaved') }),
                  },
                )
              }
            />
            <Text size="sm" mt="xs" role="status">
              {data.kodeLayananWajib ? t('skm.kodeModeOn', { tahun }) : t('skm.kodeModeOff', { tahun })}
            </Text>
            {save.isError ? (
              <Alert color="red" role="alert" mt="xs">
                {errorMessage(save.error)}
              </Alert>
            ) : null}
          </Card>

          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="kode-create">
            <Title order={2} size="h4" id="kode-create" mb="xs">
              {t('skm.kodeCreate')}
            </Title>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                create.mutate({ kode, jumlah }, { onSuccess: (batch) => props.onCreated(batch.batchId) });
              }}
            >
              <Group align="flex-end" gap="sm" wrap="wrap">
                <NumberInput
                  label={t('skm.kodeJumlah')}
                  description={t('skm.kodeJumlahHint', { max: SKM_KODE_BATCH_MAX })}
                  value={jumlah}
                  min={1}
                  max={SKM_KODE_BATCH_MAX}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="strict"
                  required
                  w={220}
                  onChange={(v) => setJumlah(typeof v === 'number' ? v : 0)}
                  error={fieldErrors(create.error).jumlah}
                />
                <Button
                  type="submit"
                  loading={create.isPending}
                  disabled={jumlah < 1}
                  leftSection={<IconPrinter size={16} aria-hidden />}
                >
                  {t('skm.kodeCreateButton')}
                </Button>
              </Group>
              {create.isError && !fieldErrors(create.error).jumlah ? (
                <Alert color="red" role="alert" mt="xs">
                  {errorMessage(create.error)}
                </Alert>
              ) : null}
            </form>
          </Card>

          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="kode-batches">
            <Title order={2} size="h4" id="kode-batches" mb="xs">
              {t('skm.kodeBatches')}
            </Title>
            <Text size="sm" mb="sm">
              {t('skm.kodeSummary', {
                dibuat: formatNumber(data.kodeLayanan.dibuat),
                dipakai: formatNumber(data.kodeLayanan.dipakai),
                tahun,
              })}
            </Text>
            {data.batches.length === 0 ? (
              <Text c="dimmed">{t('skm.kodeNoBatches')}</Text>
            ) : (
              <ScrollRegion label={t('skm.kodeBatches')}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('skm.kodeCreatedAt')}</Table.Th>
                      <Table.Th scope="col">{t('skm.kodeJumlah')}</Table.Th>
                      <Table.Th scope="col">{t('skm.kodeUsed')}</Table.Th>
                      <Table.Th scope="col">{t('skm.kodeReprint')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.batches.map((b) => (
                      <Table.Tr key={b.batchId}>
                        <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                        <Table.Td>{formatNumber(b.jumlah)}</Table.Td>
                        <Table.Td>{formatNumber(b.dipakai)}</Table.Td>
                        <Table.Td>
                          <Button
                            component={Link}
                            to={props.slipsHref(b.batchId)}
                            size="xs"
                            variant="light"
                            aria-label={t('skm.kodeReprintLabel', { waktu: formatDateTime(b.createdAt) })}
                          >
                            {t('skm.kodeReprint')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            )}
          </Card>
        </>
      ) : null}
    </Stack>
  );
}
