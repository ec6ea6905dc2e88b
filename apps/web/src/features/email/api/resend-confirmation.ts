import { emailSettingsSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { emailSettingsQueryOptions } from './get-email-settings';

export function resendConfirmation() {
  return apiRequest('/akun/email/konfirmasi', { method: 'POST', body: {}, schema: emailSettingsSchema });
}

export function useResendConfirmation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendConfirmation,
    onSuccess: (s) => queryClient.setQueryData(emailSettingsQueryOptions().queryKey, s),
  });
}
