import { type EmailSettingsBody, emailSettingsSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { emailSettingsQueryOptions } from './get-email-settings';

export function updateEmailSettings(body: EmailSettingsBody) {
  return apiRequest('/akun/email', { method: 'PUT', body, schema: emailSettingsSchema });
}

export function useUpdateEmailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEmailSettings,
    onSuccess: (s) => queryClient.setQueryData(emailSettingsQueryOptions().queryKey, s),
  });
}
