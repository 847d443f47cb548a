/** The platform's roles, declared once with their names in both languages. Pure data. */
type Text = { zh: string; en: string };

/** A role the platform ships with: what it is called and what it lets its holder do. */
export interface BuiltInRole {
  key: string;
  name: Text;
  description: Text;
}

/**
 * The roles the shipped processes, the gateway's permissions and the demo organisation use: the one
 * place a role's name is declared (the roles page, the designer's role picker and its step cards read it).
 */
export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    key: 'member',
    name: { zh: '会员', en: 'Member' },
    description: {
      zh: '提交申请，查看和跟进本人的案件',
      en: 'Submits applications and follows their own cases',
    },
  },
  {
    key: 'innovation-reviewer',
    name: { zh: '基层工会创新评审', en: 'Grassroots innovation reviewer' },
    description: {
      zh: '审核本单位及下级单位的创新提案',
      en: 'Reviews innovation proposals in their unit and below',
    },
  },
  {
    key: 'innovation-committee',
    name: { zh: '创新委员会', en: 'Innovation committee' },
    description: {
      zh: '评定创新成果等级与奖励，参与季度和年度评选',
      en: 'Grades innovation results and awards, and runs the quarterly and yearly selections',
    },
  },
  {
    key: 'assistance-centre',
    name: { zh: '帮扶中心', en: 'Assistance centre' },
    description: {
      zh: '受理困难职工建档与帮扶，可查看家庭信息',
      en: 'Handles hardship files and aid; may read household data',
    },
  },
  {
    key: 'grassroots-cadre',
    name: { zh: '基层工会干部', en: 'Grassroots union cadre' },
    description: {
      zh: '入户核实困难职工情况，结对帮扶',
      en: 'Verifies hardship cases at home and is paired with households',
    },
  },
  {
    key: 'mediator',
    name: { zh: '调解员', en: 'Mediator' },
    description: {
      zh: '办理劳动争议调解和主席信箱来信',
      en: "Mediates labour disputes and answers the chairman's mailbox",
    },
  },
  {
    key: 'social-worker',
    name: { zh: '社工', en: 'Social worker' },
    description: {
      zh: '工伤探视慰问：医院现场或电话探视，核实工伤待遇',
      en: 'Visits injured workers in hospital or by phone and checks their benefits',
    },
  },
  {
    key: 'organisation-dept',
    name: { zh: '组织部', en: 'Organisation department' },
    description: {
      zh: '审核基层工会补贴申请并核定金额',
      en: 'Reviews grassroots union subsidy applications and approves the amount',
    },
  },
  {
    key: 'admin',
    name: { zh: '平台管理员', en: 'Platform admin' },
    description: {
      zh: '管理本单位及下级单位的组织、用户、角色和流程',
      en: 'Manages org units, users, roles and processes in their unit and below',
    },
  },
  {
    key: 'auditor',
    name: { zh: '审计员', en: 'Auditor' },
    description: {
      zh: '查看本单位及下级单位的审计日志并校验哈希链',
      en: 'Reads the audit log of their unit and below and verifies its hash chain',
    },
  },
];

/** A role's name in a language; a role the platform does not ship reads as its key. */
export function roleName(key: string, lang: 'zh' | 'en'): string {
  return BUILT_IN_ROLES.find((r) => r.key === key)?.name[lang] ?? key;
}
