import type { CaseSummaryDto } from '@unionflow/contracts';

/** Where a hardship file stands, from the node it is at now. */
export type HardshipStage =
  | 'verification'
  | 'admission-notice'
  | 'in-file'
  | 'reverification'
  | 'exit'
  | 'other';

// Node ids of the seeded hardship-case definition, by stage. Ids survive an admin renaming a step in
// the designer; a node an admin adds falls into `other` and still shows in the full case list.
const STAGE_NODES: Record<Exclude<HardshipStage, 'other'>, string[]> = {
  verification: [
    'verify',
    'admission',
    'admission-gate',
    'notify-not-eligible',
    'centre-approval',
    'open-file',
    'pair',
  ],
  // Admitted by the centre, on notice in the unit (入档公示) or its objection under review.
  'admission-notice': [
    'admission-notice',
    'admission-objection-review',
    'admission-objection-gate',
    'notify-objection-founded',
  ],
  'in-file': ['yearly-wait', 'reopen'],
  reverification: ['civil-check', 'reverify', 'reverify-gate', 'record-reverification'],
  exit: ['exit-verification', 'exit-notice', 'objection-review', 'objection-gate', 'archive', 'follow-ups'],
};

/** The stage a node of the hardship-case definition belongs to. */
export function stageOfNode(nodeId: string): HardshipStage {
  // The yearly follow-ups after an exit are `follow-up-<months>` and `follow-up-<months>-wait`.
  if (nodeId.startsWith('follow-up')) return 'exit';
  for (const [stage, nodes] of Object.entries(STAGE_NODES)) {
    if (nodes.includes(nodeId)) return stage as HardshipStage;
  }
  return 'other';
}

type StagedCase = Pick<CaseSummaryDto, 'currentNodeIds' | 'status'>;

/** The stage of a hardship case: the earliest stage among the nodes it is at. */
export function stageOf(c: StagedCase): HardshipStage {
  const stages = c.currentNodeIds.map(stageOfNode);
  const order: HardshipStage[] = [
    'verification',
    'admission-notice',
    'reverification',
    'exit',
    'in-file',
    'other',
  ];
  return order.find((s) => stages.includes(s)) ?? (c.status === 'running' ? 'in-file' : 'other');
}

/** Running hardship files per stage. */
export function stageCounts(cases: StagedCase[]) {
  const counts: Record<HardshipStage, number> = {
    verification: 0,
    'admission-notice': 0,
    'in-file': 0,
    reverification: 0,
    exit: 0,
    other: 0,
  };
  for (const c of cases) if (c.status === 'running') counts[stageOf(c)] += 1;
  return counts;
}
