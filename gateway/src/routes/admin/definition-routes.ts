import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DefinitionOverview,
  DraftView,
  Problem,
  ProcessKeyParam,
  PublishResult,
  SaveDraftRequest,
  SaveDraftResult,
  SimulateRequest,
  SimulateResult,
  ValidateRequest,
  ValidationReport,
} from '@unionflow/contracts';
import { publishDefinition } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  checkDefinition,
  createSimulator,
  issuesAsFieldErrors,
  listDefinitions,
  loadDraft,
  noProcess,
  publishedAt,
  requireKey,
  requireManagedKey,
  requireReachableSubprocesses,
  saveDraft,
} from '../../admin';
import { unprocessable } from '../../errors';

/** Admin routes: signed in with the admin role. */
export const ADMIN = { auth: 'user', roles: ['admin'] } as const;
/** Admin writes additionally honour Idempotency-Key. */
export const ADMIN_WRITE = { ...ADMIN, idempotent: true } as const;

/**
 * Every route of the plugin with a `:key` answers 404 for a process owned outside the admin's subtree,
 * exactly as for one that does not exist.
 */
export function guardManagedKeys(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const key = (request.params as { key?: unknown } | undefined)?.key;
    if (typeof key === 'string') await requireManagedKey(app.db, request.user, key);
  });
}

const KeyParams = Type.Object({ key: ProcessKeyParam });
const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  422: Problem,
};
const DRAFT_BODY_LIMIT = 1024 * 1024;

/** Process definitions: the list, drafts, validation, simulation and publishing. */
export const definitionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const simulateDocument = createSimulator(app.db);
  guardManagedKeys(app);

  // Fastify validates a missing body against the schema; validate and simulate treat it as `{}`.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {};
  });

  async function draftOrThrow(key: string) {
    const draft = await loadDraft(app.db, key);
    if (!draft) throw noProcess(key);
    return draft;
  }

  app.get(
    '/api/admin/definitions',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary:
          'Every process the caller manages (owned in their org subtree): owner, latest version, whether an unpublished draft exists, retirement, running cases per version',
        response: { 200: Type.Array(DefinitionOverview), 401: Problem, 403: Problem },
      },
    },
    async (request) => listDefinitions(app.db, request.user),
  );

  app.get(
    '/api/admin/definitions/:key/draft',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: 'The draft to edit (the latest version when nobody has edited one)',
        params: KeyParams,
        response: { 200: DraftView, ...errors },
      },
    },
    async (request) => draftOrThrow(request.params.key),
  );

  app.put(
    '/api/admin/definitions/:key/draft',
    {
      bodyLimit: DRAFT_BODY_LIMIT,
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Save a draft (invalid drafts are saved too; the answer says what is wrong)',
        description:
          "Send the `updatedAt` you loaded as `baseUpdatedAt`: if someone saved in between, the answer is 409 and nothing is saved. A new key is owned by `ownerOrgId` (default: the caller's org), which must lie in the caller's subtree (422 otherwise); a key owned outside it is 404.",
        params: KeyParams,
        body: SaveDraftRequest,
        response: { 200: SaveDraftResult, ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      const { document, baseUpdatedAt, ownerOrgId, create } = request.body;
      requireKey(document, key);
      // Checked before saving: a document over the size limits is refused, not stored.
      const validation = await checkDefinition(app.db, document);
      const updatedAt = await saveDraft(
        app.db,
        key,
        document,
        request.user,
        baseUpdatedAt,
        ownerOrgId,
        create,
      );
      return { updatedAt: updatedAt.toISOString(), validation };
    },
  );

  app.post(
    '/api/admin/definitions/:key/validate',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: 'Validate a document (default: the stored draft)',
        params: KeyParams,
        body: ValidateRequest,
        response: { 200: ValidationReport, ...errors },
      },
    },
    async (request) => {
      const document = request.body.document ?? (await draftOrThrow(request.params.key)).document;
      return checkDefinition(app.db, document);
    },
  );

  app.post(
    '/api/admin/definitions/:key/simulate',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: 'Predict the steps and assignees for some case data (default document: the stored draft)',
        params: KeyParams,
        body: SimulateRequest,
        response: { 200: SimulateResult, ...errors },
      },
    },
    async (request) => {
      const body = request.body;
      const document = body.document ?? (await draftOrThrow(request.params.key)).document;
      return simulateDocument(document, body.data ?? {}, body.applicant, request.user.id);
    },
  );

  app.post(
    '/api/admin/definitions/:key/publish',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Publish the draft as the next version (refused with 422 and every problem when invalid)',
        description:
          'Running cases keep the version they started on; move them with POST /api/admin/cases/:id/migrate. Publishing a retired process brings it back. Audited as `definition-published`.',
        params: KeyParams,
        response: { 201: PublishResult, ...errors },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const { document } = await draftOrThrow(key);
      requireKey(document, key);
      const report = await checkDefinition(app.db, document);
      const first = report.errors[0];
      if (first) {
        const n = report.errors.length;
        throw unprocessable(
          `草稿有 ${n} 个问题，不能发布。第一个：${first.message.zh} / the draft has ${n} problem(s) and cannot be published; first: ${first.message.en}`,
          issuesAsFieldErrors(report.errors),
        );
      }
      await requireReachableSubprocesses(app.db, key, document);
      const published = await publishDefinition(
        app.db,
        document as unknown as ProcessDefinition,
        request.user.id,
        { audited: true },
      );
      const at = await publishedAt(app.db, key, published.version);
      reply.code(201);
      return { key, version: published.version, publishedAt: at.toISOString() };
    },
  );
};
