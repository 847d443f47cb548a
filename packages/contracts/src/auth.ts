import { Type } from 'typebox';
import { UserRef } from './common';

export const LoginRequest = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

/** The signed-in user, their org and roles, and the CSRF token to send as `X-CSRF-Token` on writes. */
export const Me = Type.Object({
  user: UserRef,
  org: Type.Object({ id: Type.String(), name: Type.String() }),
  roles: Type.Array(Type.String()),
  locale: Type.String(),
  timeZone: Type.String(),
  csrfToken: Type.String(),
});
