import { describe, expect, it } from 'vitest';
import { renderCaseTitle, titleTemplateIssues } from './title-template';
import type { ProcessDefinition } from './types';
import { validateDefinition } from './validate';

const dispute: ProcessDefinition = {
  key: 'dispute',
  version: 1,
  name: { zh: '劳动争议调解' },
  department: 'rights',
  titleTemplate: '{applicant}·{disputeType}·{employer}',
  form: [
    {
      key: 'disputeType',
      label: { zh: '争议类型' },
      type: 'select',
      options: [{ value: 'wages', label: { zh: '拖欠工资' } }],
    },
    { key: 'employer', label: { zh: '用人单位' }, type: 'text' },
    { key: 'claimFen', label: { zh: '请求金额' }, type: 'money' },
    { key: 'idNumber', label: { zh: '身份证号' }, type: 'text', sensitive: true },
  ],
  start: 'end',
  nodes: [{ id: 'end', kind: 'end', name: { zh: '结束' }, outcome: 'approved' }],
};

describe('case titles from the definition’s template', () => {
  it('fills in the applicant, option labels and money in yuan', () => {
    expect(renderCaseTitle(dispute, { disputeType: 'wages', employer: '某某机械厂' }, '张伟')).toBe(
      '张伟·拖欠工资·某某机械厂',
    );
    const withMoney = { ...dispute, titleTemplate: '{process}（{claimFen}）' };
    expect(renderCaseTitle(withMoney, { claimFen: 1_234_500 }, '张伟')).toBe('劳动争议调解（12,345 元）');
  });

  it('drops an empty part and its separator, and has no title without a template', () => {
    expect(renderCaseTitle(dispute, { employer: '某某机械厂' }, '张伟')).toBe('张伟·某某机械厂');
    expect(renderCaseTitle({ ...dispute, titleTemplate: undefined }, {}, '张伟')).toBeNull();
  });

  it('refuses, in words, a template naming an unknown or a sensitive field', () => {
    expect(titleTemplateIssues(dispute)).toEqual([]);
    const messages = titleTemplateIssues({ ...dispute, titleTemplate: '{applicant}·{idNumber}·{nope}' }).map(
      (i) => i.message.zh,
    );
    expect(messages).toEqual([
      '标题模板不能使用「身份证号」：标题在各列表中人人可见，只能用简短、非敏感、各步骤都可见的字段',
      '标题模板中的「nope」不是申请表中的字段',
    ]);
    const hiding: ProcessDefinition = {
      ...dispute,
      nodes: [
        {
          id: 'review',
          kind: 'approval',
          name: { zh: '审核' },
          assignee: { kind: 'user', username: 'lina' },
          mode: 'single',
          fieldPermissions: { employer: 'hidden' },
          next: 'end',
        },
        ...dispute.nodes,
      ],
      start: 'review',
    };
    expect(titleTemplateIssues(hiding).map((i) => i.message.zh)).toEqual([
      '标题模板不能使用「用人单位」：标题在各列表中人人可见，只能用简短、非敏感、各步骤都可见的字段',
    ]);
    const report = validateDefinition({ ...dispute, titleTemplate: '没有字段' }, { serviceActions: [] });
    expect(report.errors.map((e) => e.code)).toContain('invalid-title-template');
  });
});
