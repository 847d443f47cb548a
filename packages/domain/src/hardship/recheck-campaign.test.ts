import { describe, expect, it } from 'vitest';
import { hardshipCase } from './hardship-case';
import { RECHECK_CAMPAIGN, RECHECK_OUTCOMES } from './recheck-campaign';

describe('the re-check campaign and the hardship definition agree', () => {
  it('names a timer node, the re-verification step and every outcome it offers', () => {
    expect(hardshipCase.key).toBe(RECHECK_CAMPAIGN.processKey);
    const wait = hardshipCase.nodes.find((n) => n.id === RECHECK_CAMPAIGN.waitNodeId);
    expect(wait?.kind).toBe('timer');
    const reverify = hardshipCase.nodes.find((n) => n.id === RECHECK_CAMPAIGN.reverifyNodeId);
    expect(reverify?.kind).toBe('approval');
    const field =
      reverify?.kind === 'approval'
        ? reverify.form?.find((f) => f.key === RECHECK_CAMPAIGN.outcomeField)
        : undefined;
    expect(field?.options?.map((o) => o.value).sort()).toEqual(Object.keys(RECHECK_OUTCOMES).sort());
  });
});
