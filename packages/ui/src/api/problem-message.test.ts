import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { problemFieldErrors, problemMessage } from './problem-message';

// Translation keys stand in for the words, so each case shows which text was picked.
const t = ((key: string) => `<${key}>`) as unknown as TFunction;

describe('problemMessage', () => {
  it("shows the server's title and detail, with field problems in words and never a path", () => {
    const error = new ApiError({
      status: 422,
      title: 'Unprocessable',
      detail: '申请内容有误',
      errors: [
        {
          path: '/data/awardFen',
          message: '「奖励金额」不得高于 300.00 元 / "Award" must be at most 300.00 yuan',
        },
        { path: 'body.to', message: 'is not an active user' },
      ],
    });
    expect(problemMessage(error, t)).toEqual({
      title: '<error.status.422>',
      detail: '申请内容有误（「奖励金额」不得高于 300.00 元）',
    });
    const machineOnly = new ApiError({
      status: 400,
      title: 'Bad Request',
      detail: '金额超出上限',
      errors: [{ path: '/amount', message: 'too large' }],
    });
    expect(problemMessage(machineOnly, t).detail).toBe('金额超出上限');
  });

  it('ties field problems to their form field, in the reader’s language', () => {
    const error = new ApiError({
      status: 422,
      title: 'Unprocessable',
      detail: 'x',
      errors: [
        { path: '/data/awardFen', message: '「奖励金额」须为数字 / "Award" must be a number.' },
        { path: 'body.data.note', message: '「备注」过长 / "Note" is too long.' },
        { path: '/data', message: '申请内容有误 / bad' },
        { path: 'body.to', message: 'is not an active user' },
      ],
    });
    expect(problemFieldErrors(error, t)).toEqual([
      { field: 'awardFen', message: '「奖励金额」须为数字' },
      { field: 'note', message: '「备注」过长' },
    ]);
    expect(problemFieldErrors(new Error('boom'), t)).toEqual([]);
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
