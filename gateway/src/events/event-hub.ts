import type { Database } from '@unionflow/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { type CaseEvent, parseEventId, positionOf } from './event-feed';

/** Something that wants the live changes of one user (an open SSE stream). */
export interface EventSubscriber {
  readonly userId: string;
  /** A change that concerns the user, in commit order. */
  deliver(event: CaseEvent): void;
  /** The listener was down for a while: fetch what may have been missed from the database. */
  resync(): void;
}

/** Options for {@link EventHub}. */
export interface EventHubOptions {
  db: Kysely<Database>;
  channel: string;
  /** Settings of the dedicated LISTEN connection. */
  connection: () => Promise<pg.ClientConfig>;
  log: FastifyBaseLogger;
  /** Open streams allowed per user in this process. */
  maxPerUser: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Other channels heard on the same connection, each a bare signal (its payload is ignored). */
  signals?: Record<string, () => void>;
  /** Told when the connection is up and listening on every channel (true), and when it is lost (false). */
  onListening?: (up: boolean) => void;
}

interface Notice {
  caseId: string;
  seq: number;
  userIds: string[];
  /** The batch's stream position, sent by the projection (null: it wrote no timeline entry). */
  id?: string | null;
}

function parseNotice(payload: string | undefined): Notice | null {
  if (!payload) return null;
  try {
    const v = JSON.parse(payload) as Partial<Notice>;
    if (typeof v.caseId !== 'string' || typeof v.seq !== 'number' || !Array.isArray(v.userIds)) return null;
    const id = typeof v.id === 'string' ? parseEventId(v.id) : v.id === null ? null : undefined;
    return {
      caseId: v.caseId,
      seq: v.seq,
      userIds: v.userIds.filter((u) => typeof u === 'string'),
      ...(id !== undefined ? { id } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * One LISTEN connection per process, shared by every open stream. Notifications are handled one at a
 * time so each user sees changes in commit order; a lost connection is re-opened with backoff and
 * every subscriber is told to resync from the database.
 */
export class EventHub {
  private readonly subscribers = new Map<string, Set<EventSubscriber>>();
  private client: pg.Client | null = null;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private everConnected = false;

  constructor(private readonly opts: EventHubOptions) {}

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Opens the LISTEN connection; on failure keeps retrying in the background. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Registers a stream; false when the user already has the maximum number open here. */
  subscribe(sub: EventSubscriber): boolean {
    let set = this.subscribers.get(sub.userId);
    if (!set) {
      set = new Set();
      this.subscribers.set(sub.userId, set);
    }
    if (set.size >= this.opts.maxPerUser) return false;
    set.add(sub);
    return true;
  }

  unsubscribe(sub: EventSubscriber): void {
    const set = this.subscribers.get(sub.userId);
    if (!set) return;
    set.delete(sub);
    if (set.size === 0) this.subscribers.delete(sub.userId);
  }

  /** Open streams in this process (all users). */
  get size(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) this.opts.onListening?.(false);
    await client?.end().catch(() => {});
    await this.chain;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    let client: pg.Client | null = null;
    try {
      client = new pg.Client(await this.opts.connection());
      client.on('error', (err) => this.lost(client!, err));
      client.on('end', () => this.lost(client!, new Error('connection ended')));
      client.on('notification', (msg) => {
        if (msg.channel !== this.opts.channel) {
          this.opts.signals?.[msg.channel]?.();
          return;
        }
        const notice = parseNotice(msg.payload);
        if (!notice) return;
        this.chain = this.chain
          .then(() => this.dispatch(notice))
          .catch((err) => {
            this.opts.log.warn({ err, caseId: notice.caseId }, 'live update not delivered');
          });
      });
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.opts.channel)}`);
      for (const channel of Object.keys(this.opts.signals ?? {}))
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.failures = 0;
      this.opts.onListening?.(true);
      if (this.everConnected) {
        this.opts.log.info('live updates: listening again; streams resync');
        for (const set of this.subscribers.values()) for (const sub of set) sub.resync();
      }
      this.everConnected = true;
    } catch (err) {
      client?.removeAllListeners('end');
      await client?.end().catch(() => {});
      this.opts.log.warn({ err }, 'live updates: cannot listen; retrying');
      this.scheduleRetry();
    }
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.opts.onListening?.(false);
    client.removeAllListeners('end');
    client.end().catch(() => {});
    if (this.closed) return;
    this.opts.log.warn({ err }, 'live updates: listen connection lost; reconnecting');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    const min = this.opts.minBackoffMs ?? 250;
    const max = this.opts.maxBackoffMs ?? 10_000;
    const delay = Math.min(max, min * 2 ** this.failures) * (0.5 + Math.random() / 2);
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  private async dispatch(notice: Notice): Promise<void> {
    const targets = notice.userIds.flatMap((u) => [...(this.subscribers.get(u) ?? [])]);
    if (targets.length === 0) return;
    // A worker of the previous release sends no position: look it up then.
    const id =
      notice.id !== undefined ? notice.id : await positionOf(this.opts.db, notice.caseId, notice.seq);
    const event: CaseEvent = { id, caseId: notice.caseId, seq: notice.seq };
    for (const sub of targets) sub.deliver(event);
  }
}
