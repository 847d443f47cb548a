// Whether this browser was signed in when it last asked. The session cookie is httpOnly, so this
// is the only hint available before `/api/me` answers: it lets a returning user's browser fetch the
// signed-in screens (and antd) at the same time, while a signed-out visitor never fetches them.
const KEY = 'unionflow.signedIn';

/** Remembers whether the server last said we are signed in. */
export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) globalThis.localStorage?.setItem(KEY, '1');
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage blocked (private mode): the hint is only an optimisation.
  }
}

/** True when the last answer was "signed in" (a guess: the session may have expired since). */
export function probablySignedIn(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}
