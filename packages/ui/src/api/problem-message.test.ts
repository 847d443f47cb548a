import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { problemMessage } from './problem-message';

// Translation keys stand in for the words, so each case shows which text was picked.
const t = ((key: string) => `<${key}>`) as unknown as TFunction;

describe('problemMessage', () => {
  it("shows the server's title and detail, with field errors", () => {
    const error = new ApiError({
      status: 400,
      title: 'Bad Request',
      detail: '金额超出上限',
      errors: [{ path: '/amount', message: 'too large' }],
    });
    expect(problemMessage(error, t)).toEqual({
      title: '<error.status.400>',
      detail: '金额超出上限 (/amount: too large)',
    });
  });

  it('picks the part of a bilingual detail in the reader’s language', () => {
    const error = new ApiError({
      status: 401,
      title: 'Unauthorized',
      detail: '用户名或密码错误 / wrong password',
    });
    expect(problemMessage(error, t).detail).toBe('用户名或密码错误');
    const en = ((key: string) => (key === 'error.part' ? 'en' : key)) as unknown as TFunction;
    expect(problemMessage(error, en)).toEqual({ title: 'error.status.401', detail: 'wrong password' });
    const plain = new ApiError({ status: 418, title: "I'm a teapot", detail: 'a / b' });
    expect(problemMessage(plain, t)).toEqual({ title: '<error.generic>', detail: 'a / b' });
  });

  it('explains an unreachable server and a non-JSON answer in our own words', () => {
    const offline = new ApiError({ status: 0, title: 'Network', detail: 'Failed to fetch' });
    expect(problemMessage(offline, t)).toEqual({ title: '<error.generic>', detail: '<error.network>' });
    const html = new ApiError({ status: 502, title: 'Bad Gateway', detail: '<html>', code: 'not-json' });
    expect(problemMessage(html, t)).toEqual({ title: '<error.generic>', detail: '<error.unexpected>' });
  });

  it("uses any other error's message", () => {
    expect(problemMessage(new Error('boom'), t)).toEqual({ title: '<error.generic>', detail: 'boom' });
  });
});
