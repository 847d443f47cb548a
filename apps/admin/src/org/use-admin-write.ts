import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ActionKeys, ApiError } from '@unionflow/ui';
import { useRef } from 'react';

/** Query keys of the org screens; a write refreshes them all, since units, users and roles count each other. */
export const ORG_KEYS = {
  tree: ['admin', 'org-units'] as const,
  users: ['admin', 'users'] as const,
  roles: ['admin', 'roles'] as const,
  audit: ['admin', 'audit'] as const,
};

/**
 * A write from an admin screen. One Idempotency-Key per user action (a retry of the same values
 * reuses it); when the server answers, the key is settled and the org queries reload, a 409 included,
 * so the screen shows what the other admin changed.
 */
export function useAdminWrite<V, R>(run: (values: V, idempotencyKey: string) => Promise<R>) {
  const client = useQueryClient();
  const keys = useRef(new ActionKeys());
  return useMutation({
    mutationFn: (values: V) => run(values, keys.current.keyFor(JSON.stringify(values))),
    onSettled: async (_data, error) => {
      // Lost answers and server faults keep the key: the server stored nothing final, and a retry
      // must be recognised as the same action.
      if (error && !(error instanceof ApiError && error.status >= 400 && error.status < 500)) return;
      keys.current.settle();
      await client.invalidateQueries({ queryKey: ['admin'] });
    },
  });
}
