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
      title: 'Bad Request',
      detail: '金额超出上限 (/amount: too large)',
    });
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
