import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as initial from './migrations/20261121T0000_initial';
import * as domain from './migrations/20261121T0100_domain';
import * as orgAdmin from './migrations/20261201T0000_org_admin';
import * as definitionOwner from './migrations/20261206T0100_definition_owner';
import * as taskHolders from './migrations/20261206T0100_task_holders';
import * as caseAttention from './migrations/20261206T0200_case_attention';
import * as sessionsPasswords from './migrations/20261206T0200_sessions_passwords';
import * as inboxBoxes from './migrations/20261206T2000_inbox_boxes';
import * as recheckCampaigns from './migrations/20261206T2300_recheck_campaigns';
import * as analytics from './migrations/20261207T0000_analytics';
import * as hardshipFileHistory from './migrations/20261207T0300_hardship_file_history';
import * as libraryReuses from './migrations/20261207T0310_library_reuses';
import * as analyticsRollups from './migrations/20261207T0400_analytics_rollups';
import * as departmentRollups from './migrations/20261207T0500_department_rollups';
import * as overdueRollup from './migrations/20261207T0600_overdue_rollup';
import * as inboxCounts from './migrations/20261207T0610_inbox_counts';
import * as caseListOrder from './migrations/20261207T0620_case_list_order';
import * as sessionChangeSignal from './migrations/20261207T1300_session_change_signal';
import * as rollupShards from './migrations/20261207T1310_rollup_shards';
import type { Database } from './schema';

/** Migrations listed statically so bundlers and tsx need no filesystem scan. */
const migrations: Record<string, Migration> = {
  '20261121T0000_initial': initial,
  '20261121T0100_domain': domain,
  '20261201T0000_org_admin': orgAdmin,
  '20261206T0100_definition_owner': definitionOwner,
  '20261206T0200_sessions_passwords': sessionsPasswords,
  '20261206T0200_case_attention': caseAttention,
  '20261206T0100_task_holders': taskHolders,
  '20261206T2000_inbox_boxes': inboxBoxes,
  '20261206T2300_recheck_campaigns': recheckCampaigns,
  '20261207T0000_analytics': analytics,
  '20261207T0300_hardship_file_history': hardshipFileHistory,
  '20261207T0310_library_reuses': libraryReuses,
  '20261207T0400_analytics_rollups': analyticsRollups,
  '20261207T0500_department_rollups': departmentRollups,
  '20261207T0600_overdue_rollup': overdueRollup,
  '20261207T0610_inbox_counts': inboxCounts,
  '20261207T0620_case_list_order': caseListOrder,
  '20261207T1300_session_change_signal': sessionChangeSignal,
  '20261207T1310_rollup_shards': rollupShards,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(
      `Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
