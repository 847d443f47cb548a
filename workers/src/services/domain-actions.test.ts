import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Database, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import {
  DOMAIN_SERVICE_ACTIONS,
  domainDefinitions,
  SERVICE_ACTIONS,
  type ServiceActionName,
} from '@unionflow/domain';
import { validateDefinition } from '@unionflow/process-model';
import type { ResultFieldSpec } from '@unionflow/process-model/display';
import type { ServiceCall } from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileCivilAffairsAdapter, SAMPLE_CIVIL_AFFAIRS_FILE } from './hardship/civil-affairs-adapter';
import { createHardshipActions } from './hardship/hardship-actions';
import { nextReceptionDate } from './mailbox/mailbox-actions';
import { builtInActions, serviceActionNames } from './registry';

let db: Kysely<Database>;
beforeAll(async () => {
  db = createDb(inject('databaseUrl'), { max: 2 });
  await migrateToLatest(db);
  await seedDemoOrganisation(db);
});
afterAll(async () => {
  await db?.destroy();
});

const call = (
  action: string,
  data: Record<string, unknown>,
  params: Record<string, unknown> = {},
): ServiceCall => ({
  caseId: randomUUID(),
  caseNumber: 'T-1',
  nodeId: 'step',
  action,
  params,
  data,
  applicant: { userId: 'u-zhangwei', orgId: 'org-steel' },
});
/** Keys a result holds that its declared display schema does not label (lists of records included). */
function undeclared(fields: Record<string, ResultFieldSpec>, value: Record<string, unknown>): string[] {
  return Object.entries(value).flatMap(([key, v]) => {
    const spec = fields[key];
    if (!spec) return [key];
    if (spec.type !== 'list' || spec.of.type !== 'record' || !Array.isArray(v)) return [];
    const of = spec.of;
    return v.flatMap((item) =>
      undeclared(of.fields, item as Record<string, unknown>).map((k) => `${key}.${k}`),
    );
  });
}

/** Runs an action and holds its result to the manifest: every key it returns is declared and labelled. */
const run = async (c: ServiceCall) => {
  const result = await builtInActions[c.action]!(c, { db });
  const schema = SERVICE_ACTIONS[c.action as ServiceActionName].result;
  expect(undeclared(schema.fields, result), `${c.action} returns keys its schema does not declare`).toEqual(
    [],
  );
  return result;
};

describe('the registry', () => {
  it('provides every action the domain definitions call, and the definitions validate against it', () => {
    const names = serviceActionNames();
    for (const action of DOMAIN_SERVICE_ACTIONS) expect(names).toContain(action);
    for (const def of domainDefinitions) {
      const issues = validateDefinition(def, { serviceActions: names }).errors;
      expect(issues).toEqual([]);
    }
  });
});

describe('payments', () => {
  it('pays once however often the step runs, and a compensation reclaims it', async () => {
    const c = call('innovation.disburse-award', { awardFen: 150_000 }, { amountField: 'awardFen' });
    const first = await run(c);
    await run(c);
    const rows = await db.selectFrom('payments').selectAll().where('case_id', '=', c.caseId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      payee_id: 'u-zhangwei',
      amount_fen: '150000',
      kind: 'innovation-award',
      status: 'paid',
    });
    await run({ ...c, action: 'innovation.reclaim-award', params: { original: first } });
    const after = await db
      .selectFrom('payments')
      .select('status')
      .where('case_id', '=', c.caseId)
      .executeTakeFirst();
    expect(after?.status).toBe('reclaimed');
  });
  it('refuses a fractional amount without retrying', async () => {
    await expect(run(call('payment.disburse', { amountFen: 1.5 }))).rejects.toMatchObject({
      nonRetryable: true,
    });
  });
});

