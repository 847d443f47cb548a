import type { ProcessDefinition } from '@unionflow/process-model';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { adminResources } from '../admin-resources';
import { INSERT_KINDS, insertAt } from './flow-edit';
import { exitEdges, layoutFlow } from './flow-layout';
import { fromNodeForm, toNodeForm } from './node-form';
import { nodeSummary } from './node-summary';

const simple: ProcessDefinition = {
  key: 'simple',
  version: 1,
  name: { zh: '简单审批' },
  department: 'innovation',
  form: [],
  start: 'review',
  nodes: [
    {
      id: 'review',
      kind: 'approval',
      name: { zh: '基层工会审核' },
      assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
      mode: 'single',
      next: 'approved',
    },
    { id: 'approved', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
  ],
};

describe('a 抄送 step from the "+" menu', () => {
  it('goes in as a step of its own, anywhere, with nobody yet, and names its people in words', async () => {
    expect(INSERT_KINDS).toContain('cc');
    const [review] = layoutFlow(simple);
    const out = insertAt(simple, exitEdges(review!), 'cc');
    expect(out?.id).toBe('cc-1');
    const def = out!.def;
    expect(def.nodes.find((n) => n.id === 'review')).toMatchObject({ next: 'cc-1' });
    const cc = def.nodes.find((n) => n.id === 'cc-1')!;
    expect(cc).toEqual({
      id: 'cc-1',
      kind: 'cc',
      name: { zh: '抄送', en: 'CC' },
      recipients: [],
      next: 'approved',
    });

    // The panel picks people and roles; they become its recipients.
    const picked = fromNodeForm(cc, {
      ...toNodeForm(cc),
      ccUsers: ['lina', 'wangfang'],
      ccRoles: ['innovation-committee'],
    });
    expect(picked).toMatchObject({
      recipients: [
        { kind: 'role', role: 'innovation-committee', scope: 'nearest' },
        { kind: 'users', usernames: ['lina', 'wangfang'] },
      ],
    });

    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: adminResources['zh-CN'] } } });
    const names: Record<string, string> = { lina: '李娜', wangfang: '王芳' };
    const only = fromNodeForm(cc, { ...toNodeForm(cc), ccUsers: ['lina', 'wangfang'] });
    expect(nodeSummary(only, i18n.t, 'zh-CN', (u) => names[u] ?? u)).toBe('指定成员：李娜、王芳');
  });
});
