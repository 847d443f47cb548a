/** The demo organisation from DESIGN.md: a city federation, a district federation, a steel company's union. */
export const demoOrgs = [
  { id: 'org-city', parent_id: null, name: '济南市总工会', level: 'federation' },
  { id: 'org-district', parent_id: 'org-city', name: '钢城区总工会', level: 'district' },
  { id: 'org-steel', parent_id: 'org-district', name: '山钢莱芜分公司工会', level: 'grassroots' },
] as const;

export const DEMO_PASSWORD = 'demo1234';

/** Demo users; ids are stable so tests and docs can name them. */
export const demoUsers = [
  {
    id: 'u-admin',
    username: 'admin',
    display_name: '系统管理员',
    org_id: 'org-city',
    superior_id: null,
    roles: ['admin'],
  },
  {
    id: 'u-wangfang',
    username: 'wangfang',
    display_name: '王芳',
    org_id: 'org-city',
    superior_id: null,
    roles: ['innovation-committee', 'innovation-reviewer'],
  },
  {
    id: 'u-chenjie',
    username: 'chenjie',
    display_name: '陈杰',
    org_id: 'org-city',
    superior_id: null,
    roles: ['assistance-centre'],
  },
  {
    id: 'u-liuyang',
    username: 'liuyang',
    display_name: '刘洋',
    org_id: 'org-city',
    superior_id: null,
    roles: ['mediator', 'social-worker'],
  },
  {
    id: 'u-lina',
    username: 'lina',
    display_name: '李娜',
    org_id: 'org-steel',
    superior_id: 'u-wangfang',
    roles: ['innovation-reviewer'],
  },
  {
    id: 'u-zhaolei',
    username: 'zhaolei',
    display_name: '赵磊',
    org_id: 'org-steel',
    superior_id: 'u-chenjie',
    roles: ['grassroots-cadre'],
  },
  {
    id: 'u-zhangwei',
    username: 'zhangwei',
    display_name: '张伟',
    org_id: 'org-steel',
    superior_id: null,
    roles: ['member'],
  },
] as const;

/** zhangwei's household is paired with the grassroots cadre zhaolei. */
export const demoPairings = [{ applicant_id: 'u-zhangwei', cadre_id: 'u-zhaolei' }] as const;
