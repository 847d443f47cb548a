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
  /** True until the user replaces a password an administrator set; every other route answers 403. */
  mustChangePassword: Type.Boolean(),
});

/** `POST /api/auth/password`: replace my password (at least 12 characters, not a common one). */
export const ChangePasswordRequest = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
