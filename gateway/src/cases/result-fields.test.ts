import { domainDefinitions, hardshipAid, innovationProposal, laborDispute } from '@unionflow/domain';
import { formatResult } from '@unionflow/process-model/display';
import { describe, expect, it } from 'vitest';
import { resultFieldsOf, resultSchemaOf, withoutHiddenResultKeys } from './result-fields';

describe('service results on the case page', () => {
  it('every stored result of every seeded process carries its action and display schema', () => {
    for (const def of domainDefinitions) {
      for (const field of resultFieldsOf(def)) {
        expect(field.result, `${def.key} ${field.key}`).not.toBeNull();
        expect(Object.keys(field.result?.fields ?? {}).length).toBeGreaterThan(0);
      }
    }
    const band = resultFieldsOf(innovationProposal).find((f) => f.key === 'awardBand');
    expect(band).toMatchObject({ type: 'result', action: 'innovation.award-band' });
    const rows = formatResult(band!.result!, { tier: 'breakthrough', min: 5_000_000, max: 30_000_000 }, 'zh');
    expect(rows.map((r) => r.value)).toEqual(['攻关项目', '5 万–30 万元']);
  });

  it('one key written by several referral steps reads by one schema', () => {
    const referrals = resultFieldsOf(laborDispute).filter((f) => f.key === 'arbitration');
    expect(referrals).toHaveLength(1);
    expect(referrals[0]?.result?.fields.reason?.type).toBe('enum');
  });

  it('drops the internal keys a schema hides before the data leaves the server', () => {
    const fields = resultFieldsOf(hardshipAid);
    const fileKey = fields.find((f) => f.action === 'hardship.find-file')?.key ?? '';
    const data = { [fileKey]: { inFile: true, fileCaseId: 'case-1', level: 'deep' }, note: '说明' };
    expect(withoutHiddenResultKeys(data, fields)).toEqual({
      [fileKey]: { inFile: true, level: 'deep' },
      note: '说明',
    });
    // Ids inside list entries go too.
    const ranking = [
      { userId: 'u-1', username: 'zhangwei', displayName: '张伟', proposals: 2, totalAwardFen: 1 },
    ];
    const year = [
      {
        key: 'candidates',
        label: { zh: '候选', en: 'Candidates' },
        type: 'result' as const,
        action: 'innovation.year-candidates',
        result: resultSchemaOf('innovation.year-candidates'),
      },
    ];
    expect(withoutHiddenResultKeys({ candidates: { year: 2026, ranking } }, year)).toEqual({
      candidates: {
        year: 2026,
        ranking: [{ username: 'zhangwei', displayName: '张伟', proposals: 2, totalAwardFen: 1 }],
      },
    });
  });
});
