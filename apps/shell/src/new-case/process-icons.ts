import {
  AppstoreOutlined,
  AuditOutlined,
  BulbOutlined,
  CrownOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  MailOutlined,
  MedicineBoxOutlined,
  MoneyCollectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { GridProcess } from './process-groups';

type Icon = ComponentType<{ style?: React.CSSProperties }>;

/**
 * Each department's icon, in the order 发起申请 lists departments. Definitions carry no icon, so the
 * shell chooses: a department's icon unless the process has its own below.
 */
export const DEPARTMENT_ICONS: Record<string, Icon> = {
  innovation: BulbOutlined,
  assistance: HeartOutlined,
  rights: SafetyCertificateOutlined,
  grassroots: TeamOutlined,
  admin: SettingOutlined,
};

/** Processes that read better with an icon of their own than their department's. */
const PROCESS_ICONS: Record<string, Icon> = {
  'simple-approval': AuditOutlined,
  'innovation-challenge': FlagOutlined,
  'innovation-quarterly-selection': StarOutlined,
  'innovation-hall-of-fame': CrownOutlined,
  'hardship-case': HomeOutlined,
  'grassroots-subsidy': MoneyCollectOutlined,
  'chairman-mailbox': MailOutlined,
  'labor-dispute': SolutionOutlined,
  'work-injury-visit': MedicineBoxOutlined,
};

/** The order departments are grouped in. */
export const DEPARTMENT_ORDER = Object.keys(DEPARTMENT_ICONS);

/** The icon of a process's tile. */
export function iconFor(process: Pick<GridProcess, 'key' | 'department'>): Icon {
  return PROCESS_ICONS[process.key] ?? DEPARTMENT_ICONS[process.department] ?? AppstoreOutlined;
}
