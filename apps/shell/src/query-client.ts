import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@unionflow/ui/core';

/** Query key of the signed-in user; `null` data means signed out. */
export const ME_KEY = ['me'] as const;

/** One client for the shell and every remote (react-query is a federation singleton). */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError(error) {
        // A session that expired mid-use signs the user out everywhere at once.
        if (error instanceof ApiError && error.status === 401) client.setQueryData(ME_KEY, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
