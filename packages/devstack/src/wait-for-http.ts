import { DevstackError } from './errors';

/** Options for {@link waitForHttp}. */
export interface WaitForHttpOptions {
  timeoutMs?: number;
  /** Return a reason to stop waiting early (e.g. the server process died). */
  abort?: () => string | undefined;
  /** Included in the timeout message, e.g. where to look. */
  hint?: string;
}

/** Polls `url` until it answers 200; throws a DevstackError on timeout or abort. */
export async function waitForHttp(url: string, options: WaitForHttpOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const aborted = options.abort?.();
    if (aborted) throw new DevstackError(aborted);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new DevstackError(
    `${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last}).${options.hint ? ` ${options.hint}` : ''}`,
  );
}
