import { randomUUID } from 'node:crypto';
import type { CaseDetailDto } from '@unionflow/contracts';
import { describe, expect, it } from 'vitest';
import { onlyOpenTask, returnToApplicant, vocabularyDefinition, vocabularySuite } from './vocabulary-fixture';

const v = vocabularySuite();

async function tryStart(data: Record<string, unknown>) {
  const title = `refused ${randomUUID()}`;
  const res = await v.t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...(await v.as('zhangwei')), 'idempotency-key': randomUUID() },
    payload: { processKey: vocabularyDefinition.key, data: { title, ...data } },
  });
  const written = await v.t.db.selectFrom('cases').select('id').where('title', '=', title).execute();
  return { res, written };
}

describe('user and date fields are checked before a case starts', () => {
  it('422 names unknown users in a user field, and starts nothing', async () => {
    const { res, written } = await tryStart({ reviewers: ['wangfang', 'chenjie', 'nosuchuser'] });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/审核人.*nosuchuser.*Reviewers.*nosuchuser/);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: '/data/reviewers' })]);
    expect(written).toEqual([]);
  });

  it('422 names a disabled user', async () => {
    await v.t.db.updateTable('users').set({ disabled: true }).where('username', '=', 'liuyang').execute();
    try {
      const { res, written } = await tryStart({ reviewers: ['wangfang', 'liuyang'] });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toContain('liuyang');
      expect(res.json().detail).not.toContain('wangfang,');
      expect(written).toEqual([]);
    } finally {
      await v.t.db.updateTable('users').set({ disabled: false }).where('username', '=', 'liuyang').execute();
    }
  });

  it.each(['下周吧', '2026-02-30', '2026-3-1', '2026-03-01T00:00:00Z'])(
    '422 with the expected format for the date %s',
    async (startDate) => {
      const { res, written } = await tryStart({ reviewers: ['wangfang'], startDate });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toMatch(/开始日期.*YYYY-MM-DD.*Start date.*YYYY-MM-DD/);
      expect(written).toEqual([]);
    },
  );

  it('a supplement after a return to the applicant is checked the same way', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang'] });
    const back = await v.decide(await v.as('wangfang'), onlyOpenTask(c).id, returnToApplicant);
    expect(onlyOpenTask(back.json<CaseDetailDto>()).kind).toBe('applicant-task');
    const send = async (data: Record<string, unknown>) =>
      v.t.app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/supplement`,
        headers: { ...(await v.as('zhangwei')), 'idempotency-key': randomUUID() },
        payload: { data },
      });
    const bad = await send({ startDate: '2026-02-30', reviewers: ['wangfang', 'ghost'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toMatch(/YYYY-MM-DD.*ghost/s);
    expect(onlyOpenTask((await v.read(await v.as('zhangwei'), c.id)).json<CaseDetailDto>()).kind).toBe(
      'applicant-task',
    );
    expect((await send({ startDate: '2026-03-01' })).statusCode).toBe(200);
  });

  it('accepts a real date and known users', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang'], startDate: '2028-02-29' });
    expect(c.status).toBe('running');
  });
});

describe('the order of a sequential (依次) step', () => {
  it('asks the reviewers in the order the applicant gave, not by username', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang', 'lina', 'chenjie'] });
    expect(onlyOpenTask(c).who).toEqual(['wangfang']);
    const second = (
      await v.decide(await v.as('wangfang'), onlyOpenTask(c).id, { action: 'approve' })
    ).json<CaseDetailDto>();
    expect(onlyOpenTask(second).who).toEqual(['lina']);
    const third = (
      await v.decide(await v.as('lina'), onlyOpenTask(second).id, { action: 'approve' })
    ).json<CaseDetailDto>();
    expect(onlyOpenTask(third).who).toEqual(['chenjie']);
  });

  it('an added signer comes right after the one who added them, not at the end', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang', 'lina', 'chenjie'] });
    const added = await v.decide(await v.as('wangfang'), onlyOpenTask(c).id, {
      action: 'add-signer',
      to: 'zhaolei',
    });
    expect(added.statusCode).toBe(200);
    const next = added.json<CaseDetailDto>();
    expect(onlyOpenTask(next).who).toEqual(['zhaolei']);
    const after = (
      await v.decide(await v.as('zhaolei'), onlyOpenTask(next).id, { action: 'approve' })
    ).json<CaseDetailDto>();
    expect(onlyOpenTask(after).who).toEqual(['lina']);
  });
});

describe('decision data', () => {
  it('is refused when a date in it is not a real date, and nothing is decided', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang', 'lina'] });
    const task = onlyOpenTask(c);
    const res = await v.decide(await v.as('wangfang'), task.id, {
      action: 'approve',
      data: { visitDate: '2026-13-01' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/走访日期.*YYYY-MM-DD/);
    expect(onlyOpenTask((await v.read(await v.as('zhangwei'), c.id)).json<CaseDetailDto>()).id).toBe(task.id);
  });

  it('appears on the timeline event, masked for a viewer who may not see sensitive data', async () => {
    const c = await v.start(await v.as('zhangwei'), { reviewers: ['wangfang', 'chenjie'] });
    const res = await v.decide(await v.as('wangfang'), onlyOpenTask(c).id, {
      action: 'approve',
      comment: '核实无误',
      data: { award: 50_000, note: '家中两位老人需照料' },
    });
    expect(res.statusCode).toBe(200);
    const approvedBy = async (username: string) =>
      (await v.read(await v.as(username), c.id))
        .json<CaseDetailDto>()
        .timeline.find((e) => e.type === 'approved');

    // The applicant sees everything; chenjie holds the sensitive-viewer role.
    expect((await approvedBy('zhangwei'))?.data).toEqual({ award: 50_000, note: '家中两位老人需照料' });
    expect((await approvedBy('chenjie'))?.data).toEqual({ award: 50_000, note: '家中两位老人需照料' });
    // wangfang held a task but may not see household data.
    expect((await approvedBy('wangfang'))?.data).toEqual({ award: 50_000, note: '***' });
  });
});
