import { notifications } from '@mantine/notifications';
import type { AktivitasInput } from '@sip/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createAktivitas } from '../api/create-aktivitas';
import { aktivitasRootKey } from '../api/get-hari';
import { type Draft, dequeue, enqueue, flushQueue, readQueue } from '../utils/offline-queue';

/**
 * The signed-in person's drafts kept on this device, sent again when the page opens and whenever the
 * browser says the connection is back (`online`).
 */
export function useOfflineQueue(userId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Draft[]>(() => readQueue(localStorage, userId));
  const [sending, setSending] = useState(false);

  const flush = useCallback(
    async (includeFailed = false) => {
      if (readQueue(localStorage, userId).length === 0) return;
      setSending(true);
      try {
        const result = await flushQueue(localStorage, userId, createAktivitas, { includeFailed });
        if (result.terkirim > 0) {
          notifications.show({
            color: 'green',
            message: t('kinerja.hari.queueSent', { count: result.terkirim }),
          });
          await queryClient.invalidateQueries({ queryKey: aktivitasRootKey });
        }
      } finally {
        setDrafts(readQueue(localStorage, userId));
        setSending(false);
      }
    },
    [userId, queryClient, t],
  );

  useEffect(() => {
    void flush();
    const online = () => void flush();
    // Another tab of the same person may have queued or sent drafts.
    const storage = () => setDrafts(readQueue(localStorage, userId));
    window.addEventListener('online', online);
    window.addEventListener('storage', storage);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('storage', storage);
    };
  }, [flush, userId]);

  return {
    drafts,
    sending,
    add: (input: AktivitasInput) => setDrafts(enqueue(localStorage, userId, input, new Date())),
    discard: (id: string) => setDrafts(dequeue(localStorage, userId, id)),
    retry: () => void flush(true),
  };
}
