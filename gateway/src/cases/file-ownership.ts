import type { Database } from '@unionflow/db';
import type { FormField, ProcessDefinition } from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import { unprocessable } from '../errors';

/** Keys of every `file` field in a definition: the start form and every step's form. */
export function fileFieldKeys(def: ProcessDefinition): Set<string> {
  const forms: (FormField[] | undefined)[] = [
    def.form,
    ...def.nodes.map((n) => ('form' in n ? n.form : undefined)),
  ];
  return new Set(forms.flatMap((form) => (form ?? []).filter((f) => f.type === 'file').map((f) => f.key)));
}

/**
 * Refuses (422) data whose `file` fields name uploads that are not the submitter's own: naming
 * someone else's file id would otherwise hand its content to everyone who may see this case.
 */
export async function requireOwnUploads(
  db: Kysely<Database>,
  def: ProcessDefinition,
  data: Record<string, unknown> | undefined,
  userId: string,
): Promise<void> {
  if (!data) return;
  const keys = fileFieldKeys(def);
  const named = Object.entries(data)
    .filter(([key]) => keys.has(key))
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((id) => ({ key, id })))
    .filter((ref) => ref.id !== null && ref.id !== undefined && ref.id !== '');
  if (named.length === 0) return;
  const ids = [...new Set(named.map((ref) => ref.id).filter((id): id is string => typeof id === 'string'))];
  const own = ids.length
    ? await db
        .selectFrom('files')
        .select('id')
        .where('id', 'in', ids)
        .where('owner_id', '=', userId)
        .execute()
    : [];
  const mine = new Set(own.map((r) => r.id));
  const foreign = named.filter((ref) => typeof ref.id !== 'string' || !mine.has(ref.id));
  if (foreign.length === 0) return;
  throw unprocessable(
    '附件必须是您本人上传的文件，请重新上传 / attachments must be files you uploaded yourself; upload them again',
    foreign.map((ref) => ({ path: `/data/${ref.key}`, message: 'is not one of your uploads' })),
  );
}
