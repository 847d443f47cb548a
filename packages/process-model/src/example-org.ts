import type { Applicant, OrgDirectory } from './types';

/**
 * A small org directory shaped like the demo organisation (city federation → steel company union →
 * workshop branch), for tests and previews. The real directory comes from the database.
 */
export const exampleOrg: OrgDirectory = {
  orgs: [
    { id: 'org-city', parentId: null, name: '市总工会' },
    { id: 'org-steel', parentId: 'org-city', name: '钢铁公司工会' },
    { id: 'org-steel-w1', parentId: 'org-steel', name: '炼钢车间分会' },
  ],
  users: [
    {
      id: 'u-zhangwei',
      username: 'zhangwei',
      displayName: '张伟',
      orgId: 'org-steel-w1',
      roles: ['member'],
      superiorId: null,
    },
    {
      id: 'u-lina',
      username: 'lina',
      displayName: '李娜',
      orgId: 'org-steel',
      roles: ['innovation-reviewer'],
      superiorId: 'u-wangfang',
    },
    {
      id: 'u-wangfang',
      username: 'wangfang',
      displayName: '王芳',
      orgId: 'org-city',
      roles: ['innovation-committee', 'innovation-reviewer'],
      superiorId: null,
    },
    {
      id: 'u-chenjie',
      username: 'chenjie',
      displayName: '陈杰',
      orgId: 'org-city',
      roles: ['assistance-centre'],
      superiorId: null,
    },
    {
      id: 'u-zhaolei',
      username: 'zhaolei',
      displayName: '赵磊',
      orgId: 'org-steel',
      roles: ['union-cadre'],
      superiorId: 'u-chenjie',
    },
    {
      id: 'u-liuyang',
      username: 'liuyang',
      displayName: '刘洋',
      orgId: 'org-city',
      roles: ['mediator'],
      superiorId: null,
    },
    {
      id: 'u-admin',
      username: 'admin',
      displayName: '管理员',
      orgId: 'org-city',
      roles: ['platform-admin'],
      superiorId: null,
    },
  ],
  pairings: { 'u-zhangwei': 'u-zhaolei' },
};

/** zhangwei, the demo applicant, as the engine sees him. */
export const exampleApplicant: Applicant = { userId: 'u-zhangwei', orgId: 'org-steel-w1' };
