import { createHash, randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { Type } from 'typebox';
import { mayReadAttachment } from '../../cases/file-access';
import { badRequest, notFound } from '../../errors';
import { fileById, insertFile } from '../../files/file-repository';
import { checkUploadQuota, safeFilename } from './upload-rules';

/** Photos from the shop floor and scanned documents; nothing executable. */
const ALLOWED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
/** Upload size limit per file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The declared type must match the file's first bytes, so a renamed script is not stored as a photo. */
function contentMatches(type: string, bytes: Buffer): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  switch (type) {
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/webp':
      return (
        bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
        bytes.subarray(8, 12).toString('latin1') === 'WEBP'
      );
    case 'application/pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    default:
      return false;
  }
}

const FileInfo = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

/**
 * Attachments (photos, evidence) stored in PostgreSQL. Upload the raw bytes with the file's
 * Content-Type and `?filename=`; forms then hold the returned id in a `file` field.
 */
export const filesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser(
    [...ALLOWED_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/files',
    {
      bodyLimit: MAX_FILE_BYTES,
      config: { auth: 'user' },
      schema: {
        tags: ['files'],
        summary: `Upload an attachment (JPEG, PNG, WebP or PDF, at most ${MAX_FILE_BYTES / 1024 / 1024} MiB)`,
        querystring: Type.Object({ filename: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 201: FileInfo, 400: Problem, 401: Problem, 413: Problem, 415: Problem },
      },
    },
    async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw badRequest('上传的文件是空的 / The upload is empty.');
      if (!contentMatches(type, body))
        throw badRequest(
          `The file's content is not ${type}; upload JPEG, PNG, WebP or PDF files as they are.`,
        );
      const filename = safeFilename(request.query.filename);
      const row = await app.db.transaction().execute(async (trx) => {
        await checkUploadQuota(trx, request.user.id, body.length);
        return insertFile(trx, {
          id: randomUUID(),
          owner_id: request.user.id,
          filename,
          content_type: type,
          size: body.length,
          sha256: createHash('sha256').update(body).digest('hex'),
          content: body,
          created_at: new Date(),
        });
      });
      reply.code(201);
      return {
        id: row.id,
        filename: row.filename,
        contentType: row.content_type,
        size: row.size,
        sha256: row.sha256,
        createdAt: new Date(row.created_at).toISOString(),
      };
    },
  );

  app.get(
    '/api/files/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['files'],
        summary: 'Download an attachment (its owner, and whoever may see a case that refers to it)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      },
    },
    async (request, reply) => {
      const row = await fileById(app.db, request.params.id);
      const allowed =
        row &&
        (row.owner_id === request.user.id ||
          (await mayReadAttachment(app.db, request.user, row.id, row.owner_id)));
      if (!row || !allowed) throw notFound('附件不存在 / no such file');
      reply
        .header('content-type', row.content_type)
        .header('content-length', row.size)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.filename)}`);
      return reply.send(row.content);
    },
  );
};
