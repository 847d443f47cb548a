import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { Type } from 'typebox';
import { hardshipFileExport } from '../../exports/hardship-export';
import { exportLanguage, sendXlsx } from '../../exports/xlsx-stream';

/** Household data: the assistance centre only, within its org subtree (ADR 015). */
export const HARDSHIP_FILE_READERS = ['assistance-centre'] as const;

/** `GET /api/hardship/file/export`: the households in the file as an .xlsx. */
export const hardshipRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/hardship/file/export',
    {
      config: { auth: 'user', roles: HARDSHIP_FILE_READERS },
      schema: {
        tags: ['hardship'],
        summary: '导出困难职工档案 / the households in the file as an .xlsx (assistance centre only)',
        description:
          'Every household in the file in the caller’s org subtree, with level, paired cadre and last re-check, streamed page by page; times in Beijing time; headers in `lang`.',
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')])),
        }),
        response: { 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const lang = exportLanguage(request.query, request.headers['accept-language']);
      return sendXlsx(reply, lang, hardshipFileExport(app.db, request.user, lang));
    },
  );
};
