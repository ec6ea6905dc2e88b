import { forgotPasswordResponseSchema, type ResetPasswordByEmailBody } from '@sip/contracts';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

/** Asks for a password link by e-mail (the answer is the same for every username). */
export function forgotPassword(username: string) {
  return apiRequest('/auth/lupa-sandi', {
    method: 'POST',
    body: { username },
    schema: forgotPasswordResponseSchema,
    auth: 'none',
  });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}

/** Sets the new password from the e-mailed link. */
export function resetPasswordByEmail(body: ResetPasswordByEmailBody) {
  return apiRequest('/auth/reset-sandi', { method: 'POST', body, schema: z.undefined(), auth: 'none' });
}

export function useResetPasswordByEmail() {
  return useMutation({ mutationFn: resetPasswordByEmail });
}
