import { describe, expect, it } from 'vitest';
import { stageCounts, stageOf } from './stages';

const at = (zh: string | null, status: 'running' | 'completed' = 'running') => ({
  processKey: 'hardship-case',
  status,
  currentStep: zh ? { zh } : null,
});

describe('stageOf', () => {
  it('maps the current step to the stage of the file', () => {
    expect(stageOf(at('基层工会入户核实'))).toBe('verification');
    expect(stageOf(at('在档（等待年度复核）'))).toBe('in-file');
    expect(stageOf(at('年度复核认定'))).toBe('reverification');
    expect(stageOf(at('退档公示'))).toBe('exit');
    expect(stageOf(at('脱困后 6 个月回访'))).toBe('other');
    expect(stageOf(at(null))).toBe('in-file');
    expect(stageOf(at(null, 'completed'))).toBe('other');
  });

  it('counts running files only', () => {
    const counts = stageCounts([at('退档公示'), at('退档公示', 'completed'), at('年度复核认定')]);
    expect(counts).toMatchObject({ exit: 1, reverification: 1 });
  });
});
