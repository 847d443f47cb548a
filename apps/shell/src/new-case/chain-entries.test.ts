import type { ChainPreviewDto } from '@unionflow/contracts';
import { APPROVAL_MODES, EMPTY_ASSIGNEE_POLICIES, labelsIn } from '@unionflow/contracts/vocabulary';
import { describe, expect, it } from 'vitest';
import { newCaseResources } from '../i18n/new-case-resources';
import { chainEntries, chainInput, chainLine } from './chain-entries';

const person = (id: string, displayName: string) => ({ id, username: id, displayName });
const preview: ChainPreviewDto = {
  applicant: person('zhangwei', '张伟'),
  steps: [
    {
      nodeId: 'review',
      kind: 'approval',
      name: { zh: '基层审核', en: 'Review' },
      mode: 'single',
      assignees: [person('lina', '李娜')],
      cc: [person('wangfang', '王芳'), person('chenjie', '陈杰')],
    },
    {
      nodeId: 'committee',
      kind: 'approval',
      name: { zh: '委员会会签', en: 'Committee' },
      mode: 'all',
      assignees: [person('wangfang', '王芳'), person('chenjie', '陈杰')],
    },
    {
      nodeId: 'post',
      kind: 'approval',
      name: { zh: '空岗', en: 'Empty' },
      mode: 'single',
      assignees: [],
      emptyPolicy: 'scope-admin',
    },
  ],
  complete: false,
  reads: ['amount'],
};

/** `t` over the real resources, as i18next would read them. */
const translator = (lang: 'zh-CN' | 'en') => (key: string) => {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], newCaseResources[lang]);
  if (typeof value !== 'string') throw new Error(`missing ${key}`);
  return value;
};
const zhText = (x: { zh: string }) => x.zh;

describe('the approval chain in words', () => {
  it('names the people, says 会签 when several must all approve, and the policy when nobody fits', () => {
    const entries = chainEntries(preview, translator('zh-CN'), zhText);
    expect(entries.map((e) => [e.people, e.note])).toEqual([
      ['李娜', null],
      ['王芳、陈杰', '会签'],
      ['', '无人审批时交组织管理员'],
    ]);
    expect(chainLine(entries, false, false)).toBe(
      '李娜 → 王芳、陈杰（会签） → 空岗（无人审批时交组织管理员） → …',
    );
    expect(chainLine(entries.slice(0, 1), true, false)).toBe('李娜');
  });

  it('keeps copies (抄送) as a note on their step, out of the chain', () => {
    const entries = chainEntries(preview, translator('zh-CN'), zhText);
    expect(entries.map((e) => e.copied)).toEqual(['王芳、陈杰', '', '']);
    expect(chainLine(entries.slice(0, 1), true, false)).toBe('李娜');
  });

  it('reads the mode and policy labels from the catalog in English too, never the codes', () => {
    const entries = chainEntries(preview, translator('en'), (x) => x.en ?? x.zh);
    expect(entries[1]!.note).toBe(APPROVAL_MODES.all.en);
    expect(entries[2]!.note).toBe(EMPTY_ASSIGNEE_POLICIES['scope-admin'].en);
    expect(chainLine(entries, true, true)).not.toMatch(/scope-admin|\ball\b/);
    // Every catalog word has its i18n key.
    expect(newCaseResources.en.chain.mode).toEqual(labelsIn(APPROVAL_MODES, 'en'));
  });

  it('asks again only when a field the chain reads changes', () => {
    expect(chainInput({ title: '加班', amount: 100 }, undefined)).toEqual({});
    expect(chainInput({ title: '加班', amount: 100 }, ['amount'])).toEqual({ amount: 100 });
    expect(chainInput({ title: '别的标题', amount: 100 }, ['amount'])).toEqual(
      chainInput({ title: '加班', amount: 100 }, ['amount']),
    );
  });
});

describe('a 抄送 step in the chain', () => {
  it('reads as whom it copies, under its own name, and holds nobody up in the line', () => {
    const withCc: ChainPreviewDto = {
      ...preview,
      steps: [
        preview.steps[0]!,
        {
          nodeId: 'copy',
          kind: 'cc',
          name: { zh: '抄送市总', en: 'Copy the city' },
          assignees: [person('lina', '李娜'), person('wangfang', '王芳')],
        },
        preview.steps[1]!,
      ],
      complete: true,
    };
    const entries = chainEntries(withCc, translator('zh-CN'), zhText);
    expect(entries[1]).toEqual({
      nodeId: 'copy',
      step: '抄送市总',
      people: '',
      note: null,
      copied: '李娜、王芳',
    });
    expect(translator('zh-CN')('chain.cc').replace('{{names}}', entries[1]!.copied)).toBe('抄送：李娜、王芳');
    expect(chainLine(entries, true, false)).toBe('李娜 → 王芳、陈杰（会签）');
  });
});
