import { useQuery } from '@tanstack/react-query';
// The subpath, not the index: no schema library in a remote's first screen.
import { mayAnalyse } from '@unionflow/contracts/department-access';
import { api } from './endpoints';

/**
 * The signed-in user, read from the shell's cache (the same query key as the shell's `useMe`, and
 * react-query is a federation singleton), so a remote asks the API only when it runs on its own.
 */
export function useViewer() {
  return useQuery({ queryKey: ['me'], queryFn: () => api.me(), staleTime: 5 * 60_000 }).data ?? undefined;
}

/**
 * Whether the viewer may open a department's 看板: apps hide the tab otherwise, rather than show a 403.
 * The gateway enforces the same rule (`@unionflow/contracts`' `mayAnalyse`).
 */
export function useMayAnalyse(department: string): boolean {
  const me = useViewer();
  return me ? mayAnalyse(me.roles, department) : false;
}
