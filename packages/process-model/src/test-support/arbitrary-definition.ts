import fc from 'fast-check';
import type { ProcessDefinition, ProcessNode } from '../types';

/** Service actions and process keys generated definitions use. */
export const generatedServiceActions = ['svc.do', 'svc.undo'];
export const generatedProcessKeys = ['child-process'];

type StepKind = 'approval' | 'applicant-task' | 'timer' | 'notice' | 'service' | 'subprocess';
type Item =
  | { t: 'step'; kind: StepKind; rejects: boolean }
  | { t: 'exclusive'; branches: Item[][]; fallback: Item[]; endsEarly: boolean }
  | { t: 'parallel'; branches: Item[][] };

const stepArb: fc.Arbitrary<Item> = fc.record({
  t: fc.constant('step' as const),
  kind: fc.constantFrom<StepKind>('approval', 'applicant-task', 'timer', 'notice', 'service', 'subprocess'),
  rejects: fc.boolean(),
});

const tree = fc.letrec<{ block: Item[]; item: Item }>((tie) => ({
  block: fc.array(tie('item'), { maxLength: 4 }),
  item: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    stepArb,
    fc.record({
      t: fc.constant('exclusive' as const),
      branches: fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
      fallback: tie('block'),
      endsEarly: fc.boolean(),
    }),
    fc.record({
      t: fc.constant('parallel' as const),
      branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }),
    }),
  ),
}));

/** Turns a block tree into nodes: each block flows into its continuation; parallel blocks close at a join. */
export function buildDefinition(block: Item[]): ProcessDefinition {
  const nodes: ProcessNode[] = [];
  let counter = 0;
  const newId = (prefix: string) => `${prefix}-${counter++}`;
  const name = (id: string) => ({ zh: `步骤 ${id}`, en: `Step ${id}` });

  const compileBlock = (items: Item[], cont: string): string => {
    let next = cont;
    for (const item of [...items].reverse()) next = compileItem(item, next);
    return next;
  };

  const compileItem = (item: Item, cont: string): string => {
    if (item.t === 'exclusive') {
      const id = newId('gate');
      const branches = item.branches.map((b, i) => {
        let target = cont;
        if (item.endsEarly && i === 0) {
          target = newId('end');
          nodes.push({ id: target, kind: 'end', name: name(target), outcome: 'withdrawn' });
        }
        return { condition: { '==': [{ var: 'data.choice' }, `c${i}`] }, next: compileBlock(b, target) };
      });
      nodes.push({
        id,
        kind: 'exclusive',
        name: name(id),
        branches,
        default: compileBlock(item.fallback, cont),
      });
      return id;
    }
    if (item.t === 'parallel') {
      const id = newId('split');
      const join = newId('join');
      nodes.push({ id: join, kind: 'join', name: name(join), next: cont });
      const branches = item.branches.map((b) => compileBlock(b, join));
      nodes.push({ id, kind: 'parallel', name: name(id), branches, join });
      return id;
    }
    const id = newId(item.kind);
    const base = { id, name: name(id), next: cont };
    switch (item.kind) {
      case 'approval':
        nodes.push({
          ...base,
          kind: 'approval',
          assignee: { kind: 'role', role: 'reviewer', scope: 'nearest' },
          mode: item.rejects ? 'quorum' : 'single',
          ...(item.rejects ? { quorum: 1, onReject: 'rejected' } : {}),
          form: [{ key: `f_${id}`, label: { zh: '意见' }, type: 'text' }],
          deadline: { due: '3d', remindBefore: '1d' },
        });
        break;
      case 'applicant-task':
        nodes.push({
          ...base,
          kind: 'applicant-task',
          form: [{ key: `f_${id}`, label: { zh: '材料' }, type: 'file' }],
        });
        break;
      case 'timer':
        nodes.push({ ...base, kind: 'timer', duration: '2h' });
        break;
      case 'notice':
        nodes.push({ ...base, kind: 'notice', duration: '7d', onObjection: 'rejected' });
        break;
      case 'service':
        nodes.push({
          ...base,
          kind: 'service',
          action: 'svc.do',
          ...(item.rejects ? { compensation: 'svc.undo' } : {}),
          resultKey: `r_${id}`,
        });
        break;
      case 'subprocess':
        nodes.push({
          ...base,
          kind: 'subprocess',
          processKey: 'child-process',
          inputs: { choice: 'choice' },
        });
        break;
    }
    return id;
  };

  nodes.push({ id: 'end', kind: 'end', name: name('end'), outcome: 'approved' });
  const start = compileBlock(block, 'end');
  const referencesRejected = nodes.some(
    (n) => (n.kind === 'approval' && n.onReject === 'rejected') || n.kind === 'notice',
  );
  if (referencesRejected)
    nodes.push({ id: 'rejected', kind: 'end', name: name('rejected'), outcome: 'rejected' });
  return {
    key: 'generated',
    version: 1,
    name: { zh: '生成的流程' },
    department: 'admin',
    form: [
      {
        key: 'choice',
        label: { zh: '选择' },
        type: 'select',
        options: [0, 1, 2].map((i) => ({ value: `c${i}`, label: { zh: `c${i}` } })),
      },
    ],
    start,
    nodes,
  };
}

/** Random valid definitions built from nested sequences, exclusive blocks (with default) and parallel blocks. */
/**
 * Definitions within the validator's size limit, with room for the nodes the properties add. Deep
 * trees can exceed it; an over-limit sample would fail and then shrink for an hour, not seconds.
 */
export const arbitraryDefinition: fc.Arbitrary<ProcessDefinition> = tree.block
  .map(buildDefinition)
  .filter((def) => def.nodes.length <= 200);

/** Case data for generated definitions. */
export const arbitraryCaseData = fc.record({ choice: fc.constantFrom('c0', 'c1', 'c2', 'other') });
