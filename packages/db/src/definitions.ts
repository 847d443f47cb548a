import type { ProcessDefinition } from '@unionflow/process-model';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/**
 * Publishes a definition as the next version of its key and returns the stored document. Versions are
 * immutable: running cases keep the snapshot they started with.
 */
export async function publishDefinition(
  db: Kysely<Database>,
  def: ProcessDefinition,
  publishedBy: string | null,
): Promise<ProcessDefinition> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`unionflow.publish.${def.key}`}))`.execute(trx);
    const last = await trx
      .selectFrom('process_versions')
      .select(({ fn }) => fn.max('version').as('v'))
      .where('key', '=', def.key)
      .executeTakeFirst();
    const version = (last?.v ?? 0) + 1;
    const doc: ProcessDefinition = { ...def, version };
    await trx
      .insertInto('process_versions')
      .values({
        key: def.key,
        version,
        document: JSON.stringify(doc) as never,
        published_at: new Date(),
        published_by: publishedBy,
      })
      .execute();
    return doc;
  });
}
