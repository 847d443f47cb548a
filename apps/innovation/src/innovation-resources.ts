import { DEPARTMENT_NAMES } from '@unionflow/ui/core';

/** Words of the innovation department app. */
export const innovationResources = {
  'zh-CN': {
    innovation: {
      title: DEPARTMENT_NAMES.zh.innovation,
      intro: '攻关项目、改善课题、改善提案和“献一计”统一从这里提报，及时评审、快速激励、成果共享。',
      submit: '提交创新提案',
      submitInShell: '请在主应用中提交',
      cases: '本部门创新案件',
      empty: '暂无创新案件',
      total: '全部',
      standalone: '独立运行模式：请先登录',
      tabs: { library: '成果共享库', challenges: '揭榜攻关', selection: '季度评选', dashboard: '看板' },
      search: '搜索成果标题或摘要',
      libraryEmpty: '共享库暂无成果',
      award: '奖励 {{amount}}',
      noChallenges: '暂无揭榜项目',
      noSelection: '暂无评选',
      reuse: {
        action: '登记借鉴',
        submit: '登记',
        notePlaceholder: '在哪个班组、岗位借鉴应用（选填）',
        recorded: '已登记借鉴',
        mine: '我已借鉴',
        count: '已被借鉴 {{count}} 次',
      },
    },
  },
  en: {
    innovation: {
      title: DEPARTMENT_NAMES.en.innovation,
      intro:
        'Breakthrough projects, improvement topics, improvement proposals and suggestions all go in here: quick review, quick reward, shared results.',
      submit: 'Submit a proposal',
      submitInShell: 'Submit from the main app',
      cases: 'Innovation cases in your department',
      empty: 'No innovation cases yet',
      total: 'All',
      standalone: 'Running on its own: please sign in',
      tabs: {
        library: 'Shared library',
        challenges: 'Open challenges',
        selection: 'Quarterly selection',
        dashboard: 'Board',
      },
      search: 'Search titles and summaries',
      libraryEmpty: 'Nothing in the library yet',
      award: 'Award {{amount}}',
      noChallenges: 'No open challenges',
      noSelection: 'No selections',
      reuse: {
        action: 'Record a reuse',
        submit: 'Record',
        notePlaceholder: 'Which team or workstation put it to use (optional)',
        recorded: 'Reuse recorded',
        mine: 'Reused by me',
        count: 'Reused {{count}} times',
      },
    },
  },
};
