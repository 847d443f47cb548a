import {
  listsDepartmentApp,
  mayAnalyseAny,
  mayOpenDepartmentApp,
} from '@unionflow/contracts/department-access';
import type { RemoteEntry } from '@unionflow/ui';

/** One navigation entry; `labelKey` is an i18n key, `fallback` shown when it has no translation. */
export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  fallback?: string;
  department: boolean;
}

/**
 * Whether a user with these roles should see a department app in the navigation: a remote that lists
 * its roles decides, otherwise the departments' own declaration (`listsDepartmentApp`).
 */
export function canSeeRemote(roles: string[], remote: RemoteEntry): boolean {
  if (remote.roles) return remote.roles.some((r) => roles.includes(r));
  return listsDepartmentApp(roles, remote.name);
}

/** Whether a user may open a department app by its address (members open most; the admin app is staff's). */
export function canOpenRemote(roles: string[], remote: RemoteEntry): boolean {
  if (remote.roles) return remote.roles.some((r) => roles.includes(r));
  return mayOpenDepartmentApp(roles, remote.name);
}

/** Everyone's entries first, then the department apps this user's roles open. */
export function buildNavItems(roles: string[], remotes: RemoteEntry[]): NavItem[] {
  const items: NavItem[] = [
    { key: 'inbox', path: '/inbox', labelKey: 'nav.inbox', department: false },
    { key: 'mine', path: '/mine', labelKey: 'nav.mine', department: false },
    { key: 'new', path: '/new', labelKey: 'nav.new', department: false },
    // 公示 is for every member: each sees what is on notice in their own unit.
    { key: 'notices', path: '/notices', labelKey: 'nav.notices', department: false },
  ];
  // Staff who hold tasks can hand them to a stand-in while away; plain members have none to hand.
  if (roles.some((r) => r !== 'member')) {
    items.push({ key: 'delegations', path: '/delegations', labelKey: 'nav.delegations', department: false });
  }
  // The federation 看板: every process the viewer may analyse, for department staff and admins.
  if (mayAnalyseAny(roles)) {
    items.push({ key: 'kanban', path: '/kanban', labelKey: 'nav.kanban', department: false });
  }
  for (const r of remotes) {
    if (canSeeRemote(roles, r)) {
      items.push({
        key: r.name,
        path: `/${r.name}`,
        labelKey: `nav.remotes.${r.name}`,
        fallback: r.name,
        department: true,
      });
    }
  }
  return items;
}

/** The nav key for a path: its first segment (`/cases/…` belongs to nobody). */
export function navKeyForPath(pathname: string): string {
  return pathname.split('/')[1] ?? '';
}
