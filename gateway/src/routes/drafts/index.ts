import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseDetail, Problem } from '@unionflow/contracts';
import type { ProcessDefinition } from '@unionflow/process-model';
import { Type } from 'typebox';
import type { AuthUser } from '../../auth';
import { latestDefinition } from '../../cases/definitions';
import {
  rejectUnknownFields,
  requireValidFormData,
  startableDefinition,
  submitApplication,
} from '../../cases/submit-application';
import {
  type DraftRow,
  deleteDraft,
  findOwnDraft,
  insertDraft,
  listOwnDrafts,
  updateDraftData,
} from '../../drafts/draft-repository';
import { badRequest, notFound } from '../../errors';

/** A draft holds at most this much form data (text, not attachments: those are file references). */
const MAX_DRAFT_BYTES = 64 * 1024;

const Draft = Type.Object({
  id: Type.String(),
  processKey: Type.String(),
  processName: Type.Object({ zh: Type.String(), en: Type.Optional(Type.String()) }),
  data: Type.Record(Type.String(), Type.Any()),
  /** Required fields still empty: what stands between the draft and submitting it. */
  missing: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
const DraftBody = Type.Object({
  processKey: Type.String({ minLength: 1, maxLength: 100 }),
  data: Type.Record(Type.String(), Type.Any()),
});
const DraftParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
  503: Problem,
};

/** A draft may be incomplete, but what it holds must fit the form. */
function checkDraftData(def: ProcessDefinition, data: Record<string, unknown>): void {
  rejectUnknownFields(def, data);
  if (Buffer.byteLength(JSON.stringify(data)) > MAX_DRAFT_BYTES)
    throw badRequest(`A draft holds at most ${MAX_DRAFT_BYTES / 1024} KiB of form data.`);
  requireValidFormData(
    def.form.map(({ required: _required, ...f }) => f),
    data,
  );
}

function missingFields(def: ProcessDefinition, data: Record<string, unknown>): string[] {
  return def.form
    .filter((f) => f.required && (data[f.key] === undefined || data[f.key] === ''))
    .map((f) => f.key);
}

/** 随时提报: a start form saved at any moment, finished and submitted later. */
export const draftsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function ownDraft(user: AuthUser, id: string) {
    const row = await findOwnDraft(app.db, user.id, id);
    if (!row) throw notFound('草稿不存在 / no such draft');
    return row;
  }
  async function toDraft(
    row: DraftRow,
    definition: ReturnType<typeof latestDefinition> = latestDefinition(app.db, row.process_key),
  ) {
    const def = await definition;
    const data = row.data as Record<string, unknown>;
    return {
      id: row.id,
      processKey: row.process_key,
      processName: def?.name ?? { zh: row.process_key },
      data,
      missing: def ? missingFields(def, data) : [],
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  app.get(
    '/api/drafts',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['drafts'],
        summary: 'My drafts, most recently edited first',
        response: { 200: Type.Object({ items: Type.Array(Draft) }), 401: Problem },
      },
    },
    async (request) => {
      const rows = await listOwnDrafts(app.db, request.user.id, 100);
      // A member's drafts are mostly of a few processes: read each one's definition once.
      const definitions = new Map<string, ReturnType<typeof latestDefinition>>();
      const definitionOf = (key: string) => {
        let def = definitions.get(key);
        if (!def) {
          def = latestDefinition(app.db, key);
          definitions.set(key, def);
        }
        return def;
      };
      return { items: await Promise.all(rows.map((row) => toDraft(row, definitionOf(row.process_key)))) };
    },
  );

  app.post(
    '/api/drafts',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['drafts'],
        summary: 'Save a new draft',
        body: DraftBody,
        response: { 201: Draft, ...errors },
      },
    },
    async (request, reply) => {
      const def = await startableDefinition(app.db, request.user, request.body.processKey);
      checkDraftData(def, request.body.data);
      const now = new Date();
      const row = await insertDraft(app.db, {
        id: randomUUID(),
        userId: request.user.id,
        processKey: def.key,
        data: request.body.data,
        at: now,
      });
      reply.code(201);
      return toDraft(row);
    },
  );

  app.get(
    '/api/drafts/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['drafts'],
        summary: 'One of my drafts',
        params: DraftParams,
        response: { 200: Draft, 401: Problem, 404: Problem },
      },
    },
    async (request) => toDraft(await ownDraft(request.user, request.params.id)),
  );

  app.put(
    '/api/drafts/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['drafts'],
        summary: 'Replace the form data of a draft',
        params: DraftParams,
        body: Type.Object({ data: Type.Record(Type.String(), Type.Any()) }),
        response: { 200: Draft, ...errors },
      },
    },
    async (request) => {
      const row = await ownDraft(request.user, request.params.id);
      const def = await startableDefinition(app.db, request.user, row.process_key);
      checkDraftData(def, request.body.data);
      const updated = await updateDraftData(app.db, row.id, request.body.data);
      return toDraft(updated);
    },
  );

  app.delete(
    '/api/drafts/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['drafts'],
        summary: 'Discard a draft',
        params: DraftParams,
        response: { 204: Type.Null(), 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const row = await ownDraft(request.user, request.params.id);
      await deleteDraft(app.db, row.id);
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/api/drafts/:id/submit',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['drafts'],
        summary: 'Submit a finished draft as a case (the draft is then removed)',
        params: DraftParams,
        response: { 201: CaseDetail, ...errors },
      },
    },
    async (request, reply) => {
      const user = request.user;
      const row = await ownDraft(user, request.params.id);
      const def = await startableDefinition(app.db, user, row.process_key);
      checkDraftData(def, row.data as Record<string, unknown>);
      // The draft id names the case, so submitting twice starts one case.
      const detail = await submitApplication(
        app,
        user,
        def,
        row.data as Record<string, unknown>,
        `draft:${row.id}`,
      );
      await deleteDraft(app.db, row.id);
      reply.code(201);
      return detail;
    },
  );
};
