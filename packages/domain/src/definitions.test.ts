import {
  exampleApplicant,
  exampleOrg,
  type ProcessDefinition,
  simulate,
  simulatedOutcome,
  validateDefinition,
} from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import { DOMAIN_SERVICE_ACTIONS, domainDefinitions } from './definitions';
import { withDurations } from './durations';
import { hardshipCase } from './hardship/hardship-case';

const opts = { serviceActions: [...DOMAIN_SERVICE_ACTIONS] };

describe('the seeded definitions', () => {
  it.each(domainDefinitions.map((d) => [d.key, d] as const))('%s validates', (_key, def) => {
    const result = validateDefinition(def, opts);
    expect(result.errors).toEqual([]);
  });

  it('have unique keys', () => {
    const keys = domainDefinitions.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('survive a JSON round trip unchanged (they are stored as documents)', () => {
    for (const def of domainDefinitions) expect(JSON.parse(JSON.stringify(def))).toEqual(def);
  });

  it('name only registered service actions', () => {
    const used = domainDefinitions.flatMap((d: ProcessDefinition) =>
      d.nodes.flatMap((n) =>
        n.kind === 'service' ? [n.action, ...(n.compensation ? [n.compensation] : [])] : [],
      ),
    );
    for (const action of used) expect(DOMAIN_SERVICE_ACTIONS).toContain(action);
  });
});

describe('duration rewriting', () => {
  it('shortens timers, notices and deadlines without touching the original', () => {
    const fast = withDurations(hardshipCase, {
      'yearly-wait': '2s',
      'exit-notice': '1s',
      'verify.due': '5s',
      'verify.remindBefore': null,
    });
    const node = (def: ProcessDefinition, id: string) => def.nodes.find((n) => n.id === id);
    expect(node(fast, 'yearly-wait')).toMatchObject({ duration: '2s' });
    expect(node(fast, 'exit-notice')).toMatchObject({ duration: '1s' });
    expect(node(fast, 'verify')).toMatchObject({
      deadline: { due: '5s', onOverdue: 'escalate-to-superior' },
    });
    expect((node(fast, 'verify') as { deadline: object }).deadline).not.toHaveProperty('remindBefore');
    expect(node(hardshipCase, 'yearly-wait')).toMatchObject({ duration: '1y' });
    expect(validateDefinition(fast, opts).errors).toEqual([]);
  });
});

describe('simulated paths on the example org', () => {
  it('routes a breakthrough project through the city countersign, a proposal straight to delivery', () => {
    const def = domainDefinitions.find((d) => d.key === 'innovation-proposal')!;
    const data = (tier: string) => ({ tier, awardBand: { min: 1, max: 2 } });
    const big = simulate(def, data('breakthrough'), exampleOrg, exampleApplicant);
    // One committee member sets the amount, then the whole committee countersigns it (ADR 023).
    const bigPath = big.map((s) => s.nodeId);
    expect(bigPath.indexOf('grassroots-review')).toBeLessThan(bigPath.indexOf('city-award'));
    expect(bigPath.indexOf('city-award')).toBeLessThan(bigPath.indexOf('city-countersign'));
    expect(simulatedOutcome(big)).toBe('awarded');
    const small = simulate(def, data('proposal'), exampleOrg, exampleApplicant);
    expect(small.map((s) => s.nodeId)).not.toContain('city-countersign');
    expect(small.map((s) => s.nodeId)).not.toContain('city-award');
  });

  it('pays the award and the mentor only after the worker signs for it at the workstation', () => {
    const def = domainDefinitions.find((d) => d.key === 'innovation-proposal')!;
    const path = simulate(
      def,
      { tier: 'proposal', awardBand: { min: 1, max: 2 } },
      exampleOrg,
      exampleApplicant,
    ).map((s) => s.nodeId);
    expect(path.indexOf('schedule-delivery')).toBeLessThan(path.indexOf('handover'));
    expect(path.indexOf('handover')).toBeLessThan(path.indexOf('disburse'));
    expect(path.indexOf('disburse')).toBeLessThan(path.indexOf('mentor-award'));
    expect(def.nodes.find((n) => n.id === 'handover')).toMatchObject({
      deadline: { due: '7d', remindBefore: '2d', onOverdue: 'remind' },
    });
  });

  it('lets the committee set the award within the same band as the grassroots proposal', () => {
    const def = domainDefinitions.find((d) => d.key === 'innovation-proposal')!;
    const awardField = (id: string) => {
      const node = def.nodes.find((n) => n.id === id);
      return node && 'form' in node ? node.form?.find((f) => f.key === 'awardFen') : undefined;
    };
    const proposed = awardField('grassroots-review');
    const set = awardField('city-award');
    expect(proposed?.hint?.zh).toContain('攻关项目由市总工会创新委员会核定');
    expect(set).toMatchObject({ required: true, min: proposed?.min, max: proposed?.max });
    expect(def.nodes.find((n) => n.id === 'city-award')).toMatchObject({ mode: 'single' });
    expect(awardField('city-countersign')).toBeUndefined();
  });
});
