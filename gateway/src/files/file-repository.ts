import type { Database } from '@unionflow/db';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';

type FileRow = Insertable<Database['files']>;

/**
 * Takes the per-user upload lock for the rest of the transaction, so two parallel uploads cannot
 * both read the usage before either is stored.
 */
export async function lockUploadQuota(trx: Transaction<Database>, ownerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`upload-quota:${ownerId}`}))`.execute(trx);
}

/** Bytes the user keeps uploaded, all their files together. */
export async function bytesUploadedBy(trx: Transaction<Database>, ownerId: string): Promise<number> {
  const row = await trx
    .selectFrom('files')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('size'), sql<string>`0`).as('used'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return Number(row.used);
}

/** Stores an uploaded file; returns its metadata (not its content). */
export async function insertFile(trx: Transaction<Database>, file: FileRow) {
  return trx
    .insertInto('files')
    .values(file)
    .returning(['id', 'filename', 'content_type', 'size', 'sha256', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** A stored file with its content, by id. */
export async function fileById(db: Kysely<Database>, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}
