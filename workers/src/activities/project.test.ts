import { randomUUID } from 'node:crypto';
import {
  allocateCaseNumber,
  createDb,
  type Database,
  EVENTS_CHANNEL,
  migrateToLatest,
  seedDemoOrganisation,
  verifyAuditChain,
} from '@unionflow/db';
import type { TimelineEventType } from '@unionflow/process-model/runtime';
import type { Projection, TaskRecord } from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { project } from './project';

let db: Kysely<Database>;
beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { max: 2 });
  await migrateToLatest(db);
  await seedDemoOrganisation(db);
});
afterAll(async () => {
  await db?.destroy();
});

const at = '2026-11-21T08:00:00.000Z';

function task(
  caseId: string,
  n: number,
  candidateIds: string[],
  extra: Partial<TaskRecord> = {},
): TaskRecord {
  return {
    id: `${caseId}:task${n}`,
    nodeId: `step${n}`,
    stepName: { zh: `第${n}步` },
    kind: 'approval',
    status: 'open',
    candidateIds,
    assigneeId: candidateIds.length === 1 ? (candidateIds[0] ?? null) : null,
    onBehalfOf: {},
    returnTo: null,
    form: [],
    createdAt: at,
    dueAt: null,
    completedAt: null,
    decision: null,
    ...extra,
  };
}

function batch(
  caseId: string,
  seq: number,
  tasks: TaskRecord[],
  extra: Partial<Projection> = {},
): Projection {
  return {
    caseId,
    seq,
    case: {
      status: 'running',
      processVersion: 1,
      outcome: null,
      currentStep: { zh: '审批' },
      data: { title: '投影' },
      updatedAt: at,
    },
    tasks,
    timeline: [
      {
        at,
        // A type of its own per batch, so each batch's rows can be told apart (the table takes any text).
        type: `batch-${seq}` as TimelineEventType,
        actorId: 'u-zhangwei',
        onBehalfOfId: null,
        nodeId: null,
        stepName: null,
        comment: null,
        data: { seq },
      },
    ],
    notifications: [
      { userIds: tasks.flatMap((t) => t.candidateIds), type: 'task-assigned', message: { zh: '待办' } },
    ],
    ...extra,
  };
}

async function registered(caseId: string): Promise<Projection['register']> {
  return {
    caseId,
    number: await allocateCaseNumber(db, new Date(at)),
    title: '投影',
    processKey: 'projection-test',
    processVersion: 1,
    department: 'innovation',
    applicantId: 'u-zhangwei',
    orgId: 'org-steel',
    data: { title: '投影' },
    createdAt: at,
    parentCaseId: null,
  };
}

const candidates = async (taskId: string) =>
  (
    await db
      .selectFrom('task_candidates')
      .select(['user_id', 'open', 'on_behalf_of'])
      .where('task_id', '=', taskId)
      .orderBy('user_id')
      .execute()
  ).map((c) => `${c.user_id}:${c.open ? 'open' : 'closed'}${c.on_behalf_of ? `:for ${c.on_behalf_of}` : ''}`);

