import { type Static, Type } from 'typebox';
import { LocalText, Timestamp, UserRef } from './common';

/** An org unit id as it appears in URLs and bodies. */
export const OrgUnitId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

/** How high an org unit sits: city federation, district federation, grassroots union, or a department. */
export const OrgLevel = Type.Union([
  Type.Literal('federation'),
  Type.Literal('district'),
  Type.Literal('grassroots'),
  Type.Literal('department'),
]);

/** A name people read: not blank, one line. */
const Name = (maxLength: number) =>
  Type.String({ minLength: 1, maxLength, pattern: '^[^\\r\\n]*\\S[^\\r\\n]*$' });

/** One org unit (工会组织) in the admin's subtree. */
export const OrgUnit = Type.Object({
  id: Type.String(),
  /** Null for the top of the whole organisation. */
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  level: Type.String(),
  /** Send back with an edit; a stale version is refused with 409. */
  version: Type.Integer(),
  /** Active users directly in this unit (not its sub-units). */
  activeUsers: Type.Integer(),
});

/** The admin's part of the org tree: their own unit (`rootId`) and everything under it. */
export const OrgTree = Type.Object({ rootId: Type.String(), units: Type.Array(OrgUnit) });

/** `POST /api/admin/org-units`. */
export const CreateOrgUnitRequest = Type.Object(
  { parentId: OrgUnitId, name: Name(100), level: Type.Optional(OrgLevel) },
  { additionalProperties: false },
);

/** `PATCH /api/admin/org-units/:id`: rename and/or move under another parent. */
export const UpdateOrgUnitRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Name(100)),
    parentId: Type.Optional(OrgUnitId),
  },
  { additionalProperties: false },
);

/** A sign-in name: lower case (sign-in lower-cases what people type), 3 to 32 characters. */
export const NewUsername = Type.String({ minLength: 3, maxLength: 32, pattern: '^[a-z][a-z0-9._-]{2,31}$' });

/** A role key, as assignee rules name it. */
export const RoleKey = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9-]*$' });

const Roles = Type.Array(RoleKey, { maxItems: 20, uniqueItems: true });

/** A user as the admin screens show them. */
export const AdminUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  org: Type.Object({ id: Type.String(), name: Type.String() }),
  roles: Type.Array(Type.String()),
  /** Who escalations and "the superior of the previous decider" go to; null: the org's admins. */
  superior: Type.Union([UserRef, Type.Null()]),
  /** False once deactivated: cannot sign in, is assigned nothing new. */
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** `GET /api/admin/users`: search by username or name, optionally within one unit's subtree. */
export const UserListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  orgId: Type.Optional(OrgUnitId),
  status: Type.Optional(
    Type.Union([Type.Literal('active'), Type.Literal('inactive'), Type.Literal('all')], { default: 'all' }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

/** A page of users in username order. */
export const UserPage = Type.Object({
  items: Type.Array(AdminUser),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** `POST /api/admin/users`. */
export const CreateUserRequest = Type.Object(
  {
    username: NewUsername,
    displayName: Name(50),
    orgId: OrgUnitId,
    roles: Roles,
    /**
     * The initial password (at least 12 characters, not a common one: 422 otherwise); stored only as an
     * argon2id hash. The user must replace it at first sign-in.
     */
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

/** `PATCH /api/admin/users/:username`: only the fields sent change. */
export const UpdateUserRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    displayName: Type.Optional(Name(50)),
    orgId: Type.Optional(OrgUnitId),
    roles: Type.Optional(Roles),
    /** The superior's username, or null for none (escalations then go to the org's admins). */
    superior: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** `POST /api/admin/users/:username/deactivate` and `/reactivate`. */
export const UserStatusRequest = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/** The user after a (de)activation, and the open tasks still waiting on them (hand them over). */
export const UserStatusResult = Type.Object({ user: AdminUser, openTasks: Type.Integer() });

/** A role the platform knows, with how many users of the admin's subtree hold it. */
export const RoleInfo = Type.Object({
  key: Type.String(),
  name: LocalText,
  description: LocalText,
  memberCount: Type.Integer(),
  /** False for roles only a process definition or an existing user names. */
  builtIn: Type.Boolean(),
});

export type OrgUnitDto = Static<typeof OrgUnit>;
export type OrgTreeDto = Static<typeof OrgTree>;
export type OrgLevelValue = Static<typeof OrgLevel>;
export type CreateOrgUnitBody = Static<typeof CreateOrgUnitRequest>;
export type UpdateOrgUnitBody = Static<typeof UpdateOrgUnitRequest>;
export type AdminUserDto = Static<typeof AdminUser>;
export type UserPageDto = Static<typeof UserPage>;
export type UserListParams = Static<typeof UserListQuery>;
export type CreateUserBody = Static<typeof CreateUserRequest>;
export type UpdateUserBody = Static<typeof UpdateUserRequest>;
export type UserStatusResultDto = Static<typeof UserStatusResult>;
export type RoleInfoDto = Static<typeof RoleInfo>;
