/** An expected, user-fixable failure: its message is one line saying what is wrong and what to do. */
export class DevstackError extends Error {
  override readonly name = 'DevstackError';
}

/** True for errors whose message is meant for the user as-is (no stack trace needed). */
export function isDevstackError(error: unknown): error is DevstackError {
  return error instanceof DevstackError;
}