describe('project', () => {
  it('registers the case in its first batch and writes every part of it', async () => {
    const caseId = randomUUID();
    const register = await registered(caseId);
    await project(db, { ...batch(caseId, 1, [task(caseId, 1, ['u-lina', 'u-zhaolei'])]), register });

    const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      number: register?.number,
      status: 'running',
      last_seq: 1,
      applicant_id: 'u-zhangwei',
    });
    expect(register?.number).toMatch(/^UF2026\d{6}$/);
    expect(await candidates(`${caseId}:task1`)).toEqual(['u-lina:open', 'u-zhaolei:open']);
    const timeline = await db
      .selectFrom('timeline_events')
      .select(['seq', 'idx', 'type'])
      .where('case_id', '=', caseId)
      .execute();
    expect(timeline).toEqual([{ seq: 1, idx: 0, type: 'batch-1' }]);
    const notified = await db
      .selectFrom('notifications')
      .select('user_id')
      .where('case_id', '=', caseId)
      .execute();
    expect(notified.map((n) => n.user_id).sort()).toEqual(['u-lina', 'u-zhaolei']);
    expect(
      await db.selectFrom('audit_events').select('type').where('case_id', '=', caseId).execute(),
    ).toEqual([{ type: 'batch-1' }]);
  });

  it('announces each batch once, after its audit rows, with the stream position of its first entry', async () => {
    const listener = new pg.Client({ connectionString: inject('databaseUrl') });
    await listener.connect();
    const heard: { caseId: string; seq: number; userIds: string[]; id: string | null }[] = [];
    listener.on('notification', (msg) => {
      if (msg.channel === EVENTS_CHANNEL && msg.payload) heard.push(JSON.parse(msg.payload));
    });
    await listener.query(`LISTEN ${pg.escapeIdentifier(EVENTS_CHANNEL)}`);
    try {
      const caseId = randomUUID();
      await project(db, {
        ...batch(caseId, 1, [task(caseId, 1, ['u-lina'])]),
        register: await registered(caseId),
      });
      // A batch that records no timeline entry has no stream position.
      await project(
        db,
        batch(caseId, 2, [task(caseId, 1, ['u-lina'], { status: 'claimed' })], { timeline: [] }),
      );
      const head = await db
        .selectFrom('audit_events')
        .select('id')
        .where('event_key', '=', `${caseId}:1:0`)
        .executeTakeFirstOrThrow();
      await expect.poll(() => heard.filter((n) => n.caseId === caseId).length).toBe(2);
      const mine = heard.filter((n) => n.caseId === caseId);
      expect(mine[0]).toEqual({ caseId, seq: 1, userIds: ['u-zhangwei', 'u-lina'], id: String(head.id) });
      expect(mine[1]).toEqual({ caseId, seq: 2, userIds: ['u-zhangwei', 'u-lina'], id: null });
    } finally {
      await listener.end();
    }
  });

  it('skips a batch applied before (an activity retry) whole', async () => {
    const caseId = randomUUID();
    const first = { ...batch(caseId, 1, [task(caseId, 1, ['u-lina'])]), register: await registered(caseId) };
    await project(db, first);
    await project(db, first);
    await project(db, { ...first, register: undefined });

    const count = async (table: 'timeline_events' | 'notifications' | 'audit_events') =>
      (await db.selectFrom(table).select('case_id').where('case_id', '=', caseId).execute()).length;
    expect([
      await count('timeline_events'),
      await count('notifications'),
      await count('audit_events'),
    ]).toEqual([1, 1, 1]);
  });

  it("updates changed tasks and keeps each task's candidates equal to its latest record", async () => {
    const caseId = randomUUID();
    await project(db, {
      ...batch(caseId, 1, [task(caseId, 1, ['u-lina', 'u-zhaolei'])]),
      register: await registered(caseId),
    });
    await project(
      db,
      batch(caseId, 2, [
        // Claimed by one of two candidates: the other loses it from their inbox.
        task(caseId, 1, ['u-lina', 'u-zhaolei'], { status: 'claimed', assigneeId: 'u-zhaolei' }),
      ]),
    );
    expect(await candidates(`${caseId}:task1`)).toEqual(['u-lina:closed', 'u-zhaolei:open']);

    await project(
      db,
      batch(caseId, 3, [
        // Handed over to someone else, who now holds it for the original candidate.
        task(caseId, 1, ['u-liuyang'], { assigneeId: 'u-liuyang', onBehalfOf: { 'u-liuyang': 'u-lina' } }),
        task(caseId, 2, ['u-lina']),
      ]),
    );
    expect(await candidates(`${caseId}:task1`)).toEqual(['u-liuyang:open:for u-lina']);
    expect(await candidates(`${caseId}:task2`)).toEqual(['u-lina:open']);

    await project(
      db,
      batch(caseId, 4, [
        task(caseId, 1, ['u-liuyang'], { status: 'completed', decision: 'approve', completedAt: at }),
      ]),
    );
    const done = await db
      .selectFrom('tasks')
      .select(['status', 'decision', 'completed_at'])
      .where('id', '=', `${caseId}:task1`)
      .executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'completed', decision: 'approve' });
    expect(done.completed_at?.toISOString()).toBe(at);
    expect(await candidates(`${caseId}:task1`)).toEqual(['u-liuyang:closed']);
    const seqs = await db
      .selectFrom('timeline_events')
      .select('seq')
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    expect(seqs.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a batch for a case nobody registered', async () => {
    await expect(project(db, batch(randomUUID(), 1, []))).rejects.toThrow(/is not registered/);
  });

  it('keeps the audit chain intact while many cases project at once', async () => {
    const ids = Array.from({ length: 12 }, () => randomUUID());
    await Promise.all(
      ids.map(async (caseId) => {
        await project(db, {
          ...batch(caseId, 1, [task(caseId, 1, ['u-lina'])]),
          register: await registered(caseId),
        });
        await project(
          db,
          batch(caseId, 2, [task(caseId, 1, ['u-lina'], { status: 'completed', completedAt: at })]),
        );
      }),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBroken: null });
  });
});
