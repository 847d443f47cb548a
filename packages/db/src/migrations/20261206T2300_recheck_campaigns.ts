import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * The yearly re-check campaign (年度清理复核, ADR 024): one row per year and org scope, and one row per
 * household file it covers with what happened when the campaign reached it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recheck_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    // One campaign per year per scope: the loser of a race gets the unique violation, then a 409.
    .addUniqueConstraint('recheck_campaigns_scope_year', ['org_id', 'year'])
    .execute();
  await db.schema
    .createTable('recheck_campaign_cases')
    .addColumn('campaign_id', 'text', (c) =>
      c.notNull().references('recheck_campaigns.id').onDelete('cascade'),
    )
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state IN ('pending', 'started', 'skipped', 'failed')`),
    )
    .addColumn('detail', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('recheck_campaign_cases_pk', ['campaign_id', 'case_id'])
    .execute();
  await db.schema
    .createIndex('recheck_campaign_cases_pending_idx')
    .on('recheck_campaign_cases')
    .columns(['campaign_id', 'state'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recheck_campaign_cases').execute();
  await db.schema.dropTable('recheck_campaigns').execute();
}
