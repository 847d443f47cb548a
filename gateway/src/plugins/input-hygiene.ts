import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { badRequest } from '../errors';

/**
 * C0 controls except tab, line feed and carriage return, DEL, and UTF-16 surrogates that are not
 * part of a pair. PostgreSQL's text and jsonb refuse NUL outright and cannot round-trip a lone
 * surrogate, so letting them through means a projection that can never be written (issue #11).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const forbidden = (text: string) => CONTROL.test(text) || LONE_SURROGATE.test(text);

/** Nesting deeper than this is refused too: no route reads that deep, and walking it costs stack. */
const MAX_DEPTH = 64;

/** The JSON path of the first string (value or key) that may not be stored, or null when clean. */
export function findForbiddenText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return forbidden(value) ? path || '/' : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  if (depth > MAX_DEPTH) return path || '/';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenText(value[i], `${path}/${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    if (forbidden(key)) return `${path}/(key)`;
    const found = findForbiddenText(child, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

function check(request: FastifyRequest): void {
  const parts = [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const;
  for (const [where, value] of parts) {
    const at = findForbiddenText(value);
    if (at === null) continue;
    throw badRequest(
      '输入包含不可见的控制字符或无效字符，请删除后重试 / the input contains control characters or invalid Unicode; remove them and try again',
      [
        {
          path: `${where}${at === '/' ? '' : at}`,
          message: 'contains a control character or a lone surrogate',
        },
      ],
    );
  }
}

/**
 * Refuses, with 400 and before any route runs, every request whose path params, query or JSON body
 * carry NUL, other control characters (tab and newlines are fine) or lone surrogates.
 */
export const inputHygienePlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => check(request));
  },
  { name: 'input-hygiene' },
);
