import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { Me } from '@sip/contracts';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { setDisplayZone } from '@/lib/format';
import { ApiError } from '@/lib/http';
import { i18next } from '@/lib/i18n/i18n';
import { cssVariablesResolver, theme } from '@/lib/theme';
import { invalidateOtherFeatures } from './cross-feature-invalidation';

export function createQueryClient() {
  const queryClient: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: (_data, _variables, _context, mutation) =>
        invalidateOtherFeatures(queryClient, mutation.options.mutationKey),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx answer will not change by asking again; network and server errors might.
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  // Dates show in the signed-in person's pemda zone, however `me` arrives (fetch, login, refresh).
  queryClient.getQueryCache().subscribe((event) => {
    const q = event.query;
    if (q.queryKey[0] !== 'auth' || q.queryKey[1] !== 'me') return;
    const me = q.state.data as Me | null | undefined;
    if (me) setDisplayZone(me.zona);
  });
  return queryClient;
}

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18next}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-right" limit={3} />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
