import type { FastifyReply, FastifyRequest } from 'fastify';

/** Name of the session cookie over plain http (local development, tests). */
export const SESSION_COOKIE = 'uf_session';
/**
 * Name over https. Browsers accept a `__Host-` cookie only when it is Secure, has Path=/ and no
 * Domain, so a sibling subdomain cannot plant or overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** True when the request came over https (directly, or through a trusted proxy: TRUST_PROXY). */
function isSecure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** The cookie name in force for this request. */
export function sessionCookieName(request: FastifyRequest): string {
  return isSecure(request) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token the request presents; over https only the `__Host-` cookie counts. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(request)] || undefined;
}

function cookieOptions(request: FastifyRequest) {
  return { httpOnly: true, sameSite: 'lax', secure: isSecure(request), path: '/' } as const;
}

/** Sets the session cookie: httpOnly, SameSite=Lax, and Secure + `__Host-` when over https. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeMs: number,
): void {
  reply.setCookie(sessionCookieName(request), token, {
    ...cookieOptions(request),
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(request), cookieOptions(request));
}
