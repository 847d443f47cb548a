import { APPROVAL_MODES, EMPTY_ASSIGNEE_POLICIES, labelsIn } from '@unionflow/contracts/vocabulary';

/** Texts of 发起申请's app grid and its approval chain preview; mode and policy words come from the catalog. */
export const newCaseResources = {
  'zh-CN': {
    processGrid: {
      search: '搜索事项',
      noMatch: '没有名称包含“{{q}}”的事项',
    },
    chain: {
      title: '审批流程',
      applicant: '发起人',
      loading: '正在计算审批流程…',
      failed: '暂时无法预览审批流程，不影响提交',
      later: '后续环节要看办理中填写的内容',
      nobody: '无人审批',
      cc: '抄送：{{names}}',
      mode: labelsIn(APPROVAL_MODES, 'zh'),
      empty: labelsIn(EMPTY_ASSIGNEE_POLICIES, 'zh'),
    },
  },
  en: {
    processGrid: {
      search: 'Search',
      noMatch: 'Nothing named “{{q}}”',
    },
    chain: {
      title: 'Approval chain',
      applicant: 'Applicant',
      loading: 'Working out the approval chain…',
      failed: 'The approval chain cannot be previewed right now; you can still submit',
      later: 'Later steps depend on what is filled in along the way',
      nobody: 'Nobody to approve',
      cc: 'Copied to {{names}}',
      mode: labelsIn(APPROVAL_MODES, 'en'),
      empty: labelsIn(EMPTY_ASSIGNEE_POLICIES, 'en'),
    },
  },
};
