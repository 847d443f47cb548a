import type { CaseDetailDto } from '@unionflow/contracts';
import { describe, expect, it } from 'vitest';
import { onlyOpenTask, openTasks, returnToApplicant, vocabularySuite } from './vocabulary-fixture';

const v = vocabularySuite();

const eventsOf = async (caseId: string) =>
  (await v.read(await v.as('zhangwei'), caseId)).json<CaseDetailDto>().timeline.map((e) => e.type);

describe('answers to decisions on tasks that are no longer open', () => {
  it('409 names who decided a task and when, when it is decided a second time', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang', 'chenjie'] });
    const first = onlyOpenTask(c);
    expect((await v.decide(await v.as('wangfang'), first.id, { action: 'approve' })).statusCode).toBe(200);
    const before = await eventsOf(c.id);

    const again = await v.decide(await v.as('wangfang'), first.id, { action: 'reject', comment: '再看看' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().detail).toMatch(
      /王芳（wangfang）.*\d{4}-\d{2}-\d{2} \d{2}:\d{2}.*already decided by 王芳/,
    );
    expect(await eventsOf(c.id)).toEqual(before);
  });

  it('409 says a return cancelled the task', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang'] });
    const task = onlyOpenTask(c);
    const returned = await v.decide(await v.as('wangfang'), task.id, returnToApplicant);
    expect(returned.statusCode).toBe(200);
    const before = await eventsOf(c.id);

    const late = await v.decide(await v.as('wangfang'), task.id, { action: 'approve' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/退回.*取消.*cancelled by a return by 王芳/);
    expect(await eventsOf(c.id)).toEqual(before);
  });

  it('the loser of a race on a single step with two candidates gets 409, the winner 200', async () => {
    const c = await v.start(await v.as('zhangwei'), {
      reviewers: ['wangfang'],
      pair: ['lina', 'zhaolei'],
    });
    const afterSeq = (
      await v.decide(await v.as('wangfang'), onlyOpenTask(c).id, { action: 'approve' })
    ).json<CaseDetailDto>();
    const group = onlyOpenTask(afterSeq);
    expect(group.who.sort()).toEqual(['lina', 'zhaolei']);

    const answers = await Promise.all([
      v.decide(await v.as('lina'), group.id, { action: 'approve', comment: '李娜同意' }),
      v.decide(await v.as('zhaolei'), group.id, { action: 'approve', comment: '赵磊同意' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.statusCode === 409)!;
    expect(loser.json().detail).toMatch(/already decided by/);
    const detail = (await v.read(await v.as('zhangwei'), c.id)).json<CaseDetailDto>();
    expect(detail.timeline.filter((e) => e.type === 'approved' && e.nodeId === 'group')).toHaveLength(1);
  });
});

describe('transfer', () => {
  it('answers 200 with the case, and the reviewer who transferred keeps read access', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang', 'chenjie'] });
    const task = onlyOpenTask(c);
    const res = await v.decide(await v.as('wangfang'), task.id, {
      action: 'transfer',
      to: 'lina',
      comment: '请李娜处理',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<CaseDetailDto>();
    expect(body.id).toBe(c.id);
    // The answer says which projection it reflects, so the client can skip the live echo of it.
    expect(body.seq).toBeGreaterThan(c.seq ?? 0);
    expect(onlyOpenTask(body).who).toEqual(['lina']);
    expect(body.timeline.at(-1)).toMatchObject({ type: 'transferred', actor: { username: 'wangfang' } });

    // "Holds or held": wangfang no longer holds a task of this case, and still reads it.
    const later = await v.read(await v.as('wangfang'), c.id);
    expect(later.statusCode).toBe(200);
    // Someone who never held a task still does not.
    expect((await v.read(await v.as('zhaolei'), c.id)).statusCode).toBe(404);
  });
});

describe('actions the engine has, now in the API', () => {
  it('comment records a comment without deciding, and needs text', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang'] });
    const task = onlyOpenTask(c);
    const empty = await v.decide(await v.as('wangfang'), task.id, { action: 'comment', comment: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().detail).toMatch(/评论.*comment/);
    expect(await eventsOf(c.id)).not.toContain('commented');

    const res = await v.decide(await v.as('wangfang'), task.id, {
      action: 'comment',
      comment: '材料齐全，待会签',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<CaseDetailDto>();
    expect(body.timeline.at(-1)).toMatchObject({ type: 'commented', comment: '材料齐全，待会签' });
    // A household process: whoever else reads it without clearance for household data sees the
    // comment masked (ADR 015); only its author reads it back.
    const admin = await v.read(await v.as('admin'), c.id);
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json<CaseDetailDto>().timeline.at(-1)).toMatchObject({ type: 'commented', comment: '***' });
    expect(onlyOpenTask(body).id).toBe(task.id);
  });

  it('remove-signer takes a pending signer out of a sequential step', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang', 'chenjie', 'lina'] });
    const res = await v.decide(await v.as('wangfang'), onlyOpenTask(c).id, {
      action: 'remove-signer',
      to: 'chenjie',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<CaseDetailDto>().timeline.at(-1)).toMatchObject({ type: 'signer-removed' });
    const approved = await v.decide(await v.as('wangfang'), onlyOpenTask(c).id, { action: 'approve' });
    // chenjie was removed: lina is asked next.
    expect(onlyOpenTask(approved.json<CaseDetailDto>()).who).toEqual(['lina']);
  });

  it('remove-signer of someone who does not sign answers 409; of an unknown user 422', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang', 'chenjie'] });
    const task = onlyOpenTask(c);
    const before = await eventsOf(c.id);
    expect(
      (await v.decide(await v.as('wangfang'), task.id, { action: 'remove-signer', to: 'zhaolei' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await v.decide(await v.as('wangfang'), task.id, { action: 'remove-signer', to: 'ghost' })).statusCode,
    ).toBe(422);
    expect(await eventsOf(c.id)).toEqual(before);
  });

  it('add-signer with position "before" (前加签) asks the new signer first, then the adder', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang', 'chenjie'] });
    const res = await v.decide(await v.as('wangfang'), onlyOpenTask(c).id, {
      action: 'add-signer',
      to: 'zhaolei',
      position: 'before',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<CaseDetailDto>();
    expect(onlyOpenTask(body).who).toEqual(['zhaolei']);
    expect(body.timeline.at(-1)).toMatchObject({ type: 'signer-added', data: { position: 'before' } });
    const back = await v.decide(await v.as('zhaolei'), onlyOpenTask(body).id, { action: 'approve' });
    expect(onlyOpenTask(back.json<CaseDetailDto>()).who).toEqual(['wangfang']);
  });

  it('a position on an action that takes none is refused with 422', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang'] });
    const res = await v.decide(await v.as('wangfang'), onlyOpenTask(c).id, {
      action: 'transfer',
      to: 'lina',
      position: 'before',
    });
    expect(res.statusCode).toBe(422);
    expect(openTasks((await v.read(await v.as('zhangwei'), c.id)).json<CaseDetailDto>())[0]?.who).toEqual([
      'wangfang',
    ]);
  });

  it('the OpenAPI document lists every reviewer action', async () => {
    const doc = (await v.t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const text = JSON.stringify(doc);
    for (const action of ['remove-signer', 'comment', 'add-signer']) expect(text).toContain(`"${action}"`);
    expect(text).toContain('"before"');
  });
});
