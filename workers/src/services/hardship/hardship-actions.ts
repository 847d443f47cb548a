import type { Database } from '@unionflow/db';
import { adviseReverification, checkAdmission, defaultReverificationRules } from '@unionflow/domain';
import type { ServiceCall } from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import { listOf, numberParam, refuse, stringParam } from '../call-helpers';
import type { ServiceAction } from '../registry';
import { type CivilAffairsAdapter, defaultCivilAffairsAdapter } from './civil-affairs-adapter';
import { type FileChanges, insertFileWithHistory, updateFileWithHistory } from './file-history';

async function fileRow(db: Kysely<Database>, caseId: string) {
  const row = await db
    .selectFrom('hardship_files')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw refuse('This case has no hardship file yet');
  return row;
}

function fileView(row: { status: string; level: string; card_number: string | null }) {
  return { status: row.status, level: row.level, cardNumber: row.card_number };
}

async function setFile(db: Kysely<Database>, call: ServiceCall, changes: FileChanges) {
  if (!(await updateFileWithHistory(db, call.caseId, changes)))
    throw refuse('This case has no hardship file yet');
  return fileView(await fileRow(db, call.caseId));
}

/** Builds the hardship actions around a civil-affairs adapter (tests pass their own). */
export function createHardshipActions(
  adapter: () => CivilAffairsAdapter = defaultCivilAffairsAdapter,
): Record<string, ServiceAction> {
  return {
    /** 建档条件 / 不符合建档情形 / 四个清楚, with the key lists from the definition. */
    'hardship.check-admission': async (call) => {
      const lists = {
        conditions: listOf(call.params.conditions),
        exclusions: listOf(call.params.exclusions),
        clears: listOf(call.params.clears),
      };
      if (lists.conditions.length === 0) throw refuse('hardship.check-admission needs params.conditions');
      return { ...checkAdmission(call.data, lists) };
    },

    'hardship.open-file': async (call, { db }) => {
      const level = call.data.level;
      if (typeof level !== 'string') throw refuse('The file needs a level (深度/相对/临时)');
      const now = new Date();
      await insertFileWithHistory(db, {
        case_id: call.caseId,
        applicant_id: call.applicant.userId,
        org_id: call.applicant.orgId,
        level,
        status: 'in-file',
        cadre_id: null,
        card_number: null,
        opened_at: now,
        last_verified_at: now,
        archived_at: null,
        updated_at: now,
      });
      return fileView(await fileRow(db, call.caseId));
    },

    /** 解困脱困联系卡: keeps an existing pairing, or pairs with a cadre of the nearest org that has one. */
    'hardship.pair-cadre': async (call, { db }) => {
      let cadreId = (
        await db
          .selectFrom('pairings')
          .select('cadre_id')
          .where('applicant_id', '=', call.applicant.userId)
          .executeTakeFirst()
      )?.cadre_id;
      if (!cadreId) {
        const org = await db
          .selectFrom('orgs')
          .select('path')
          .where('id', '=', call.applicant.orgId)
          .executeTakeFirst();
        const chain = (org?.path ?? '').split('/').filter(Boolean).reverse();
        const role = stringParam(call, 'role', 'grassroots-cadre');
        for (const orgId of chain) {
          const cadre = await db
            .selectFrom('users')
            .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
            .select('users.id')
            .where('users.org_id', '=', orgId)
            .where('user_roles.role', '=', role)
            .where('users.disabled', '=', false)
            .orderBy('users.username')
            .executeTakeFirst();
          if (cadre) {
            cadreId = cadre.id;
            break;
          }
        }
        if (!cadreId) throw refuse(`Nobody holds the role "${role}" to pair with`);
        await db
          .insertInto('pairings')
          .values({ applicant_id: call.applicant.userId, cadre_id: cadreId })
          .onConflict((oc) => oc.column('applicant_id').doNothing())
          .execute();
      }
      const cardNumber = `LXK-${call.caseNumber}`;
      await db
        .updateTable('hardship_files')
        .set({ cadre_id: cadreId, card_number: cardNumber, updated_at: new Date() })
        .where('case_id', '=', call.caseId)
        .execute();
      const cadre = await db
        .selectFrom('users')
        .select('username')
        .where('id', '=', cadreId)
        .executeTakeFirst();
      return { cadreId, cadreUsername: cadre?.username ?? null, cardNumber };
    },

    /**
     * 年度复核: compares the civil-affairs figures with the lines from the params. Only the advice and
     * the per-capita figure go into the case; the raw household income stays with civil affairs.
     */
    'hardship.civil-affairs-check': async (call) => {
      const idNumber = call.data.idNumber;
      if (typeof idNumber !== 'string') throw refuse('The file has no ID number to look up');
      const record = await adapter().lookup(idNumber);
      const advice = adviseReverification(record, call.data.level, {
        minimumLivingFen: numberParam(call, 'minimumLivingFen', defaultReverificationRules.minimumLivingFen),
        relativePercent: numberParam(call, 'relativePercent', defaultReverificationRules.relativePercent),
      });
      return { ...advice, asOf: record?.asOf ?? null, checkedAt: new Date().toISOString() };
    },

    'hardship.record-reverification': async (call, { db }) => {
      const level = typeof call.data.level === 'string' ? call.data.level : undefined;
      return setFile(db, call, {
        status: 'in-file',
        last_verified_at: new Date(),
        ...(level ? { level } : {}),
      });
    },

    /** An upheld objection during the exit notice: back in the file. */
    'hardship.reopen': async (call, { db }) => setFile(db, call, { status: 'in-file', archived_at: null }),

    'hardship.archive': async (call, { db }) => {
      const row = await fileRow(db, call.caseId);
      // A retried step keeps the first archive time.
      const archivedAt = row.archived_at ? new Date(row.archived_at) : new Date();
      const result = await setFile(db, call, { status: 'exited', archived_at: archivedAt });
      return { ...result, archivedAt: archivedAt.toISOString() };
    },

    /** For an aid request: the applicant's open file, if any. */
    'hardship.find-file': async (call, { db }) => {
      const row = await db
        .selectFrom('hardship_files')
        .select(['case_id', 'level'])
        .where('applicant_id', '=', call.applicant.userId)
        .where('status', '=', 'in-file')
        .orderBy('opened_at', 'desc')
        .executeTakeFirst();
      return row ? { inFile: true, fileCaseId: row.case_id, level: row.level } : { inFile: false };
    },
  };
}

/** The hardship actions with the configured civil-affairs adapter. */
export const hardshipActions = createHardshipActions();
