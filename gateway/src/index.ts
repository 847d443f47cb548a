export { type App, type BuildAppOptions, buildApp } from './app';
export { type AuthUser, hasAnyRole, inOrgScope, type SessionPolicy } from './auth';
export {
  AppError,
  badRequest,
  conflict,
  type FieldError,
  forbidden,
  notFound,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  unprocessable,
} from './errors';
export type { RouteAuth } from './plugins/auth';
export type { TemporalContext } from './plugins/temporal';
