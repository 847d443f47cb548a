import { Type } from 'typebox';

/** Localised text: Chinese first, English optional. */
export const LocalText = Type.Object({ zh: Type.String(), en: Type.Optional(Type.String()) });

/** RFC 9457 problem details; every error response has this shape. */
export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  instance: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});

/** Opaque keyset cursor plus page size, shared by every paginated list. */
export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

/** A user as other users see them. */
export const UserRef = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
});

/** ISO-8601 UTC timestamp. */
export const Timestamp = Type.String({ format: 'date-time' });
