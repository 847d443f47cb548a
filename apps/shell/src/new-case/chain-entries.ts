import type { ChainPreviewDto } from '@unionflow/contracts';

/** One step of the preview as a person reads it. */
export interface ChainEntry {
  nodeId: string;
  /** The step's name. */
  step: string;
  /** Who acts: names joined with 、, or empty when nobody fits. */
  people: string;
  /** How they decide (会签, 或签 …) when several do, or what happens when nobody fits. */
  note: string | null;
  /** Whom the step copies (抄送), names joined with 、; empty when nobody. A note, not a link of the chain. */
  copied: string;
}

type Translate = (key: string) => string;
type LocalText = (text: { zh: string; en?: string }) => string;

/**
 * The preview's steps in words: names, people, and the catalog's labels for a mode or an empty-assignee
 * policy (through i18n keys `chain.mode.*` and `chain.empty.*`), never their codes. A mode is only
 * worth saying when more than one person is asked.
 */
export function chainEntries(preview: ChainPreviewDto, t: Translate, text: LocalText): ChainEntry[] {
  return preview.steps.map((s) => {
    // A 抄送 step holds nobody up: its people are the ones it copies, a note and not a link of the chain.
    if (s.kind === 'cc')
      return {
        nodeId: s.nodeId,
        step: text(s.name),
        people: '',
        note: null,
        copied: s.assignees.map((a) => a.displayName).join('、') || t('chain.nobody'),
      };
    const people = s.assignees.map((a) => a.displayName).join('、');
    let note: string | null = null;
    if (s.assignees.length === 0)
      note = s.emptyPolicy ? t(`chain.empty.${s.emptyPolicy}`) : t('chain.nobody');
    else if (s.assignees.length > 1 && s.mode) note = t(`chain.mode.${s.mode}`);
    const copied = (s.cc ?? []).map((a) => a.displayName).join('、');
    return { nodeId: s.nodeId, step: text(s.name), people, note, copied };
  });
}

/** The chain on one line: "李娜 → 王芳、陈杰（会签）→ …" (… when later steps are not known yet). */
export function chainLine(entries: ChainEntry[], complete: boolean, english: boolean): string {
  const [open, close] = english ? [' (', ')'] : ['（', '）'];
  // 抄送 steps hold nobody up: the line is the people the case waits on.
  const parts = entries
    .filter((e) => e.people || e.note)
    .map((e) => {
      const who = e.people || e.step;
      return e.note ? `${who}${open}${e.note}${close}` : who;
    });
  if (!complete) parts.push('…');
  return parts.join(' → ');
}

/**
 * The part of the form data the chain depends on, as the preview's query key: typing in a field no
 * condition reads asks nothing new. Until the first answer says which fields matter, nothing is sent.
 */
export function chainInput(data: Record<string, unknown>, reads: readonly string[] | undefined) {
  const picked: Record<string, unknown> = {};
  for (const key of reads ?? []) if (data[key] !== undefined) picked[key] = data[key];
  return picked;
}
