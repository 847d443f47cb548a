/**
 * The inbox's boxes, in the order the shell shows them: 待处理 (my open tasks), 已处理 (tasks I
 * decided), 我发起的 (cases I applied for), 抄送我的 (cases a step copied to me). No schema library, so
 * apps can read it through `@unionflow/contracts/vocabulary`.
 */
export const INBOX_BOX_NAMES = ['todo', 'done', 'started', 'cc'] as const;

/** One of the inbox's boxes. */
export type InboxBoxName = (typeof INBOX_BOX_NAMES)[number];
