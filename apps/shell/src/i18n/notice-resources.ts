/** Texts for the household-file refusal and the notice board (公示). */
export const noticeResources = {
  'zh-CN': {
    newCase: { openExisting: '查看已有档案 {{number}}' },
  },
  en: {
    newCase: { openExisting: 'Open the existing file {{number}}' },
  },
};
