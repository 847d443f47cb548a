import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleApplicant as applicant, exampleOrg } from './example-org';
import { reachableFrom } from './graph';
import { simulate } from './simulate';
import {
  arbitraryCaseData,
  arbitraryDefinition,
  generatedProcessKeys,
  generatedServiceActions,
} from './test-support/arbitrary-definition';
import type { ProcessDefinition, ProcessNode } from './types';
import { validateDefinition } from './validate';

const opts = { serviceActions: generatedServiceActions, processKeys: generatedProcessKeys };
const org = {
  ...exampleOrg,
  users: [
    ...exampleOrg.users,
    {
      id: 'u-r',
      username: 'reviewer',
      displayName: '审核人',
      orgId: 'org-steel',
      roles: ['reviewer'],
      superiorId: null,
    },
  ],
};
const codes = (def: ProcessDefinition) => validateDefinition(def, opts).errors.map((e) => e.code);
// A failing sample ends the property within the test's timeout instead of shrinking for an hour.
const runs = { numRuns: 150, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: true };

/** Puts `nodes` in front of the definition, the first becoming the start. */
function prepend(def: ProcessDefinition, nodes: ProcessNode[]): ProcessDefinition {
  return { ...def, start: nodes[0]!.id, nodes: [...nodes, ...def.nodes] };
}
const gate = (def: ProcessDefinition, loopTo: string): ProcessNode => ({
  id: 'gate-x',
  kind: 'exclusive',
  name: { zh: '前置判断' },
  branches: [{ condition: { '==': [{ var: 'data.choice' }, 'loop'] }, next: loopTo }],
  default: def.start,
});

// 150 generated definitions per property take seconds on a busy 2-core machine: no default 5 s cap.
describe('generated definitions', { timeout: 60_000 }, () => {
  it('are all accepted by the validator', () => {
    fc.assert(
      fc.property(arbitraryDefinition, (def) => {
        expect(validateDefinition(def, opts).errors).toEqual([]);
      }),
      runs,
    );
  });

  it('are rejected when a referenced node is dropped', () => {
    fc.assert(
      fc.property(arbitraryDefinition, fc.nat(), (def, pick) => {
        const referenced = def.nodes.filter((n) => n.id !== def.start);
        fc.pre(referenced.length > 0);
        const victim = referenced[pick % referenced.length]!;
        expect(codes({ ...def, nodes: def.nodes.filter((n) => n !== victim) })).toContain('missing-target');
      }),
      runs,
    );
  });

  it('are rejected when a next points at a missing id', () => {
    fc.assert(
      fc.property(arbitraryDefinition, fc.nat(), (def, pick) => {
        const withNext = def.nodes.filter((n) => 'next' in n);
        fc.pre(withNext.length > 0);
        const target = withNext[pick % withNext.length]!;
        const nodes = def.nodes.map((n) => (n === target ? { ...n, next: 'nowhere' } : n));
        expect(codes({ ...def, nodes })).toContain('missing-target');
      }),
      runs,
    );
  });

  it('are rejected when an exclusive gateway loses its default', () => {
    fc.assert(
      fc.property(arbitraryDefinition, (def) => {
        const { default: _dropped, ...noDefault } = gate(def, def.start) as Extract<
          ProcessNode,
          { kind: 'exclusive' }
        >;
        expect(codes(prepend(def, [noDefault as ProcessNode]))).toEqual(['exclusive-without-default']);
      }),
      runs,
    );
  });

  it('are rejected when an unreachable node is added', () => {
    fc.assert(
      fc.property(arbitraryDefinition, (def) => {
        const orphan: ProcessNode = {
          id: 'orphan',
          kind: 'timer',
          name: { zh: '孤立' },
          duration: '1d',
          next: def.start,
        };
        expect(codes({ ...def, nodes: [...def.nodes, orphan] })).toEqual(['unreachable']);
      }),
      runs,
    );
  });

  it('are rejected when a cycle without a wait is added', () => {
    fc.assert(
      fc.property(arbitraryDefinition, (def) => {
        const spin: ProcessNode = {
          id: 'spin',
          kind: 'service',
          name: { zh: '空转' },
          action: 'svc.do',
          next: 'gate-x',
        };
        expect(codes(prepend(def, [gate(def, 'spin'), spin]))).toEqual(['loop-without-wait']);
      }),
      runs,
    );
  });

  it('simulate always ends at an end node and visits only reachable nodes', () => {
    fc.assert(
      fc.property(arbitraryDefinition, arbitraryCaseData, fc.nat(), (def, data, pick) => {
        const reachable = reachableFrom(def, def.start);
        const steps = simulate(def, data, org, applicant);
        expect(steps.at(-1)?.kind).toBe('end');
        for (const step of steps) expect(reachable.has(step.nodeId)).toBe(true);
        // Resuming from any step on the path also finishes.
        const from = steps[pick % steps.length]!.nodeId;
        const rest = simulate(def, data, org, applicant, { fromNodeIds: [from] });
        expect(rest[0]?.nodeId).toBe(from);
        expect(rest.at(-1)?.kind).toBe('end');
      }),
      runs,
    );
  });
});
