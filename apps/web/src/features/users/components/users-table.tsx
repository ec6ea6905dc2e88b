import 'mantine-datatable/styles.css';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { User } from '@sip/contracts';
import {
  IconDots,
  IconDownload,
  IconKey,
  IconLock,
  IconLockOpen,
  IconPencil,
  IconSearch,
  IconUpload,
  IconUserPlus,
} from '@tabler/icons-react';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatNumber, NO_VALUE } from '@/lib/format';
import { usersExportHref } from '../api/export-users';
import { type UsersParams, useUsers } from '../api/get-users';
import { useResetPassword } from '../api/reset-password';
import { useUnlockUser } from '../api/unlock-user';
import type { WilayahChildrenQuery } from './scope-picker';
import { TemporaryPasswordDialog } from './temporary-password';
import { UserForm } from './user-form';
import { UsersImport } from './users-import';

const PAGE_SIZES = [10, 20, 50];
type SortKey = 'username' | 'namaLengkap' | 'nip' | 'createdAt';

/** The pemda's accounts: searched, sorted and paged by the API, shown with mantine-datatable. */
export function UsersTable({
  pemda,
  wilayahChildren,
  renderJob,
}: {
  pemda: { kode: string; nama: string };
  wilayahChildren: WilayahChildrenQuery;
  /** A large import's background job, shown by the app layer (the jobs feature). */
  renderJob: (jobId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [status, setStatus] = useState<'semua' | 'aktif' | 'nonaktif' | 'terkunci'>('semua');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<DataTableSortStatus<User>>({
    columnAccessor: 'username',
    direction: 'asc',
  });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const reset = useResetPassword();
  const [unlocking, setUnlocking] = useState<User | null>(null);
  const unlock = useUnlockUser();

  const params: UsersParams = {
    page,
    pageSize,
    q: debouncedQ || undefined,
    status,
    sort: sort.columnAccessor as SortKey,
    order: sort.direction,
  };
  const users = useUsers(params);

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <TextInput
            aria-label={t('admin.users.search')}
            placeholder={t('admin.users.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={{ base: '100%', xs: 280 }}
          />
          <SegmentedControl
            aria-label={t('admin.users.statusFilter')}
            value={status}
            onChange={(v) => {
              setStatus(v as typeof status);
              setPage(1);
            }}
            data={(['semua', 'aktif', 'nonaktif', 'terkunci'] as const).map((v) => ({
              value: v,
              label: t(`admin.users.statusValue.${v}`),
            }))}
          />
        </Group>
        <Group gap="sm" wrap="wrap">
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('admin.users.add')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconUpload size={16} aria-hidden />}
            onClick={() => setImporting(true)}
          >
            {t('admin.users.import')}
          </Button>
          <Button
            variant="default"
            component="a"
            href={usersExportHref}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('admin.users.export')}
          </Button>
        </Group>
      </Group>

      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} retrying={users.isFetching} />
      ) : (
        <DataTable<User>
          aria-label={t('admin.users.title')}
          withTableBorder
          borderRadius="md"
          striped
          highlightOnHover
          minHeight={200}
          fetching={users.isFetching}
          loaderBackgroundBlur={1}
          records={users.data?.items ?? []}
          totalRecords={users.data?.total ?? 0}
          recordsPerPage={pageSize}
          recordsPerPageOptions={PAGE_SIZES}
          onRecordsPerPageChange={(n) => {
            setPageSize(n);
            setPage(1);
          }}
          recordsPerPageLabel={t('admin.users.perPage')}
          page={page}
          onPageChange={setPage}
          paginationText={({ from, to, totalRecords }) =>
            t('admin.users.paginationText', {
              from: formatNumber(from),
              to: formatNumber(to),
              total: formatNumber(totalRecords),
            })
          }
          getPaginationControlProps={(control) => ({ 'aria-label': t(`admin.users.pageControl.${control}`) })}
          sortStatus={sort}
          onSortStatusChange={(s) => {
            setSort(s);
            setPage(1);
          }}
          noRecordsText={t('common.empty')}
          columns={[
            { accessor: 'username', title: t('admin.users.username'), sortable: true },
            { accessor: 'namaLengkap', title: t('admin.users.namaLengkap'), sortable: true },
            {
              accessor: 'nip',
              title: t('admin.users.nip'),
              sortable: true,
              render: (u) =>
                u.nip ? (
                  <Text ff="monospace" size="sm">
                    {u.nip}
                  </Text>
                ) : (
                  NO_VALUE
                ),
            },
            {
              accessor: 'roles',
              title: t('admin.users.roles'),
              render: (u) => (
                <Group gap={4}>
                  {u.roles.map((r) => (
                    <Badge key={r.id} variant="light" radius="sm" style={{ textTransform: 'none' }}>
                      {t(`role.${r.role}`)} · {r.wilayahNama}
                    </Badge>
                  ))}
                </Group>
              ),
            },
            {
              accessor: 'active',
              title: t('admin.users.status'),
              render: (u) => (
                <Stack gap={4} align="flex-start">
                  <Badge color={u.active ? 'teal.9' : 'gray.7'} variant="outline" radius="sm">
                    {u.active ? t('admin.users.statusValue.aktif') : t('admin.users.statusValue.nonaktif')}
                  </Badge>
                  {u.lock ? (
                    <>
                      <Badge
                        color="red.9"
                        variant="filled"
                        radius="sm"
                        leftSection={<IconLock size={12} aria-hidden />}
                      >
                        {t('admin.users.locked')}
                      </Badge>
                      <Text size="xs" c="red.9">
                        {t('admin.users.lockedDetail', {
                          until: formatDateTime(u.lock.until),
                          count: u.lock.addresses,
                        })}
                      </Text>
                    </>
                  ) : null}
                </Stack>
              ),
            },
            {
              accessor: 'actions',
              title: <VisuallyHidden>{t('admin.framework.actions')}</VisuallyHidden>,
              textAlign: 'right',
              render: (u) => (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('admin.users.actionsFor', { username: u.username })}
                    >
                      <IconDots size={16} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => setEditing(u)}
                    >
                      {t('admin.users.edit')}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconKey size={14} aria-hidden />}
                      onClick={() => setResetting(u)}
                    >
                      {t('admin.users.resetPassword')}
                    </Menu.Item>
                    {u.lock ? (
                      <Menu.Item
                        leftSection={<IconLockOpen size={14} aria-hidden />}
                        onClick={() => setUnlocking(u)}
                      >
                        {t('admin.users.unlock')}
                      </Menu.Item>
                    ) : null}
                  </Menu.Dropdown>
                </Menu>
              ),
            },
          ]}
        />
      )}

      <Modal
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new'
            ? t('admin.users.add')
            : t('admin.users.editTitle', { username: editing?.username ?? '' })
        }
        size="lg"
      >
        {editing !== null ? (
          <UserForm
            user={editing === 'new' ? null : editing}
            pemda={pemda}
            wilayahChildren={wilayahChildren}
            onCancel={() => setEditing(null)}
            onDone={({ user, temporaryPassword }) => {
              setEditing(null);
              if (temporaryPassword) setShown({ username: user.username, password: temporaryPassword });
              else
                notifications.show({
                  closeButtonProps: { 'aria-label': t('admin.close') },
                  color: 'teal',
                  message: t('admin.users.saved', { username: user.username }),
                });
            }}
          />
        ) : null}
      </Modal>

      <Modal
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        opened={resetting !== null}
        onClose={() => {
          setResetting(null);
          reset.reset();
        }}
        title={t('admin.users.resetTitle', { username: resetting?.username ?? '' })}
      >
        <Stack gap="sm">
          <Text size="sm">{t('admin.users.resetIntro')}</Text>
          {resetting?.lock ? (
            <Text size="sm">
              {t('admin.users.resetLifts', { until: formatDateTime(resetting.lock.until) })}
            </Text>
          ) : null}
          {reset.isError ? (
            <Text size="sm" c="red.8" role="alert">
              {errorMessage(reset.error)}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setResetting(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={reset.isPending}
              onClick={() =>
                resetting &&
                reset.mutate(
                  { id: resetting.id, version: resetting.version },
                  {
                    onSuccess: (r) => {
                      setResetting(null);
                      setShown({ username: r.user.username, password: r.temporaryPassword });
                    },
                  },
                )
              }
            >
              {t('admin.users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        opened={unlocking !== null}
        onClose={() => {
          setUnlocking(null);
          unlock.reset();
        }}
        title={t('admin.users.unlockTitle', { username: unlocking?.username ?? '' })}
      >
        <Stack gap="sm">
          {unlocking?.lock ? (
            <Text size="sm">
              {t('admin.users.unlockIntro', {
                until: formatDateTime(unlocking.lock.until),
                count: unlocking.lock.addresses,
              })}
            </Text>
          ) : null}
          {unlock.isError ? (
            <Text size="sm" c="red.8" role="alert">
              {errorMessage(unlock.error)}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setUnlocking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={unlock.isPending}
              leftSection={<IconLockOpen size={16} aria-hidden />}
              onClick={() =>
                unlocking &&
                unlock.mutate(
                  { id: unlocking.id },
                  {
                    onSuccess: (u) => {
                      setUnlocking(null);
                      notifications.show({
                        closeButtonProps: { 'aria-label': t('admin.close') },
                        color: 'teal',
                        message: t('admin.users.unlocked', { username: u.username }),
                      });
                    },
                  },
                )
              }
            >
              {t('admin.users.unlock')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <UsersImport opened={importing} onClose={() => setImporting(false)} renderJob={renderJob} />
      <TemporaryPasswordDialog value={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
