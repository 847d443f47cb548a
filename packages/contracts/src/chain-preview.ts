import { APPROVAL_MODE_NAMES, EMPTY_ASSIGNEE_POLICY_NAMES } from '@unionflow/process-model/catalog';
import { type Static, Type } from 'typebox';
import { LocalText, oneOf, UserRef } from './common';

/** `POST /api/processes/:key/preview`: the start form as typed so far (incomplete is fine). */
export const ChainPreviewRequest = Type.Object({
  data: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 }),
});

/**
 * One human step the case would reach, with the people it would go to; or a 抄送 step (`cc`), with the
 * people it copies as its assignees (nobody waits on them).
 */
export const ChainStep = Type.Object({
  nodeId: Type.String(),
  kind: Type.Union([Type.Literal('approval'), Type.Literal('applicant-task'), Type.Literal('cc')]),
  name: LocalText,
  /** How an approval step's people decide (a name of the catalog's `APPROVAL_MODES`). */
  mode: Type.Optional(oneOf(APPROVAL_MODE_NAMES)),
  assignees: Type.Array(UserRef),
  /** Set when nobody fits: what the engine would do (a name of `EMPTY_ASSIGNEE_POLICIES`). */
  emptyPolicy: Type.Optional(oneOf(EMPTY_ASSIGNEE_POLICY_NAMES)),
  /** Who the step copies (抄送) when it opens: a note under the step, never a step of its own. */
  cc: Type.Optional(Type.Array(UserRef)),
});

/** The approval chain a new case would take (审批流程预览), assuming every step approves. */
export const ChainPreview = Type.Object({
  applicant: UserRef,
  steps: Type.Array(ChainStep),
  /** False when the path waits on data a step has yet to produce, so later steps are not known yet. */
  complete: Type.Boolean(),
  /** The form fields the chain depends on (conditions and field-named approvers read them): ask again when one changes. */
  reads: Type.Array(Type.String()),
});

export type ChainPreviewBody = Static<typeof ChainPreviewRequest>;
export type ChainStepDto = Static<typeof ChainStep>;
export type ChainPreviewDto = Static<typeof ChainPreview>;
