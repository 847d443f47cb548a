import { hardshipCase } from '@unionflow/domain';
import { describe, expect, it } from 'vitest';
import { stageCounts, stageOf, stageOfNode } from './stages';

const at = (nodes: string[], status: 'running' | 'completed' = 'running') => ({
  status,
  currentNodeIds: nodes,
});

describe('stageOf', () => {
  it('maps where the file is to its stage', () => {
    expect(stageOf(at(['verify']))).toBe('verification');
    expect(stageOf(at(['yearly-wait']))).toBe('in-file');
    expect(stageOf(at(['reverify']))).toBe('reverification');
    expect(stageOf(at(['exit-notice']))).toBe('exit');
    // 入档公示 is not 退档公示: an admission on notice, or its objection under review, is its own stage.
    expect(stageOf(at(['admission-notice']))).toBe('admission-notice');
    expect(stageOf(at(['admission-objection-review']))).toBe('admission-notice');
    expect(stageOf(at(['follow-up-3', 'follow-up-6-wait']))).toBe('exit');
    expect(stageOf(at(['a-step-an-admin-added']))).toBe('other');
    expect(stageOf(at([]))).toBe('in-file');
    expect(stageOf(at([], 'completed'))).toBe('other');
  });

  it('knows every node of the seeded hardship-case definition', () => {
    const unknown = hardshipCase.nodes
      .filter((n) => n.kind !== 'end')
      .map((n) => n.id)
      .filter((id) => stageOfNode(id) === 'other');
    expect(unknown).toEqual([]);
  });

  it('counts running files only', () => {
    const counts = stageCounts([
      at(['exit-notice']),
      at(['exit-notice'], 'completed'),
      at(['reverify']),
      at(['admission-notice']),
    ]);
    expect(counts).toMatchObject({ exit: 1, reverification: 1, 'admission-notice': 1, verification: 0 });
  });
});
