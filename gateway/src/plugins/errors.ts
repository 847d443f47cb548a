import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, badRequest, type FieldError, problemTitles } from '../errors';

/** The RFC 9457 body every error response carries. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldError[];
}

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}

/** Writes a problem+json response; sent as a string so no route response schema can reshape it. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
  extensions: Record<string, unknown> = {},
): FastifyReply {
  const body: ProblemBody = {
    ...extensions,
    type: 'about:blank',
    title: problemTitles[status] ?? 'Error',
    status,
    detail,
    instance: pathOf(request),
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.code(status).type(PROBLEM_TYPE).send(JSON.stringify(body));
}

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function toFieldErrors(context: string | undefined, validation: AjvLikeError[]): FieldError[] {
  return validation.map((v) => {
    const segments = (v.instancePath ?? '').split('/').filter(Boolean);
    let message = v.message ?? 'is invalid';
    const missing = v.params?.missingProperty;
    if (v.keyword === 'required' && typeof missing === 'string') {
      segments.push(missing);
      message = 'is required';
    } else if (v.keyword === 'additionalProperties' && typeof v.params?.additionalProperty === 'string') {
      segments.push(v.params.additionalProperty);
      message = 'is not allowed';
    }
    return { path: [context ?? 'body', ...segments].join('.'), message };
  });
}

/** Fastify's own client errors mapped to stable codes and clearer wording. */
function fromFastifyError(error: FastifyError, bodyLimit: number): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        413,
        'payload-too-large',
        `The request body is larger than the ${Math.round(bodyLimit / 1024)} KiB limit`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported-media-type', 'Unsupported content type; send application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest("The request body is empty but content-type is 'application/json'");
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return badRequest('请求内容不是有效的 JSON / The request body is not valid JSON');
    default:
      return null;
  }
}

function parseJsonSafely(text: string): unknown {
  // Keys like __proto__ survive JSON.parse as own properties and poison objects merged later.
  if (!text.includes('__proto__') && !text.includes('constructor')) return JSON.parse(text);
  return JSON.parse(text, (key, value) => {
    if (key === '__proto__') throw new SyntaxError('"__proto__" is not allowed as a key');
    if (key === 'constructor' && value && typeof value === 'object' && 'prototype' in value) {
      throw new SyntaxError('"constructor.prototype" is not allowed');
    }
    return value;
  });
}

/** Renders every error and unknown route as problem+json; unexpected errors become a generic 500. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    const bodyLimit = app.initialConfig.bodyLimit ?? 1024 * 1024;

    // Replaces Fastify's parser only to say why the JSON is bad.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.length === 0) {
        done(badRequest("The request body is empty but content-type is 'application/json'"), undefined);
        return;
      }
      try {
        done(null, parseJsonSafely(text));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        done(
          badRequest(`请求内容不是有效的 JSON：${reason} / The request body is not valid JSON: ${reason}`),
          undefined,
        );
      }
    });

    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      if (error instanceof AppError) {
        for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
        // Shedding load or waiting for Temporal is the gateway working as designed: worth a warning
        // line, not an error with a stack (a busy start-up would otherwise look like a crash).
        if (error.status === 503) request.log.warn({ code: error.code, detail: error.detail }, 'unavailable');
        else if (error.status >= 500) request.log.error({ err: error }, 'service error');
        return sendProblem(
          request,
          reply,
          error.status,
          error.code,
          error.detail,
          error.errors,
          error.extensions,
        );
      }
      if (error.validation) {
        const errors = toFieldErrors(error.validationContext, error.validation as AjvLikeError[]);
        const first = errors[0];
        const detail = first ? `Invalid request: ${first.path} ${first.message}` : 'Invalid request';
        return sendProblem(request, reply, 400, 'validation-failed', detail, errors);
      }
      const mapped = fromFastifyError(error, bodyLimit);
      if (mapped) return sendProblem(request, reply, mapped.status, mapped.code, mapped.detail);
      const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status >= 400 && status < 500) {
        // Client errors from Fastify and its plugins carry messages written for clients.
        const code = status === 429 ? 'too-many-requests' : 'bad-request';
        return sendProblem(request, reply, status, code, error.message || problemTitles[status] || 'Error');
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(
        request,
        reply,
        500,
        'internal',
        `服务器内部错误，请稍后再试 / internal error, please try again later (request id ${request.id})`,
      );
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(request, reply, 404, 'not-found', `No route ${request.method} ${pathOf(request)}`),
    );
  },
  { name: 'errors', fastify: '5.x' },
);
