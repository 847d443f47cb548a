import { useQueries } from '@tanstack/react-query';
import { namedUsernames, type ProcessDefinition } from '@unionflow/process-model';
import { api } from '@unionflow/ui';
import { useCallback, useMemo } from 'react';

/** How a username reads on a card: the person's name, or the username until it is known. */
export type PersonName = (username: string) => string;

/**
 * The names of the people a definition names (approvers and 抄送), looked up once each through the
 * people search, so cards read 王芳 rather than `wangfang`.
 */
export function usePeopleNames(def: ProcessDefinition | null): PersonName {
  const usernames = useMemo(
    () => (def ? [...new Set(namedUsernames(def).flatMap((n) => n.usernames))].sort() : []),
    [def],
  );
  const found = useQueries({
    queries: usernames.map((username) => ({
      queryKey: ['admin', 'person', username],
      queryFn: () => api.findUsers(username, 5),
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map<string, string>();
  for (const query of found) for (const user of query.data ?? []) names.set(user.username, user.displayName);
  const key = [...names.entries()].map(([u, n]) => `${u}=${n}`).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the names found
  return useCallback((username: string) => names.get(username) ?? username, [key]);
}
