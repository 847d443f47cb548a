import { ApplicationFailure } from '@temporalio/activity';
import { describe, expect, it } from 'vitest';
import { failingForGood } from './attention';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('failingForGood', () => {
  it('makes data exceptions and integrity violations non-retryable, with a printable reason', async () => {
    for (const code of ['22P05', '22003', '23514', '23505']) {
      const failure = await failingForGood(() => Promise.reject(pgError(code, 'bad\u0000value'))).catch(
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect((failure as ApplicationFailure).nonRetryable).toBe(true);
      expect((failure as ApplicationFailure).type).toBe('ProjectionRejected');
      expect((failure as ApplicationFailure).message).toBe(`${code} bad value`);
    }
  });

  it('leaves failures a later attempt may get past to the retry policy', async () => {
    for (const error of [
      pgError('40001', 'serialization'),
      pgError('57P01', 'shutdown'),
      new Error('ECONNRESET'),
    ]) {
      await expect(failingForGood(() => Promise.reject(error))).rejects.toBe(error);
    }
    await expect(failingForGood(async () => 'written')).resolves.toBe('written');
  });
});
