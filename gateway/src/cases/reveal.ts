import { randomUUID } from 'node:crypto';
import type { RevealResultDto } from '@unionflow/contracts';
import { appendAuditEvents, type Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { forbidden, unprocessable } from '../errors';
import { visibleCase } from './case-lookup';
import { partlyMasked } from './masking';
import { fieldLabel, revealOnlyKeys } from './sensitive-fields';

/** The audit event type a reveal writes; the audit log lists it with the case's other events. */
export const FIELD_REVEALED = 'field-revealed';

/**
 * The whole value of a reveal-only field (an ID number) for a reader cleared for the case's household
 * data, recorded in the case's audit chain first: who revealed which field, when. The value itself is
 * never written to the log. Readers who see the case masked are refused (403); others get the 404 an
 * unknown case gets.
 */
export async function revealField(
  db: Kysely<Database>,
  user: AuthUser,
  caseId: string,
  field: string,
): Promise<RevealResultDto> {
  const { row, def, visibility } = await visibleCase(db, user, caseId);
  if (visibility !== 'full') {
    throw forbidden('您无权查看此案件的家庭敏感信息 / you may not see this case’s household data');
  }
  if (!revealOnlyKeys(def).has(field)) {
    throw unprocessable(`此字段无需单独查看 / "${field}" is not a field shown on request`, [
      { path: 'body.field', message: 'is not a reveal-only field of this process' },
    ]);
  }
  const at = new Date();
  await db.transaction().execute((trx) =>
    appendAuditEvents(trx, [
      {
        eventKey: `case:${row.id}:reveal:${randomUUID()}`,
        caseId: row.id,
        at: at.toISOString(),
        actorId: user.id,
        type: FIELD_REVEALED,
        payload: { field, fieldLabel: fieldLabel(def, field) },
      },
    ]),
  );
  const value = row.data[field];
  return {
    field,
    value: typeof value === 'string' || typeof value === 'number' ? value : null,
    revealedAt: at.toISOString(),
  };
}

/**
 * Refuses data that sends a reveal-only value back as it was shown (partly masked), e.g. a form
 * prefilled from the case page: stored, it would replace the real ID number with asterisks.
 */
export function refuseMaskedEcho(
  def: Parameters<typeof revealOnlyKeys>[0],
  stored: Record<string, unknown>,
  sent: Record<string, unknown> | undefined,
): void {
  const echoed = [...revealOnlyKeys(def)].filter(
    (k) => sent?.[k] !== undefined && typeof sent[k] === 'string' && sent[k] === partlyMasked(stored[k]),
  );
  if (echoed.length > 0) {
    throw unprocessable('请重新填写完整的身份证号等信息 / enter the whole value again, not the masked one', [
      ...echoed.map((k) => ({ path: `body.data.${k}`, message: 'is the masked value, not the real one' })),
    ]);
  }
}
