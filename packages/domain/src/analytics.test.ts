import type { ProcessDefinition } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import { ANALYTICS_KEYS } from './analytics';
import { laborDispute } from './dispute/labor-dispute';
import { hardshipAid } from './hardship/hardship-aid';
import { innovationProposal } from './innovation/innovation-proposal';

/** Every field key a definition collects, on its start form or at any step. */
function fieldKeys(def: ProcessDefinition): string[] {
  const steps = def.nodes.flatMap((n) => ('form' in n && Array.isArray(n.form) ? n.form : []));
  return [...def.form, ...steps].map((f) => f.key);
}

function optionValues(def: ProcessDefinition, key: string): string[] {
  return (def.form.find((f) => f.key === key)?.options ?? []).map((o) => o.value);
}

describe('the 看板 reads keys the definitions really have', () => {
  it('innovation: the tier field and its options', () => {
    const k = ANALYTICS_KEYS.innovation;
    expect(innovationProposal.key).toBe(k.proposalProcessKey);
    expect(optionValues(innovationProposal, k.tierField)).toEqual(Object.keys(k.tiers));
  });

  it('hardship aid: the kind field and its options', () => {
    const k = ANALYTICS_KEYS.hardship;
    expect(hardshipAid.key).toBe(k.aidProcessKey);
    expect(optionValues(hardshipAid, k.aidKindField)).toEqual(Object.keys(k.aidKinds));
  });

  it('disputes: the mediation step, the end outcomes and the amount paid', () => {
    const k = ANALYTICS_KEYS.disputes;
    expect(laborDispute.nodes.map((n) => n.id)).toContain(k.mediatedNode);
    expect(laborDispute.nodes.map((n) => n.id)).toContain(k.agreementNode);
    const outcomes = laborDispute.nodes.flatMap((n) => (n.kind === 'end' ? [n.outcome] : []));
    expect(outcomes).toContain(k.settledOutcome);
    expect(outcomes).toContain(k.referredOutcome);
    expect(fieldKeys(laborDispute)).toContain(k.settledAmountField);
  });
});
