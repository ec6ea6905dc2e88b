import { Alert, Button, Code, FileInput, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { type CsvRowError, csvRowErrorSchema, type ImportUsersResult } from '@sip/contracts';
import { IconAlertCircle, IconDownload, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import Papa from 'papaparse';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage } from '@/lib/api-client';
import { isApiError } from '@/lib/http';
import { usersQueryKey } from '../api/get-users';
import { useImportUsers } from '../api/import-users';

const rowErrorsSchema = z.array(csvRowErrorSchema);

function downloadCredentials(result: ImportUsersResult) {
  const csv = Papa.unparse(
    {
      fields: ['username', 'nama_lengkap', 'kata_sandi_sementara'],
      data: result.users.map((u) => [u.username, u.namaLengkap, u.temporaryPassword ?? '']),
    },
    { delimiter: ';' },
  );
  const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'kata-sandi-sementara.csv';
  a.click();
  URL.revokeObjectURL(url);
}

/** CSV import: every row is checked; one wrong row and nothing is imported, each wrong row listed. */
export function UsersImport({
  opened,
  onClose,
  renderJob,
}: {
  opened: boolean;
  onClose: () => void;
  /** More than 20 accounts are made by a background job: its progress and the passwords' file. */
  renderJob: (jobId: string) => ReactNode;
}) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const mutation = useImportUsers();
  const rowErrors: CsvRowError[] =
    isApiError(mutation.error, 'VALIDATION') && rowErrorsSchema.safeParse(mutation.error.details).success
      ? rowErrorsSchema.parse(mutation.error.details)
      : [];
  const done = mutation.data && !mutation.data.dryRun ? mutation.data : null;
  const job = done?.job ?? null;
  const result = done && !job ? done : null;

  const close = () => {
    // A job may have made the accounts meanwhile.
    if (job) void queryClient.invalidateQueries({ queryKey: usersQueryKey });
    setFile(null);
    mutation.reset();
    onClose();
  };

  async function submit() {
    if (!file) return;
    mutation.mutate({ csv: await file.text(), dryRun: false });
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('admin.users.importTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('admin.close') }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('admin.users.importIntro')}</Text>
        <Code block>
          {
            'username;nama_lengkap;nip;peran;kode_wilayah\nsiti.rahma;Siti Rahmawati;198503122010012003;lurah;32.73.02.1004'
          }
        </Code>
        {job ? (
          <>
            <Alert
              color="blue"
              variant="light"
              role="status"
              title={t('admin.users.importStarted', { count: done?.users.length ?? 0 })}
            >
              {t('admin.users.importStartedHint')}
            </Alert>
            {renderJob(job.id)}
            <Group justify="flex-end">
              <Button onClick={close}>{t('admin.users.done')}</Button>
            </Group>
          </>
        ) : !result ? (
          <>
            <FileInput
              label={t('admin.users.importFile')}
              accept=".csv,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                mutation.reset();
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('admin.clearFile') }}
            />
            {rowErrors.length > 0 ? (
              <Alert
                color="red"
                variant="light"
                role="alert"
                icon={<IconAlertCircle aria-hidden />}
                title={t('admin.users.importFailed', { count: rowErrors.length })}
              >
                <List size="sm" spacing={2}>
                  {rowErrors.map((e) => (
                    <List.Item key={e.baris}>{e.pesan}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : mutation.isError ? (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
                {errorMessage(mutation.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() => void submit()}
                disabled={!file}
                loading={mutation.isPending}
                leftSection={<IconUpload size={16} aria-hidden />}
              >
                {t('admin.users.importSubmit')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Alert
              color="teal"
              variant="light"
              role="status"
              title={t('admin.users.importDone', { count: result.users.length })}
            >
              {t('admin.users.importDoneHint')}
            </Alert>
            <Table.ScrollContainer minWidth={420} type="native">
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.users.username')}</Table.Th>
                    <Table.Th scope="col">{t('admin.users.namaLengkap')}</Table.Th>
                    <Table.Th scope="col">{t('admin.users.tempPassword')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.users.map((u) => (
                    <Table.Tr key={u.username}>
                      <Table.Td>{u.username}</Table.Td>
                      <Table.Td>{u.namaLengkap}</Table.Td>
                      <Table.Td ff="monospace">{u.temporaryPassword}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="flex-end" gap="sm">
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => downloadCredentials(result)}
              >
                {t('admin.users.downloadPasswords')}
              </Button>
              <Button onClick={close}>{t('admin.users.done')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
