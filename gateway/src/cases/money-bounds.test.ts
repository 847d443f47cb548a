import { innovationProposal } from '@unionflow/domain';
import type { FormField } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import { moneyBoundProblems, withResolvedMoneyBounds } from './money-bounds';

const review = innovationProposal.nodes.find((n) => n.id === 'grassroots-review');
const form = (review && 'form' in review ? review.form : []) as FormField[];
const band = { awardBand: { tier: 'breakthrough', min: 5_000_000, max: 30_000_000 } };

describe('money bounds the gateway checks', () => {
  it('words an amount out of its band in yuan with the field name, never the key or fen', () => {
    const [problem, ...rest] = moneyBoundProblems(form, { awardFen: 30_000_001 }, band);
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      path: '/data/awardFen',
      message: '奖励金额须在 5 万至 30 万元之间 / Award must be between 50,000 and 300,000 yuan',
    });
    expect(problem?.message).not.toMatch(/awardFen|30000000|30,000,000/);
    expect(moneyBoundProblems(form, { awardFen: 4_999_999 }, band)).toHaveLength(1);
    expect(moneyBoundProblems(form, { awardFen: 5_000_000 }, band)).toEqual([]);
  });

  it('checks a bound naming another field against the values sent with it', () => {
    const paid: FormField[] = [
      {
        key: 'paidAmountFen',
        label: { zh: '实付金额（元）', en: 'Amount paid (yuan)' },
        type: 'money',
        min: 'settlementAmountFen',
      },
    ];
    expect(moneyBoundProblems(paid, { paidAmountFen: 100 }, { settlementAmountFen: 200_000 })).toEqual([
      {
        path: '/data/paidAmountFen',
        message: '实付金额不能少于 2,000 元 / Amount paid must be at least 2,000 yuan',
      },
    ]);
  });

  it('resolves a band from the case data into the form the page shows, leaving same-form bounds', () => {
    const shown = withResolvedMoneyBounds(form, band) as FormField[];
    expect(shown.find((f) => f.key === 'awardFen')).toMatchObject({ min: 5_000_000, max: 30_000_000 });
    const pair = [
      { key: 'settlementAmountFen', label: { zh: '和解金额' }, type: 'money' },
      { key: 'paidAmountFen', label: { zh: '实付金额' }, type: 'money', min: 'settlementAmountFen' },
    ];
    expect(withResolvedMoneyBounds(pair, {})).toEqual(pair);
    // A band not computed yet gives no bound rather than a path the form cannot read.
    expect(
      (withResolvedMoneyBounds(form, {}) as FormField[]).find((f) => f.key === 'awardFen'),
    ).not.toHaveProperty('max');
  });
});
