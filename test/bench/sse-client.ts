import type { BenchUser } from './bench-users';

/** An open `/api/events` stream: the case ids it announced, with when each first arrived. */
export interface EventStream {
  user: BenchUser;
  base: string;
  /** caseId → performance.now() of the first `case` event for it. */
  cases: Map<string, number>;
  /** Resolves once the server said `ready` (the stream is live). */
  ready: Promise<void>;
  close(): void;
}

/** Opens the live-update stream as `user` on the gateway at `base` and collects `case` events. */
export function openEventStream(base: string, user: BenchUser): EventStream {
  const abort = new AbortController();
  const cases = new Map<string, number>();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  void (async () => {
    const res = await fetch(`${base}/api/events`, {
      headers: { cookie: user.cookie, 'x-forwarded-for': user.ip, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (type === 'ready' || type === 'reset') markReady();
        if (type === 'case' && data) {
          const caseId = (JSON.parse(data) as { caseId: string }).caseId;
          if (!cases.has(caseId)) cases.set(caseId, performance.now());
        }
        end = buffer.indexOf('\n\n');
      }
    }
  })().catch(() => undefined);
  return { user, base, cases, ready, close: () => abort.abort() };
}
