import { type Static, Type } from 'typebox';
import { LocalText, Timestamp } from './common';

/** One field a notice shows publicly (the definition's `publicFields`): its label and shown value. */
export const NoticeField = Type.Object({
  key: Type.String(),
  label: LocalText,
  value: LocalText,
});

/** A case on public notice (公示), as members of the household's unit see it: nothing else of the case. */
export const NoticeItem = Type.Object({
  caseId: Type.String(),
  /** The notice step, e.g. 退档公示. */
  title: LocalText,
  /** The applicant's name with all but the surname masked: 张*. */
  maskedName: Type.String(),
  unit: Type.String(),
  fields: Type.Array(NoticeField),
  endsAt: Timestamp,
  /** The last day of the notice in Asia/Shanghai (YYYY-MM-DD). */
  endsOn: Type.String(),
});

export const NoticeList = Type.Object({ items: Type.Array(NoticeItem) });

/** An objection to a notice: a reason, by name or anonymously. */
export const ObjectionRequest = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: 500 }),
  anonymous: Type.Optional(Type.Boolean()),
});

export const ObjectionReceipt = Type.Object({
  caseId: Type.String(),
  anonymous: Type.Boolean(),
  receivedAt: Timestamp,
});

export type NoticeItemDto = Static<typeof NoticeItem>;
export type NoticeListDto = Static<typeof NoticeList>;
export type ObjectionBody = Static<typeof ObjectionRequest>;
export type ObjectionReceiptDto = Static<typeof ObjectionReceipt>;
