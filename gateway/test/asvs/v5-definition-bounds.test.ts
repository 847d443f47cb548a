import { simpleApproval } from '@unionflow/db';
import { CONDITION_LIMITS, type ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../test-support/app-harness';

let t: TestApp;
let admin: AuthHeaders;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => {
  await t?.close();
});

const base = '/api/admin/definitions/simple-approval';

/** simple-approval with 10,000 extra end steps: about 600 KB, under the body limit. */
function tenThousandSteps(): ProcessDefinition {
  const extra = Array.from({ length: 10_000 }, (_, i) => ({
    id: `e${i}`,
    kind: 'end' as const,
    name: { zh: 'e' },
    outcome: 'x',
  }));
  return { ...simpleApproval, nodes: [...simpleApproval.nodes, ...extra] };
}

/** simple-approval routed through an exclusive gateway whose condition is `condition`. */
function withCondition(condition: unknown): ProcessDefinition {
  return {
    ...simpleApproval,
    start: 'route',
    nodes: [
      {
        id: 'route',
        kind: 'exclusive',
        name: { zh: '分流' },
        branches: [{ condition: condition as never, next: 'review' }],
        default: 'review',
      },
      ...simpleApproval.nodes,
    ],
  };
}

function deep(depth: number): unknown {
  let logic: unknown = true;
  for (let i = 0; i < depth; i++) logic = { '!': [logic] };
  return logic;
}

/**
 * The request body as JSON text: the test client's JSON.stringify recurses and cannot write a
 * condition 5,000 deep, so that one is spliced in as text.
 */
function bodyText(body: Record<string, unknown>, depth?: number): string {
  const text = JSON.stringify(body);
  if (depth === undefined) return text;
  return text.replace('"__DEEP__"', `${'{"!":['.repeat(depth)}true${']}'.repeat(depth)}`);
}

const routes = [
  { method: 'PUT', url: `${base}/draft`, body: (document: unknown) => ({ document }) },
  { method: 'POST', url: `${base}/validate`, body: (document: unknown) => ({ document }) },
  { method: 'POST', url: `${base}/simulate`, body: (document: unknown) => ({ document, data: {} }) },
] as const;

async function draftCount(): Promise<number> {
  const row = await t.db
    .selectFrom('process_drafts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('V5.1.4 process definitions are bounded in size, depth and evaluation', () => {
  for (const [what, document, depth] of [
    ['a 10,000-step definition', tenThousandSteps(), undefined],
    ['a 5,000-deep condition', withCondition('__DEEP__'), 5_000],
  ] as const) {
    it(`V5.1.4 refuses ${what} with 422 on save, validate and simulate, storing nothing`, async () => {
      const before = await draftCount();
      for (const route of routes) {
        const started = performance.now();
        const res = await t.app.inject({
          method: route.method,
          url: route.url,
          headers: { ...admin, 'content-type': 'application/json' },
          payload: bodyText(route.body(document), depth),
        });
        expect(res.statusCode, `${route.url} ${res.body.slice(0, 300)}`).toBe(422);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().detail).toMatch(/流程.* \/ The (definition|process)/);
        expect(performance.now() - started).toBeLessThan(3000);
      }
      expect(await draftCount()).toBe(before);
    });
  }

  it('V5.1.4 answers 413 problem+json for a document over the byte limit', async () => {
    const huge = { ...simpleApproval, description: 'x'.repeat(2 * 1024 * 1024) };
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/validate`,
      headers: admin,
      payload: { document: huge },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('V5.1.4 reports a condition over its own limits as invalid, and publishing refuses it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/validate`,
      headers: admin,
      payload: { document: withCondition(deep(CONDITION_LIMITS.maxDepth + 2)) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(false);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ code: 'invalid-condition', nodeId: 'route' }),
    );
  });

  it('V5.1.4 simulate stops an expensive condition at its step budget: it does not hold, the default is taken', async () => {
    // Cheap to write (about 1 KB), costly to run: the inner list is walked once per outer element.
    const xs = Array.from({ length: 150 }, (_, i) => i);
    const condition = { some: [xs, { some: [xs, { '==': [{ var: '' }, -1] }] }] };
    const document: ProcessDefinition = {
      ...withCondition(condition),
      nodes: [
        {
          id: 'route',
          kind: 'exclusive',
          name: { zh: '分流' },
          branches: [{ condition: { or: [condition, true] } as never, next: 'approved' }],
          default: 'review',
        },
        ...simpleApproval.nodes,
      ],
    };
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/simulate`,
      headers: admin,
      payload: { document, data: {} },
    });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    // Within budget the branch would hold (`or` with true); past it, the condition does not hold.
    expect(res.json().steps.map((s: { nodeId: string }) => s.nodeId)).toEqual([
      'route',
      'review',
      'approved',
    ]);
  });
});
