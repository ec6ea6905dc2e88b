import { emailSettingsSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** The signed-in person's e-mail settings. */
export function getEmailSettings(signal?: AbortSignal) {
  return apiRequest('/akun/email', { schema: emailSettingsSchema, ...(signal ? { signal } : {}) });
}

export const emailSettingsQueryOptions = () =>
  queryOptions({ queryKey: ['email', 'settings'], queryFn: ({ signal }) => getEmailSettings(signal) });

export function useEmailSettings() {
  return useQuery(emailSettingsQueryOptions());
}
