import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import { useQuery } from '@tanstack/react-query';
import { api, type RemoteAppProps, type RemoteEntry } from '@unionflow/ui';
import type { ComponentType } from 'react';
import { devRemotes, mergeRemotes } from './remote-list';

/** The federated apps to offer, registered with the federation runtime as soon as they are known. */
export function useRemotes() {
  return useQuery({
    queryKey: ['federation', 'remotes'],
    queryFn: async () => {
      const dev = devRemotes();
      const fromApi = await api.remotes().catch((err: unknown) => {
        if (dev.length) return [];
        throw err;
      });
      const list = mergeRemotes(fromApi, dev);
      registerRemotes(list.map(({ name, entry }) => ({ name, entry })));
      return list;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/** What a remote's `./app` module must export. */
interface RemoteAppModule {
  App?: ComponentType<RemoteAppProps>;
  default?: ComponentType<RemoteAppProps>;
}

const LOAD_TIMEOUT_MS = 20_000;

/**
 * Loads a remote's exposed `./app`. `fresh` re-registers the remote first so a retry fetches its
 * manifest and entry again instead of reusing a cached failure.
 */
export async function loadRemoteApp(
  remote: RemoteEntry,
  fresh: boolean,
): Promise<ComponentType<RemoteAppProps>> {
  if (fresh) registerRemotes([{ name: remote.name, entry: remote.entry }], { force: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${remote.name}: timed out loading ${remote.entry}`)),
      LOAD_TIMEOUT_MS,
    );
  });
  try {
    const mod = await Promise.race([loadRemote<RemoteAppModule>(`${remote.name}/app`), timeout]);
    const App = mod?.App ?? mod?.default;
    if (typeof App !== 'function' && typeof App !== 'object') {
      throw new Error(`${remote.name}/app does not export an App component`);
    }
    return App as ComponentType<RemoteAppProps>;
  } finally {
    clearTimeout(timer);
  }
}
