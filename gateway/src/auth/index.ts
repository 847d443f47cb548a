export { type AuthUser, hasAnyRole, inOrgScope, subtreePrefix } from './auth-user';
export { clearFailures, lockedUntil, recordFailure } from './login-throttle';
export { verifyCredentials } from './password';
export { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie';
export {
  defaultLoginThrottlePolicy,
  defaultSessionPolicy,
  type LoginThrottlePolicy,
  type SessionPolicy,
} from './session-policy';
export {
  createSession,
  deleteSession,
  type ResolvedSession,
  resolveSession,
  sessionIdOf,
} from './session-store';
