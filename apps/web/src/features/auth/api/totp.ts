import {
  okResponseSchema,
  recoveryCodesSchema,
  type TotpConfirmBody,
  type TotpDisableBody,
  totpEnrolmentSchema,
  totpStatusSchema,
} from '@sip/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { meQueryOptions } from './get-me';

export const getTotpStatus = () => apiRequest('/auth/totp', { schema: totpStatusSchema });
export const totpStatusQueryOptions = () =>
  queryOptions({ queryKey: ['auth', 'totp'], queryFn: getTotpStatus });
export const useTotpStatus = () => useQuery(totpStatusQueryOptions());

export const startTotpEnrolment = () =>
  apiRequest('/auth/totp/enrol', { method: 'POST', body: {}, schema: totpEnrolmentSchema });
export const useStartTotpEnrolment = () => useMutation({ mutationFn: startTotpEnrolment });

export const confirmTotp = (body: TotpConfirmBody) =>
  apiRequest('/auth/totp/confirm', { method: 'POST', body, schema: recoveryCodesSchema });
export const disableTotp = (body: TotpDisableBody) =>
  apiRequest('/auth/totp/disable', { method: 'POST', body, schema: okResponseSchema });

/** Both change what who-am-I says (mustEnrolTotp, totpEnabled). */
function useTotpChange<T, R>(fn: (body: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: totpStatusQueryOptions().queryKey }),
      ]),
  });
}
export const useConfirmTotp = () => useTotpChange(confirmTotp);
export const useDisableTotp = () => useTotpChange(disableTotp);
