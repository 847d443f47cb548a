import type { TimelineEventDto } from '@unionflow/contracts';
import { isSystemEvent } from '@unionflow/contracts/vocabulary';

/** A line of the case timeline: one event people took part in, or a run of the system's own steps. */
export type TimelineLine =
  | { kind: 'event'; event: TimelineEventDto }
  | { kind: 'system'; id: string; events: TimelineEventDto[] };

/**
 * The timeline as people read it, newest first: each decision, return, comment or notice on its own
 * line; consecutive system steps (a step opening, a branch taken, a service finishing) folded into
 * one line that can be opened.
 */
export function timelineLines(events: TimelineEventDto[]): TimelineLine[] {
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  const lines: TimelineLine[] = [];
  for (const event of sorted) {
    const last = lines.at(-1);
    if (!isSystemEvent(event.type)) lines.push({ kind: 'event', event });
    else if (last?.kind === 'system') last.events.push(event);
    else lines.push({ kind: 'system', id: `system-${event.id}`, events: [event] });
  }
  return lines;
}

/** The distinct step names of a run of system steps, oldest first, for its one-line summary. */
export function systemStepNames<T>(
  events: TimelineEventDto[],
  text: (name: TimelineEventDto['stepName']) => T,
): T[] {
  const seen = new Set<string>();
  const names: T[] = [];
  for (const e of [...events].reverse()) {
    if (!e.stepName || !e.nodeId || seen.has(e.nodeId)) continue;
    seen.add(e.nodeId);
    names.push(text(e.stepName));
  }
  return names;
}
