import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import type { SessionPolicy } from '../auth/session-policy';
import { sessionDeadline } from '../auth/session-store';

/** Options for {@link watchSession}. */
export interface SessionWatchOptions {
  db: Kysely<Database>;
  sessionId: string;
  policy: SessionPolicy;
  /** Look again at least this often: a sign-out or deactivation on another instance shows up here. */
  checkMs: number;
  /** Called once, when the session is gone or the check fails. */
  onEnd: () => void;
}

/**
 * Keeps an eye on the sign-in session behind an open stream: a timer fires at the session's deadline
 * (idle or absolute expiry) or after `checkMs`, whichever is first, and re-reads it. Returns a stop
 * function for when the stream ends on its own.
 */
export function watchSession(opts: SessionWatchOptions): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const end = () => {
    if (stopped) return;
    stopped = true;
    opts.onEnd();
  };
  const check = async () => {
    timer = null;
    if (stopped) return;
    let deadline: Date | null;
    try {
      deadline = await sessionDeadline(opts.db, opts.sessionId, opts.policy);
    } catch {
      // Cannot tell whether the session still holds: end the stream; the client reconnects.
      deadline = null;
    }
    if (stopped) return;
    if (!deadline) return end();
    // A few ms past the deadline, so the re-read sees the session dead rather than just alive.
    const wait = Math.min(opts.checkMs, deadline.getTime() - Date.now() + 5);
    timer = setTimeout(check, Math.max(wait, 0));
    timer.unref();
  };
  void check();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
