import type { Database } from '@unionflow/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { type CaseEvent, changesSince, headPosition, isAfter } from './event-feed';
import type { EventHub, EventSubscriber } from './event-hub';

/** Where a session writes its frames (the raw HTTP response). */
export interface SseSink {
  write(chunk: string): boolean;
  end(): void;
  /** Bytes queued but not yet sent; a consumer this far behind is cut off. */
  readonly writableLength: number;
}

/** Options for {@link SseSession}. */
export interface SseSessionOptions {
  db: Kysely<Database>;
  hub: EventHub;
  userId: string;
  /** The sign-in session the stream belongs to: it ends with it (logout, expiry, deactivation). */
  sessionId: string;
  sink: SseSink;
  log: FastifyBaseLogger;
  /** Replay at most this many missed changes; beyond that the client is told to reload. */
  replayLimit: number;
  maxBufferedBytes?: number;
}

/**
 * One open event stream. While it replays from the database, live changes are held back and then
 * sent only if newer than what was replayed, so the client sees every change once and in order.
 */
export class SseSession implements EventSubscriber {
  readonly userId: string;
  readonly sessionId: string;
  private lastSent = '0';
  private held: CaseEvent[] | null = [];
  private closed = false;

  constructor(private readonly opts: SseSessionOptions) {
    this.userId = opts.userId;
    this.sessionId = opts.sessionId;
  }

  /** Sends what the client missed since `lastEventId` (or a `ready` marker), then goes live. */
  async open(lastEventId: string | null): Promise<void> {
    this.opts.sink.write('retry: 3000\n\n');
    await this.catchUp(lastEventId);
  }

  deliver(event: CaseEvent): void {
    if (this.closed) return;
    if (this.held) {
      this.held.push(event);
      return;
    }
    this.sendIfNew(event);
  }

  resync(): void {
    if (this.closed || this.held) return;
    this.held = [];
    this.catchUp(this.lastSent).catch((err) => {
      this.opts.log.warn({ err }, 'event stream resync failed');
      this.close();
    });
  }

  /** A comment line keeps proxies from closing an idle stream. */
  heartbeat(): void {
    this.write(': ping\n\n');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.opts.hub.unsubscribe(this);
    this.opts.sink.end();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private async catchUp(from: string | null): Promise<void> {
    if (from === null) {
      const head = await headPosition(this.opts.db);
      this.frame('ready', head, { position: head });
    } else {
      const { events, overflow } = await changesSince(this.opts.db, this.userId, from, this.opts.replayLimit);
      if (overflow) {
        const head = await headPosition(this.opts.db);
        this.frame('reset', head, { position: head });
      } else {
        this.lastSent = from;
        for (const e of events) this.sendIfNew(e);
      }
    }
    const held = this.held ?? [];
    this.held = null;
    for (const e of held) this.sendIfNew(e);
  }

  private sendIfNew(event: CaseEvent): void {
    if (event.id !== null && !isAfter(event.id, this.lastSent)) return;
    this.frame('case', event.id, { caseId: event.caseId, seq: event.seq });
  }

  private frame(type: string, id: string | null, data: Record<string, unknown>): void {
    let text = '';
    if (id !== null) {
      text += `id: ${id}\n`;
      if (isAfter(id, this.lastSent)) this.lastSent = id;
    }
    text += `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
    this.write(text);
  }

  private write(text: string): void {
    if (this.closed) return;
    if (this.opts.sink.writableLength > (this.opts.maxBufferedBytes ?? 1024 * 1024)) {
      this.opts.log.warn('event stream consumer too slow; closing it');
      this.close();
      return;
    }
    this.opts.sink.write(text);
  }
}
