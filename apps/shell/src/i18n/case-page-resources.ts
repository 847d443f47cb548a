/** Texts of the case page's opening banner and its print page, Chinese first. */
export const casePageResources = {
  'zh-CN': {
    banner: {
      submitted: '申请已提交',
      nowWith: '现由 {{who}} 办理，进展会通过消息通知你。',
      returned: '{{who}}退回了你的申请',
      returnedWhy: '{{who}}退回了你的申请：{{reason}}',
      whatNext: '请按意见修改下方「当前办理」中的内容，然后点击「提交」重新提交。',
      someone: '审批人',
      resubmit: '修改并重新提交',
    },
    print: {
      open: '打印审批单',
      toolbar: '打印操作',
      print: '打印',
      pdf: '下载 PDF',
      back: '返回案件',
      backToList: '返回列表',
      batchCount: '共 {{count}} 份审批单',
    },
  },
  en: {
    banner: {
      submitted: 'Application submitted',
      nowWith: '{{who}} has it now; you will be notified as it moves.',
      returned: '{{who}} returned your application',
      returnedWhy: '{{who}} returned your application: {{reason}}',
      whatNext: 'Make the changes asked for under “Current tasks” below, then press “Submit” to resubmit.',
      someone: 'A reviewer',
      resubmit: 'Edit and resubmit',
    },
    print: {
      open: 'Print approval form',
      toolbar: 'Print actions',
      print: 'Print',
      pdf: 'Download PDF',
      back: 'Back to the case',
      backToList: 'Back to the list',
      batchCount: '{{count}} approval forms',
    },
  },
};
