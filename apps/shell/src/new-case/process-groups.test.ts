import { describe, expect, it } from 'vitest';
import { groupProcesses, matchesSearch } from './process-groups';

const p = (key: string, zh: string, en: string, department: string) => ({
  key,
  name: { zh, en },
  department,
});
const processes = [
  p('simple-approval', '简单审批', 'Simple approval', 'innovation'),
  p('hardship-aid-request', '困难帮扶申请', 'Hardship aid request', 'assistance'),
  p('mailbox', '主席信箱', 'Chairman mailbox', 'rights'),
  p('proposal', '职工创新提案', 'Innovation proposal', 'innovation'),
  p('odd', '其他事项', 'Other', 'elsewhere'),
];
const ORDER = ['innovation', 'assistance', 'rights'];

describe('发起申请 grid', () => {
  it('groups by department in the given order, unknown departments last, server order within', () => {
    expect(
      groupProcesses(processes, '', ORDER).map((g) => [g.department, g.processes.map((x) => x.key)]),
    ).toEqual([
      ['innovation', ['simple-approval', 'proposal']],
      ['assistance', ['hardship-aid-request']],
      ['rights', ['mailbox']],
      ['elsewhere', ['odd']],
    ]);
  });

  it('searches the Chinese and the English name, ignoring case, and drops empty groups', () => {
    expect(groupProcesses(processes, '帮扶', ORDER).map((g) => g.processes.map((x) => x.key))).toEqual([
      ['hardship-aid-request'],
    ]);
    expect(groupProcesses(processes, '  MAILBOX ', ORDER)[0]!.processes[0]!.key).toBe('mailbox');
    expect(groupProcesses(processes, 'nothing-like-this', ORDER)).toEqual([]);
  });

  it('needs every word typed', () => {
    expect(matchesSearch({ zh: '困难帮扶申请', en: 'Hardship aid request' }, 'aid 申请')).toBe(true);
    expect(matchesSearch({ zh: '困难帮扶申请', en: 'Hardship aid request' }, 'aid 信箱')).toBe(false);
    expect(matchesSearch({ zh: '简单审批' }, 'simple')).toBe(false);
  });
});
