import { describe, expect, it } from 'vitest';
import { walkingSkeletonDefinition as v1 } from '../examples';
import type { ApprovalNode, ProcessDefinition } from '../types';
import { describeDefinitionChanges } from './definition-changes';

const names = {
  role: (code: string) =>
    ({ 'innovation-reviewer': '基层工会创新评审', 'innovation-committee': '市总工会创新委员会' })[code] ??
    code,
  user: (username: string) => ({ wangfang: '王芳', lina: '李娜' })[username] ?? username,
};

const review = v1.nodes[0] as ApprovalNode;

/** v1 with a countersign step of the city federation inserted after the review. */
const v2: ProcessDefinition = {
  ...v1,
  version: 2,
  nodes: [
    { ...review, name: { zh: '基层评审', en: 'Grassroots review' }, next: 'city-sign' },
    {
      id: 'city-sign',
      kind: 'approval',
      name: { zh: '市总工会会签', en: 'City countersign' },
      assignee: { kind: 'role', role: 'innovation-committee', scope: 'root' },
      mode: 'all',
      next: 'approved',
    },
    v1.nodes[1]!,
  ],
};

describe('describeDefinitionChanges', () => {
  it('says nothing when only the version number differs', () => {
    expect(describeDefinitionChanges(v1, { ...v1, version: 7 })).toEqual([]);
  });

  it('names added steps, renamed steps and their new next step, in Chinese', () => {
    expect(describeDefinitionChanges(v1, v2, 'zh', names)).toEqual([
      '新增步骤「市总工会会签」（审批人）',
      '步骤「审核」改名为「基层评审」',
      '「基层评审」的下一步由「通过」改为「市总工会会签」',
    ]);
  });

  it('says the same in English, and a removal the other way round', () => {
    expect(describeDefinitionChanges(v2, v1, 'en', names)).toEqual([
      'Removed step "City countersign" (Approver)',
      'Step "Grassroots review" renamed to "Review"',
      'The next step of "Review" changed from "City countersign" to "Approved"',
    ]);
  });

  it('words an approver change with role and person names, never codes', () => {
    const v3: ProcessDefinition = {
      ...v2,
      nodes: v2.nodes.map((n) =>
        n.id === 'review'
          ? { ...(n as ApprovalNode), assignee: { kind: 'user', username: 'wangfang' }, mode: 'sequential' }
          : n,
      ),
    };
    const lines = describeDefinitionChanges(v2, v3, 'zh', names);
    expect(lines).toEqual([
      '「基层评审」的审批人由 就近单位的基层工会创新评审 改为 王芳',
      '「基层评审」的审批方式由 一人审批 改为 依次审批',
    ]);
    expect(lines.join()).not.toMatch(/innovation-reviewer|wangfang|sequential/);
  });

  it('words deadlines, copies and form fields, and the application form', () => {
    const v3: ProcessDefinition = {
      ...v2,
      form: [
        ...v2.form.filter((f) => f.key !== 'amount'),
        { key: 'team', label: { zh: '团队', en: 'Team' }, type: 'text' },
      ],
      nodes: v2.nodes.map((n) =>
        n.id === 'city-sign'
          ? {
              ...(n as ApprovalNode),
              deadline: { due: '5d' },
              cc: [{ kind: 'user', username: 'lina' }],
              form: [{ key: 'award', label: { zh: '奖励金额', en: 'Award' }, type: 'money' }],
            }
          : n,
      ),
    };
    expect(describeDefinitionChanges(v2, v3, 'zh', names)).toEqual([
      '申请表新增填写项「团队」',
      '申请表删除填写项「金额」',
      '「市总工会会签」的抄送人由 无 改为 李娜',
      '「市总工会会签」的办理期限由 不限期 改为 5 天',
      '「市总工会会签」新增填写项「奖励金额」',
    ]);
  });
});
