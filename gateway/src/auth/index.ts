export { type AuthUser, hasAnyRole, inOrgScope, subtreePrefix } from './auth-user';
export { clearFailures, delayAfter, recordFailure, retryAt } from './login-throttle';
export { changePassword, verifyCredentials } from './password';
export { assertNewPassword, MIN_PASSWORD_LENGTH, newPasswordProblem } from './password-policy';
export {
  clearSessionCookie,
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  sessionCookieName,
  sessionTokenOf,
  setSessionCookie,
} from './session-cookie';
export {
  defaultLoginThrottlePolicy,
  defaultSessionPolicy,
  type LoginThrottlePolicy,
  type SessionPolicy,
} from './session-policy';
export {
  createSession,
  deleteSession,
  deleteUserSessions,
  type ResolvedSession,
  resolveSession,
  sessionDeadline,
  sessionIdOf,
} from './session-store';
