import { DEPARTMENT_NAMES } from '@unionflow/ui/core';

/** The rights department app's texts, Chinese first. */
export const rightsResources = {
  'zh-CN': {
    rights: {
      title: DEPARTMENT_NAMES.zh.rights,
      intro:
        '劳动争议立案后，经双方同意进入调解（工会、法院、检察院、人社“四方”调解员）；自申请调解之日起 15 日内未达成协议的，可申请劳动仲裁。主席信箱受理职工来信并回访满意度。',
      tabs: { mediation: '调解进行中', outcomes: '和解与转仲裁', mailbox: '主席信箱', kanban: '看板' },
      daysLeft: '法定期限剩余 {{days}} 天（{{date}} 前）',
      overdue: '已超过 15 日调解期限，可申请仲裁',
      limitHint:
        '《劳动争议调解仲裁法》第十四条：自劳动争议调解组织收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。',
      outcome: '结果：{{outcome}}',
      noMail: '暂无来信',
    },
  },
  en: {
    rights: {
      title: DEPARTMENT_NAMES.en.rights,
      intro:
        'After filing, a dispute goes to mediation when both parties consent (mediators from the union, the court, the procuratorate and the HR bureau). With no agreement within 15 days of the request either party may go to arbitration. The chairman’s mailbox answers workers’ letters and follows up.',
      tabs: {
        mediation: 'In mediation',
        outcomes: 'Settled or referred',
        mailbox: "Chairman's mailbox",
        kanban: 'Board',
      },
      daysLeft: '{{days}} day(s) left of the statutory limit (until {{date}})',
      overdue: 'Past the 15-day limit: arbitration may be requested',
      limitHint:
        'Labour Dispute Mediation and Arbitration Law art. 14: with no agreement within 15 days of the mediation request, a party may apply for arbitration.',
      outcome: 'Outcome: {{outcome}}',
      noMail: 'No letters',
    },
  },
};
