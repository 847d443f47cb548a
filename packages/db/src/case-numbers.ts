import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema';

/** SQL for the next case number of the year `at` falls in (Asia/Shanghai): UF + year + 6 digits. */
export function nextCaseNumberSql(at: Date): RawBuilder<string> {
  return sql<string>`'UF' || to_char(${at}::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || lpad(nextval('case_number_seq')::text, 6, '0')`;
}

/**
 * Takes the next case number, for a starter that passes it in the case's input. A start that fails or
 * finds its case already running leaves a gap in the numbering, as a failed insert always could.
 */
export async function allocateCaseNumber(db: Kysely<Database>, at = new Date()): Promise<string> {
  const { rows } = await sql<{ number: string }>`SELECT ${nextCaseNumberSql(at)} AS number`.execute(db);
  const number = rows[0]?.number;
  if (!number) throw new Error('case_number_seq returned no value');
  return number;
}
