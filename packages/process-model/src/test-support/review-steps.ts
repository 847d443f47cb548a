import type { ApprovalNode, EndNode, FormField } from '../types';

/*
 * The steps and fields of the award review that tests of field permissions build on, in the model
 * (which permissions a step may set) and over HTTP in the gateway (what each reviewer then reads and
 * changes): grassroots (李娜) proposes the award, the city committee (王芳) reviews it, the centre
 * (陈杰) checks it. One copy, so the two suites keep describing the same process.
 */

/** The case title, required on every start form. */
export const titleField: FormField = {
  key: 'title',
  label: { zh: '标题', en: 'Title' },
  type: 'text',
  required: true,
};

/** The applicant's phone: what a reviewer may be kept from seeing. */
export const phoneField: FormField = { key: 'phone', label: { zh: '联系电话', en: 'Phone' }, type: 'text' };

/** The award in fen, which the grassroots reviewer enters. */
export const awardField: FormField = {
  key: 'award',
  label: { zh: '奖励金额', en: 'Award' },
  type: 'money',
  required: true,
};

/** A single-person approval step held by one user. */
function userReview(
  id: string,
  name: ApprovalNode['name'],
  username: string,
  next: string,
  step: Pick<ApprovalNode, 'form' | 'fieldPermissions'> = {},
): ApprovalNode {
  return { id, kind: 'approval', name, assignee: { kind: 'user', username }, mode: 'single', ...step, next };
}

/** 基层审核 by 李娜, entering the award unless given another form (empty: none). */
export function grassrootsReview(next: string, form: FormField[] = [awardField]): ApprovalNode {
  const name = { zh: '基层审核', en: 'Grassroots review' };
  return userReview('grassroots', name, 'lina', next, form.length > 0 ? { form } : {});
}

/** 市总工会评审 by 王芳, with the step's own form and field permissions, if any. */
export function committeeReview(
  next: string,
  step: Pick<ApprovalNode, 'form' | 'fieldPermissions'> = {},
): ApprovalNode {
  return userReview('committee', { zh: '市总工会评审', en: 'City committee' }, 'wangfang', next, step);
}

/** 中心复核 by 陈杰. */
export function centreCheck(next: string): ApprovalNode {
  return userReview('centre', { zh: '中心复核', en: 'Centre check' }, 'chenjie', next);
}

/** The end step 通过 (approved). */
export function approvedEnd(id: string): EndNode {
  return { id, kind: 'end', name: { zh: '通过', en: 'Approved' }, outcome: 'approved' };
}
