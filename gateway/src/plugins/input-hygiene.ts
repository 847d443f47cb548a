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

/**
 * The JSON path of the first string (value or key) that may not be stored, or null when clean.
 * Iterative, and paths are rebuilt only for the hit: a body nested thousands deep costs linear time.
 */
export function findForbiddenText(value: unknown): string | null {
  // Each visited container's parent and key, so the path is rebuilt only when something is found.
  const parents: number[] = [];
  const keys: string[] = [];
  const pathOf = (at: number, last?: string): string => {
    const parts: string[] = last === undefined ? [] : [last];
    for (let i = at; i >= 0; i = parents[i] as number) parts.push(keys[i] as string);
    return `/${parts.reverse().join('/')}`;
  };
  const stack: [unknown, number, string][] = [[value, -1, '']];
  while (stack.length > 0) {
    const [item, parent, key] = stack.pop() as [unknown, number, string];
    if (typeof item === 'string') {
      if (forbidden(item)) return parent < 0 ? '/' : pathOf(parent, key);
      continue;
    }
    if (item === null || typeof item !== 'object' || Buffer.isBuffer(item)) continue;
    let self = parent;
    if (parent >= 0 || key !== '') {
      self = parents.push(parent) - 1;
      keys.push(key);
    }
    for (const [childKey, child] of Object.entries(item)) {
      if (forbidden(childKey)) return self < 0 ? '/(key)' : pathOf(self, '(key)');
      stack.push([child, self, childKey]);
    }
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
