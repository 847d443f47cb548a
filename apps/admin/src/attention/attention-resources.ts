/** Texts of the "cases that need attention" screen, Chinese first. */
export const attentionResources = {
  'zh-CN': {
    attention: {
      tab: '需处理的案件',
      title: '需处理的案件',
      intro:
        '这些案件的办理记录无法保存，已暂停办理，申请人和审批人暂时无法操作。排除原因后点“重试”继续办理；无法挽回时可“终止”案件。',
      empty: '没有需要处理的案件',
      since: '暂停于 {{time}}',
      reason: '原因（供技术人员排查）',
      untitled: '（案件尚未登记）',
      retry: '重试',
      terminate: '终止',
      terminateConfirm: '终止后案件结束，待办全部取消，且无法恢复。确定终止？',
      retried: '已恢复办理',
      terminated: '案件已终止',
    },
  },
  en: {
    attention: {
      tab: 'Needs attention',
      title: 'Cases that need attention',
      intro:
        'These cases could not save their records and are paused; applicants and reviewers cannot act on them. Fix the cause and press Retry to continue, or Terminate a case that cannot be saved.',
      empty: 'No case needs attention',
      since: 'Paused at {{time}}',
      reason: 'Reason (for the technical team)',
      untitled: '(case not registered yet)',
      retry: 'Retry',
      terminate: 'Terminate',
      terminateConfirm: 'Terminating ends the case and cancels its tasks, and cannot be undone. Terminate?',
      retried: 'The case continues',
      terminated: 'The case was terminated',
    },
  },
};
