import type { Database } from '@unionflow/db';
import type { ServiceCall } from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import { domainActions } from './domain-actions';

/** A named side effect a definition's service step may call. Must be idempotent: it can run twice. */
export type ServiceAction = (call: ServiceCall, deps: ServiceDeps) => Promise<Record<string, unknown>>;

export interface ServiceDeps {
  db: Kysely<Database>;
}

/** Built-in actions every deployment has; domain packages add theirs with `extendRegistry`. */
export const builtInActions: Record<string, ServiceAction> = {
  /** Does nothing; useful for drafting a definition before the real action exists. */
  noop: async () => ({ ok: true }),
  /** Tells the applicant something happened on their case. */
  'notify-applicant': async (call, { db }) => {
    const text = typeof call.params.message === 'string' ? call.params.message : '您的申请有新进展';
    await db
      .insertInto('notifications')
      .values({
        user_id: call.applicant.userId,
        case_id: call.caseId,
        type: 'service',
        message: JSON.stringify({ zh: text }) as never,
        created_at: new Date(),
        read_at: null,
      })
      .execute();
    return { notified: true };
  },
  ...domainActions,
};

/** The names a definition may use; the validator refuses any other. */
export function serviceActionNames(registry: Record<string, ServiceAction> = builtInActions): string[] {
  return Object.keys(registry).sort();
}
