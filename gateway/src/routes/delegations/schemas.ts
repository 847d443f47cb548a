import { Timestamp, UserRef } from '@unionflow/contracts';
import { Type } from 'typebox';

/** A standing delegation: while active, new tasks of `from` go to `to`, recorded as acted-for. */
export const Delegation = Type.Object({
  id: Type.String(),
  from: UserRef,
  to: UserRef,
  startsAt: Timestamp,
  endsAt: Type.Union([Timestamp, Type.Null()]),
  reason: Type.String(),
  createdAt: Timestamp,
  active: Type.Boolean(),
});

/** Delegations I gave and received. */
export const DelegationList = Type.Object({
  given: Type.Array(Delegation),
  received: Type.Array(Delegation),
});

export const Username = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' });

/** `POST /api/me/delegations`: start now unless `startsAt`; open-ended unless `endsAt`. */
export const CreateDelegationRequest = Type.Object(
  {
    to: Username,
    startsAt: Type.Optional(Type.String({ format: 'date-time' })),
    endsAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** `POST /api/admin/users/:username/hand-over`. */
export const HandOverRequest = Type.Object(
  { to: Username, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

const TaskResult = Type.Object({
  taskId: Type.String(),
  caseId: Type.String(),
  ok: Type.Boolean(),
  status: Type.Optional(Type.Integer()),
  detail: Type.Optional(Type.String()),
});

/** The delegation created (or reused) and what happened to each open task. */
export const HandOverResult = Type.Object({
  delegation: Delegation,
  moved: Type.Integer(),
  failed: Type.Integer(),
  tasks: Type.Array(TaskResult),
});
