import type { App } from '../src/app';
import { type AuthHeaders, login } from './app-harness';

/** Signs each user in once per suite and reuses the headers. */
export function sessions(app: App): (username: string) => Promise<AuthHeaders> {
  const byUser = new Map<string, AuthHeaders>();
  return async (username) => {
    let headers = byUser.get(username);
    if (!headers) {
      headers = await login(app, username);
      byUser.set(username, headers);
    }
    return headers;
  };
}
