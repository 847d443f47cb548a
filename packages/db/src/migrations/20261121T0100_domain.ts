import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Money moved by a case step. The id is the step's idempotency key, so a retried step pays once.
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('payee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reclaimed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('payments_case_idx').on('payments').column('case_id').execute();
  await db.schema.createIndex('payments_payee_idx').on('payments').columns(['payee_id', 'paid_at']).execute();

  // 借鉴共享: approved results every member can search.
  await db.schema
    .createTable('library_entries')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('process_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('tier', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('award_fen', 'bigint')
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('library_entries_published_idx')
    .on('library_entries')
    .columns(['published_at', 'case_id'])
    .execute();

  // 随时提报: a start form saved half-way, finished later.
  await db.schema
    .createTable('case_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('process_key', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_drafts_user_idx')
    .on('case_drafts')
    .columns(['user_id', 'updated_at'])
    .execute();

  // 导师带徒: a registered mentor shares in the apprentice's award.
  await db.schema
    .createTable('mentorships')
    .addColumn('apprentice_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addPrimaryKeyConstraint('mentorships_pk', ['apprentice_id', 'mentor_id'])
    .execute();

  // Quarterly 优秀提案 / 改善标兵 and the yearly 名人堂.
  await db.schema
    .createTable('selection_awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('selection_case_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('source_case_id', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('selection_awards_period_idx')
    .on('selection_awards')
    .columns(['category', 'period'])
    .execute();

  await db.schema
    .createTable('mediation_sessions')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('session_no', 'integer', (c) => c.notNull())
    .addColumn('session_date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('mediation_sessions_pk', ['case_id', 'session_no'])
    .execute();

  // Open letters waiting for the chairman's monthly reception day (接待日).
  await db.schema
    .createTable('reception_queue')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reception_date', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reception_queue_date_idx')
    .on('reception_queue')
    .column('reception_date')
    .execute();

  // The hardship file as the assistance centre lists it; the case holds the history.
  await db.schema
    .createTable('hardship_files')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('applicant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cadre_id', 'text', (c) => c.references('users.id'))
    .addColumn('card_number', 'text')
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_verified_at', 'timestamptz')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hardship_files_applicant_idx')
    .on('hardship_files')
    .columns(['applicant_id', 'status'])
    .execute();

  // Attachments (photos, evidence), kept in the database with their size and type checked on upload.
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'files',
    'hardship_files',
    'reception_queue',
    'mediation_sessions',
    'selection_awards',
    'mentorships',
    'case_drafts',
    'library_entries',
    'payments',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