describe('innovation', () => {
  it('reads the award band from the params', async () => {
    const bands = { topic: { min: 100, max: 200 } };
    expect(await run(call('innovation.award-band', { tier: 'topic' }, { bands }))).toEqual({
      tier: 'topic',
      min: 100,
      max: 200,
    });
    await expect(run(call('innovation.award-band', { tier: 'nope' }, { bands }))).rejects.toThrow(
      /No award band/,
    );
  });
  it('pays a registered mentor a share of the award, and nobody when there is none', async () => {
    const none = await run(call('innovation.mentor-award', { awardFen: 100_000 }, { percent: 10 }));
    expect(none).toEqual({ mentorId: null, amountFen: 0 });
    await db
      .insertInto('mentorships')
      .values({ apprentice_id: 'u-lina', mentor_id: 'u-zhaolei', registered_at: new Date(), ended_at: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const c = {
      ...call('innovation.mentor-award', { awardFen: 100_001 }, { percent: 10 }),
      applicant: { userId: 'u-lina', orgId: 'org-steel' },
    };
    expect(await run(c)).toMatchObject({ mentorId: 'u-zhaolei', amountFen: 10_000 });
  });
});

describe('disputes and the mailbox', () => {
  it('generates an arbitration summary and numbers mediation sessions', async () => {
    const result = await run(
      call(
        'dispute.arbitration-summary',
        { workerName: '张伟', sessions: { count: 1 } },
        { reason: 'mediation-failed' },
      ),
    );
    expect(result.summary).toMatch(/张伟[\s\S]*共进行调解 1 次[\s\S]*未能达成和解/);
    const c = call('dispute.record-session', {
      sessionDate: '2026-11-21',
      sessionMinutes: '首次调解',
      sessionResult: 'continue',
    });
    expect(await run(c)).toMatchObject({ count: 1 });
    expect(await run({ ...c, data: { ...c.data, sessions: { count: 1 } } })).toMatchObject({ count: 2 });
  });
  it('finds the next reception day in China time', () => {
    expect(nextReceptionDate(new Date('2026-11-14T15:59:00Z'), 15)).toBe('2026-11-15');
    expect(nextReceptionDate(new Date('2026-11-15T16:00:00Z'), 15)).toBe('2026-12-15');
    expect(nextReceptionDate(new Date('2026-12-20T00:00:00Z'), 15)).toBe('2027-01-15');
  });
});

describe('hardship', () => {
  it('reads civil-affairs data from the sample file and from a configured one', async () => {
    const sample = fileCivilAffairsAdapter(SAMPLE_CIVIL_AFFAIRS_FILE);
    expect(await sample.lookup('370102198801011234')).toMatchObject({ householdSize: 3 });
    expect(await sample.lookup('000')).toBeNull();
    const dir = await mkdtemp(path.join(tmpdir(), 'civil-'));
    const file = path.join(dir, 'export.json');
    await writeFile(
      file,
      JSON.stringify([{ idNumber: 'A1', householdSize: 2, monthlyIncomeFen: 100_000, asOf: '2026-01-01' }]),
    );
    const actions = createHardshipActions(() => fileCivilAffairsAdapter(file));
    const advice = await actions['hardship.civil-affairs-check']!(
      call('hardship.civil-affairs-check', { idNumber: 'A1', level: 'deep' }),
      { db },
    );
    expect(advice).toMatchObject({ found: true, perCapitaFen: 50_000, recommendation: 'continue' });
    expect(advice).not.toHaveProperty('monthlyIncomeFen');
  });
});

describe('every result is declared for the case page', () => {
  it('returns only keys the manifest labels, on each path of each action', async () => {
    const hardship = call('hardship.open-file', { level: 'deep', idNumber: '370102198801011234' });
    const same = (action: string, params: Record<string, unknown> = {}) => ({ ...hardship, action, params });
    await run(call('noop', {}));
    await run(call('notify-applicant', {}, { message: '已受理' }));
    await run(
      call(
        'hardship.check-admission',
        { condSeriousIllness: true, clearHousehold: true },
        { conditions: 'condSeriousIllness', exclusions: 'exclPrivateVehicle', clears: 'clearHousehold' },
      ),
    );
    await run(hardship);
    await run(same('hardship.pair-cadre'));
    await run(same('hardship.civil-affairs-check'));
    await run(same('hardship.record-reverification'));
    await run(same('hardship.find-file'));
    await run(same('hardship.archive'));
    await run(same('hardship.reopen'));
    await run(call('hardship.find-file', {}));
    await run(call('subsidy.compute', { memberCount: 30 }, { kind: 'work-fund' }));
    await run(call('mailbox.queue-reception', {}));
    await run(call('dispute.limit-warning', {}));
    await run(call('dispute.limit-check', { settlementAmountFen: 100 }));
    await run(call('innovation.publish-to-library', { title: '改进' }));
    await run(call('innovation.quarter-candidates', { quarter: '2026-Q1' }));
    await run(
      call('innovation.quarterly-awards', {
        quarter: '2026-Q1',
        excellentAwardFen: 100_000,
        excellentCases: 'X-1',
      }),
    );
    await run(call('innovation.year-candidates', { year: 2026 }));
    await run(
      call('innovation.induct-hall-of-fame', { year: 2026, inducteeAwardFen: 600_000, inductees: 'nobody' }),
    );
  });
});
