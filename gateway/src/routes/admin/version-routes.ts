import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ImpactQuery,
  ImpactReport,
  Problem,
  ProcessKeyParam,
  PublishResult,
  RestoreRequest,
  VersionDocument,
  VersionSummary,
} from '@unionflow/contracts';
import { Type } from 'typebox';
import {
  impactOf,
  latestVersionRow,
  listVersions,
  loadDraft,
  noProcess,
  restoreVersion,
  versionDocument,
} from '../../admin';
import { notFound } from '../../errors';
import { ADMIN, ADMIN_WRITE, guardManagedKeys } from './definition-routes';

const KeyParams = Type.Object({ key: ProcessKeyParam });
const VersionParams = Type.Object({ key: ProcessKeyParam, version: Type.Integer({ minimum: 1 }) });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const RestoreResult = Type.Intersect([PublishResult, Type.Object({ restoredFrom: Type.Integer() })]);

const noVersion = (key: string, version: number) =>
  notFound(`流程 ${key} 没有第 ${version} 版 / process "${key}" has no version ${version}`);

/** Published versions of a process, and which running cases a new version would affect. */
export const versionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  guardManagedKeys(app);
  app.get(
    '/api/admin/definitions/:key/versions',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: 'Published versions, newest first, with publisher and running case count',
        params: KeyParams,
        response: { 200: Type.Array(VersionSummary), ...errors },
      },
    },
    async (request) => {
      const versions = await listVersions(app.db, request.params.key);
      if (versions.length === 0) throw noProcess(request.params.key);
      return versions;
    },
  );

  app.get(
    '/api/admin/definitions/:key/versions/:version',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: 'One published version with its document',
        params: VersionParams,
        response: { 200: VersionDocument, ...errors },
      },
    },
    async (request) => {
      const { key, version } = request.params;
      const found = await versionDocument(app.db, key, version);
      if (!found) throw noVersion(key, version);
      return found;
    },
  );

  app.get(
    '/api/admin/definitions/:key/impact',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: 'Running cases on other versions, and whether each could move to the target now',
        description:
          'Target: `?version=N`, or by default the draft as the next version. A case can move when every step it is at or has done exists in the target with the same kind.',
        params: KeyParams,
        querystring: ImpactQuery,
        response: { 200: ImpactReport, ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      const { version } = request.query;
      if (version !== undefined) {
        const found = await versionDocument(app.db, key, version);
        if (!found) throw noVersion(key, version);
        const cases = await impactOf(app.db, key, found.document, version);
        return { key, targetVersion: version, target: 'version' as const, cases };
      }
      const draft = await loadDraft(app.db, key);
      if (!draft) throw noProcess(key);
      const next = ((await latestVersionRow(app.db, key))?.version ?? 0) + 1;
      return {
        key,
        targetVersion: next,
        target: 'draft' as const,
        cases: await impactOf(app.db, key, draft.document, next),
      };
    },
  );

  app.post(
    '/api/admin/definitions/:key/versions/:version/restore',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: '恢复 / publish an older version again as the next version',
        description:
          'Send the latest version you saw as `baseVersion`: when another version was published since, the answer is 409 and nothing is published. Running cases keep their versions. Audited as `definition-restored`.',
        params: VersionParams,
        body: RestoreRequest,
        response: { 201: RestoreResult, ...errors, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const { key, version } = request.params;
      const restored = await restoreVersion(app.db, request.user, key, version, request.body.baseVersion);
      reply.code(201);
      return restored;
    },
  );
};
