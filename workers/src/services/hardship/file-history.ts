import type { Database } from '@unionflow/db';
import type { Insertable, Kysely, Transaction } from 'kysely';

/** The file's fields its history follows. */
export interface FileState {
  case_id: string;
  applicant_id: string;
  org_id: string;
  level: string;
  status: 'in-file' | 'exited';
  archived_at: Date | string | null;
}

type Db = Kysely<Database> | Transaction<Database>;

async function openPeriod(
  db: Db,
  file: FileState,
  reason: 'admitted' | 'readmitted' | 'level-changed',
  at: Date,
) {
  await db
    .insertInto('hardship_file_history')
    .values({
      case_id: file.case_id,
      applicant_id: file.applicant_id,
      org_id: file.org_id,
      level: file.level,
      started_at: at,
      start_reason: reason,
      ended_at: null,
      end_reason: null,
    })
    // A period already open (the file predates its history, or a retry got here first) stays as it is.
    .onConflict((oc) => oc.column('case_id').where('ended_at', 'is', null).doNothing())
    .execute();
}

async function closePeriod(db: Db, caseId: string, reason: 'exited' | 'level-changed', at: Date) {
  await db
    .updateTable('hardship_file_history')
    .set({ ended_at: at, end_reason: reason })
    .where('case_id', '=', caseId)
    .where('ended_at', 'is', null)
    .execute();
}

/**
 * A new file's first period: a household that left the file before comes back re-admitted. Called in the
 * transaction that inserted the file, so a retried step that inserted nothing adds nothing.
 */
export async function recordAdmission(db: Db, file: FileState, at: Date): Promise<void> {
  const earlier = await db
    .selectFrom('hardship_files')
    .select('case_id')
    .where('applicant_id', '=', file.applicant_id)
    .where('case_id', '<>', file.case_id)
    .where('archived_at', 'is not', null)
    .where('archived_at', '<=', at)
    .executeTakeFirst();
  await openPeriod(db, file, earlier ? 'readmitted' : 'admitted', at);
}

/**
 * What changed between the file as it was and as it is now, as periods: a level change closes one period and
 * opens the next, an exit closes it at the archive time, a file back from an exit opens a new one. Nothing
 * changed (a retried step) writes nothing. Call it in the transaction that holds the file row locked.
 */
export async function recordFileChange(db: Db, before: FileState, after: FileState, at: Date): Promise<void> {
  if (before.status === 'in-file' && after.status === 'exited') {
    await closePeriod(db, after.case_id, 'exited', after.archived_at ? new Date(after.archived_at) : at);
  } else if (before.status === 'exited' && after.status === 'in-file') {
    await openPeriod(db, after, 'readmitted', at);
  } else if (after.status === 'in-file' && before.level !== after.level) {
    await closePeriod(db, after.case_id, 'level-changed', at);
    await openPeriod(db, after, 'level-changed', at);
  }
}

/** The fields a step may change on a file. */
export type FileChanges = Partial<{
  status: 'in-file' | 'exited';
  level: string;
  last_verified_at: Date;
  archived_at: Date | null;
}>;

/**
 * Updates the file and writes what changed into its history in one transaction, the row locked, so two
 * steps racing on one file record one change each, in order. Returns false when there is no file.
 */
export async function updateFileWithHistory(
  db: Kysely<Database>,
  caseId: string,
  changes: FileChanges,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('hardship_files')
      .selectAll()
      .where('case_id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return false;
    const at = new Date();
    const after = await trx
      .updateTable('hardship_files')
      .set({ ...changes, updated_at: at })
      .where('case_id', '=', caseId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordFileChange(trx, before, after, at);
    return true;
  });
}

/** Inserts a new file and its first period together; a file already there (a retried step) is left alone. */
export async function insertFileWithHistory(
  db: Kysely<Database>,
  file: Insertable<Database['hardship_files']>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('hardship_files')
      .values(file)
      .onConflict((oc) => oc.column('case_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) await recordAdmission(trx, inserted, new Date(inserted.opened_at));
  });
}
