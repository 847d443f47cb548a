/** One server-sent event as a client sees it. */
export interface SseFrame {
  id: string | undefined;
  event: string;
  data: string;
}

/** A streaming `fetch` of an event stream that parses frames as they arrive. */
export interface SseClient {
  status: number;
  headers: Headers;
  /** Every frame received so far. */
  frames: SseFrame[];
  /** The last `id:` seen, as a browser would send it back in Last-Event-ID. */
  lastEventId: string | undefined;
  /** Resolves with the first frame (already received or future) that matches, or rejects on timeout. */
  waitFor(match: (f: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  /** Resolves when the stream ends: the server closed it, or close() was called. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `url` as an event stream with the given headers (cookie, Last-Event-ID). */
export async function openEventStream(url: string, headers: Record<string, string>): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const frames: SseFrame[] = [];
  const waiters: { match: (f: SseFrame) => boolean; resolve: (f: SseFrame) => void }[] = [];
  let markEnded = () => {};
  const ended = new Promise<void>((resolve) => {
    markEnded = resolve;
  });
  const client: SseClient = {
    status: res.status,
    headers: res.headers,
    frames,
    lastEventId: headers['last-event-id'],
    waitFor(match, timeoutMs = 15_000) {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(frames)}`)),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (f) => {
            clearTimeout(timer);
            resolve(f);
          },
        });
      });
    },
    ended,
    close: () => abort.abort(),
  };
  if (!res.body || res.status !== 200) {
    markEnded();
    return client;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
          const frame: SseFrame = { id: undefined, event: 'message', data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') frame.id = value;
            else if (field === 'event') frame.event = value;
            else if (field === 'data') {
              frame.data += hasData ? `\n${value}` : value;
              hasData = true;
            }
          }
          if (frame.id !== undefined) client.lastEventId = frame.id;
          if (!hasData) continue;
          frames.push(frame);
          for (const w of [...waiters]) {
            if (w.match(frame)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(frame);
            }
          }
        }
      }
    } catch {
      // Aborted by close(), or the server went away.
    } finally {
      markEnded();
    }
  })();
  return client;
}
