import { dictionary } from '@zxcvbn-ts/language-common';
import { unprocessable } from '../errors';

/** NIST SP 800-63B and ASVS V2.1.1: length is what makes a password strong, not character classes. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

// The zxcvbn-ts project's list of the most used passwords (from breach corpora), lower-cased.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/**
 * Why a new password is refused, as a bilingual sentence, or null when it is acceptable. Applies to
 * passwords being set (admin-created users, change-password), never to verifying existing ones.
 */
export function newPasswordProblem(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符 / the password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符 / the password may have at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return '这是常见密码，很容易被猜中，请换一个 / this is a common password that is easy to guess; choose another';
  }
  if (lower.includes(username.toLowerCase())) {
    return '密码不能包含用户名 / the password must not contain the username';
  }
  return null;
}

/** Throws 422 with the reason when `password` may not be set for `username`. */
export function assertNewPassword(password: string, username: string): void {
  const problem = newPasswordProblem(password, username);
  if (problem) throw unprocessable(problem);
}
