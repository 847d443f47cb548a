import type { CaseSummaryDto } from '@unionflow/contracts';

/** Where a hardship file stands, from the step it is at now. */
export type HardshipStage = 'verification' | 'in-file' | 'reverification' | 'exit' | 'other';

// Step names of the seeded hardship-case definition, by stage. An admin may rename steps in the
// designer; unknown names fall into `other` and still show in the full case list.
const STAGE_STEPS: Record<Exclude<HardshipStage, 'other'>, string[]> = {
  verification: ['基层工会入户核实', '对照建档条件', '援助中心审批定级', '建档', '结对帮扶（联系卡）'],
  'in-file': ['在档（等待年度复核）'],
  reverification: ['民政经济状况比对', '年度复核认定', '复核结论', '更新档案'],
  exit: ['基层工会核实退档', '退档公示', '异议复查', '异议是否成立', '退档归档', '脱困跟踪回访'],
};

/** The stage of a hardship case (by its current step's Chinese name). */
export function stageOf(c: Pick<CaseSummaryDto, 'currentStep' | 'processKey' | 'status'>): HardshipStage {
  // A running file with no step open is asleep on its yearly timer: in the file.
  if (c.status === 'running' && !c.currentStep) return 'in-file';
  const name = c.currentStep?.zh ?? '';
  for (const [stage, steps] of Object.entries(STAGE_STEPS)) {
    if (steps.some((s) => name.startsWith(s))) return stage as HardshipStage;
  }
  return 'other';
}

/** Running hardship files per stage. */
export function stageCounts(cases: Pick<CaseSummaryDto, 'currentStep' | 'processKey' | 'status'>[]) {
  const counts: Record<HardshipStage, number> = {
    verification: 0,
    'in-file': 0,
    reverification: 0,
    exit: 0,
    other: 0,
  };
  for (const c of cases) if (c.status === 'running') counts[stageOf(c)] += 1;
  return counts;
}
