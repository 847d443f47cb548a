/**
 * The department apps' names, declared once: the navigation, the designer's department picker, each
 * app's heading and standalone page title, and the boards (which call the admin department's own
 * processes 综合) all read them from here. No imports, so the apps' build configs can read it too.
 */
export const DEPARTMENT_NAMES = {
  zh: {
    innovation: '职工创新',
    assistance: '困难帮扶',
    rights: '权益保障',
    grassroots: '基层工作',
    admin: '系统管理',
  },
  en: {
    innovation: 'Innovation',
    assistance: 'Assistance',
    rights: 'Workers’ rights',
    grassroots: 'Grassroots unions',
    admin: 'Administration',
  },
} as const;

/** A department app. */
export type DepartmentApp = keyof (typeof DEPARTMENT_NAMES)['zh'];
