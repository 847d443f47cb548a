import { describe, expect, it } from 'vitest';
import { arbitrationSummary, isReferralReason } from './arbitration-summary';

describe('arbitration summary', () => {
  it('names the parties, claims, amount, sessions and the reason', () => {
    const text = arbitrationSummary(
      'RQ-2026-000001',
      {
        workerName: '张伟',
        employerName: '某物流公司',
        facts: '工伤后未获赔偿',
        claims: '支付工伤赔偿',
        amountClaimedFen: 110_000_000,
        sessions: { count: 2 },
      },
      'limit-expired',
    );
    expect(text).toContain('张伟');
    expect(text).toContain('1100000.00 元');
    expect(text).toContain('共进行调解 2 次');
    expect(text).toContain('第十四条');
  });
  it('knows its reasons', () => {
    expect(isReferralReason('no-consent')).toBe(true);
    expect(isReferralReason('bored')).toBe(false);
  });
});
