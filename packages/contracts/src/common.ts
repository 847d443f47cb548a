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
  /** On a 409 for a second open hardship file: the case that is already open, to link to. */
  existingCase: Type.Optional(Type.Object({ id: Type.String(), number: Type.String() })),
  /** On a 409 for a second re-check campaign of the same year and scope: the one already started. */
  existingCampaign: Type.Optional(Type.Object({ id: Type.String(), year: Type.Integer() })),
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

/**
 * A string that is one of a catalog's names: validated as a union of literals (an enum in OpenAPI),
 * typed as the catalog's own union, so the list is written once in `@unionflow/process-model/catalog`.
 */
export function oneOf<const T extends string>(names: readonly T[]) {
  return Type.Unsafe<T>(Type.Union(names.map((n) => Type.Literal(n))));
}
