import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, LoginRequestBody, MeDto } from '@unionflow/contracts';
import { ApiError, api } from '@unionflow/ui/core';
import { ME_KEY } from '../query-client';
import { rememberSignedIn } from './session-hint';

/** The signed-in user: `null` when signed out (401), an error when the API is unreachable. */
export function useMe() {
  return useQuery<MeDto | null>({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        const me = await api.me();
        rememberSignedIn(true);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          rememberSignedIn(false);
          return null;
        }
        throw err;
      }
    },
    retry: false,
    staleTime: 5 * 60_000,
  });
}

/** Signs in and stores the user for every component that asks. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequestBody) => api.login(body),
    onSuccess: (me) => {
      rememberSignedIn(true);
      client.setQueryData(ME_KEY, me);
    },
  });
}

/** Signs out and forgets every cached answer, which belonged to that user. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.logout(),
    onSettled: () => {
      rememberSignedIn(false);
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}

/** Changes my password; the answer (with `mustChangePassword` now false) replaces the cached user. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.changePassword(body),
    onSuccess: (me) => client.setQueryData(ME_KEY, me),
  });
}
