import { createHash } from 'node:crypto';
import { CaseDetail } from '@unionflow/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Key order does not change what a JSON body means, so it is sorted before hashing. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SHA-256 of the request body as parsed (absent and empty bodies hash alike). */
export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

/** The stored text of a response payload, parsed back (null when empty). */
export function parseStored(payload: unknown): unknown {
  const text =
    typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (text === null || text.length === 0) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The case id when this answer is a case detail (the route declares CaseDetail for the status).
 * Such answers carry data whose visibility depends on the caller's roles at the time, so only the
 * id is stored and a replay reads the case again.
 */
export function answeredCaseId(request: FastifyRequest, reply: FastifyReply, body: unknown): string | null {
  const schemas = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
  if (schemas?.[String(reply.statusCode)] !== CaseDetail) return null;
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}
