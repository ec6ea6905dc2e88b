import { emailTokenResultSchema } from '@sip/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** The link of an e-mail (confirm the address, stop e-mails): public, the signed token is the credential. */
export function followEmailLink(token: string) {
  return apiRequest('/public/email/tautan', {
    method: 'POST',
    body: { token },
    schema: emailTokenResultSchema,
    auth: 'none',
  });
}

export function useFollowEmailLink() {
  return useMutation({ mutationFn: followEmailLink });
}
