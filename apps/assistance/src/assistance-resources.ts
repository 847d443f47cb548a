/** The assistance app's texts, Chinese first. */
export const assistanceResources = {
  'zh-CN': {
    assistance: {
      title: '困难职工帮扶',
      intro:
        '建档前入户核实（家庭成员、住址、收入、困难原因“四清”），援助中心审批定级；每年复核一次；脱困退档前公示，无异议后归档并跟踪回访。',
      tabs: {
        verification: '建档核实',
        reverification: '年度复核',
        exit: '退档公示',
        aid: '救助申请',
        kanban: '看板',
      },
      stages: {
        verification: '建档核实中',
        'in-file': '在档',
        reverification: '复核中',
        exit: '退档公示与归档',
        other: '其他',
      },
      campaign: '年度复核：在档 {{inFile}} 户，复核中 {{active}} 户',
      campaignHint: '在档的困难职工每年自动进入复核：先与民政数据比对，再由援助中心认定。',
      noticeHint: '退档公示期间任何人可在案件页提出异议。',
      noAid: '暂无救助申请',
    },
  },
  en: {
    assistance: {
      title: 'Hardship assistance',
      intro:
        'Home verification before a file is opened (household, address, income and cause: the "four clears"), approval and level by the assistance centre, a yearly re-verification, and a public notice before a family leaves the file.',
      tabs: {
        verification: 'Verification',
        reverification: 'Re-verification',
        exit: 'Exits',
        kanban: 'Board',
        aid: 'Aid requests',
      },
      stages: {
        verification: 'Being verified',
        'in-file': 'In the file',
        reverification: 'Being re-verified',
        exit: 'Exit notice and archive',
        other: 'Other',
      },
      campaign: 'Yearly re-verification: {{inFile}} in the file, {{active}} being re-verified',
      campaignHint:
        'Files in the register enter re-verification every year: civil-affairs data first, then the assistance centre decides.',
      noticeHint: 'While an exit is on public notice anyone may object from the case page.',
      noAid: 'No aid requests',
    },
  },
};
