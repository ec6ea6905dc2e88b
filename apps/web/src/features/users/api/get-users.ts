import { type UserListQuery, userPageSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export type UsersParams = Partial<UserListQuery> & Pick<UserListQuery, 'page' | 'pageSize'>;

export function getUsers(params: UsersParams, signal?: AbortSignal) {
  return apiRequest('/users', {
    schema: userPageSchema,
    query: { ...params },
    ...(signal ? { signal } : {}),
  });
}

export const usersQueryKey = ['users', 'list'] as const;

export const usersQueryOptions = (params: UsersParams) =>
  queryOptions({
    queryKey: [...usersQueryKey, params],
    queryFn: ({ signal }) => getUsers(params, signal),
    placeholderData: keepPreviousData,
  });

export function useUsers(params: UsersParams) {
  return useQuery(usersQueryOptions(params));
}
