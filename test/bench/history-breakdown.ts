import type { Client } from '@temporalio/client';
import { summarise } from './stats';

/** One workflow task of a case and what it carried: the start, or the updates it accepted. */
interface TaskRound {
  kind: string;
  /** Scheduled → started: how long the task waited to be handed to a worker. */
  dispatchMs: number;
  /** Started → completed: the worker's share, local activities included. */
  workerMs: number;
  localActivities: string[];
  searchAttributeUpserts: number;
  events: number;
}

/** Per start and per decision: workflow tasks, local activities and where the time went. */
export interface HistoryBreakdown {
  cases: number;
  eventsPerCase: number;
  rounds: {
    kind: string;
    count: number;
    localActivities: Record<string, number>;
    searchAttributeUpserts: number;
    events: number;
    dispatchP50: number;
    workerP50: number;
    workerP95: number;
  }[];
}

interface JsonEvent {
  eventTime: { seconds: string; nanos?: number };
  eventType: string;
  markerRecordedEventAttributes?: {
    markerName: string;
    details?: Record<string, { payloads?: { data?: string }[] }>;
  };
  workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest?: { input?: { name?: string } } };
}

const at = (e: JsonEvent) => Number(e.eventTime.seconds) * 1000 + (e.eventTime.nanos ?? 0) / 1e6;

/** Splits a history into its workflow tasks (only those that completed). */
function rounds(events: JsonEvent[]): TaskRound[] {
  const out: TaskRound[] = [];
  let scheduled = 0;
  let started = 0;
  let current: TaskRound | null = null;
  for (const e of events) {
    const type = e.eventType.replace('EVENT_TYPE_', '');
    if (type === 'WORKFLOW_TASK_SCHEDULED') {
      scheduled = at(e);
      current = null;
    } else if (type === 'WORKFLOW_TASK_STARTED') started = at(e);
    else if (type === 'WORKFLOW_TASK_COMPLETED') {
      current = {
        kind: out.length === 0 ? 'start' : 'other',
        dispatchMs: started - scheduled,
        workerMs: at(e) - started,
        localActivities: [],
        searchAttributeUpserts: 0,
        events: 3,
      };
      out.push(current);
    } else if (current) {
      current.events += 1;
      if (type === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED' && current.kind !== 'start')
        current.kind =
          e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? 'update';
      if (type === 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES') current.searchAttributeUpserts += 1;
      const marker = e.markerRecordedEventAttributes;
      if (marker?.markerName === 'core_local_activity') {
        const data = marker.details?.data?.payloads?.[0]?.data;
        const activity = data
          ? (JSON.parse(Buffer.from(data, 'base64').toString()) as { activity_type?: string }).activity_type
          : undefined;
        current.localActivities.push(activity ?? 'local activity');
      }
    }
  }
  return out;
}

/**
 * Reads the histories of `workflowIds` and counts, per start and per kind of update, the workflow
 * tasks, local activities and search-attribute upserts, with the task's dispatch and worker time.
 */
export async function historyBreakdown(client: Client, workflowIds: string[]): Promise<HistoryBreakdown> {
  const byKind = new Map<string, TaskRound[]>();
  let events = 0;
  for (const id of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    // protobufjs's toJSON names enums and base64-encodes bytes, which is all this reads.
    const json = JSON.parse(JSON.stringify(history)) as { events: JsonEvent[] };
    events += json.events.length;
    for (const r of rounds(json.events)) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  }
  const perRound = (list: TaskRound[], pick: (r: TaskRound) => number) =>
    Math.round((list.reduce((s, r) => s + pick(r), 0) / list.length) * 10) / 10;
  return {
    cases: workflowIds.length,
    eventsPerCase: Math.round((events / (workflowIds.length || 1)) * 10) / 10,
    rounds: [...byKind].map(([kind, list]) => {
      const activities: Record<string, number> = {};
      for (const r of list) for (const a of r.localActivities) activities[a] = (activities[a] ?? 0) + 1;
      for (const a of Object.keys(activities))
        activities[a] = Math.round(((activities[a] ?? 0) / list.length) * 10) / 10;
      const worker = summarise(list.map((r) => r.workerMs));
      return {
        kind,
        count: list.length,
        localActivities: activities,
        searchAttributeUpserts: perRound(list, (r) => r.searchAttributeUpserts),
        events: perRound(list, (r) => r.events),
        dispatchP50: summarise(list.map((r) => r.dispatchMs)).p50,
        workerP50: worker.p50,
        workerP95: worker.p95,
      };
    }),
  };
}

/** Markdown table of a breakdown. */
export function breakdownMarkdown(b: HistoryBreakdown, source: string): string {
  return [
    `From the histories of ${source} (${b.eventsPerCase} events per case). One workflow task per start and per update; "worker" is the task's started → completed time, local activities included.`,
    '',
    '| workflow task | tasks | local activities per task | search-attribute upserts | history events | dispatch p50 ms | worker p50 ms | worker p95 ms |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...b.rounds.map(
      (r) =>
        `| ${r.kind} | ${r.count} | ${
          Object.entries(r.localActivities)
            .map(([a, n]) => `${a} ×${n}`)
            .join(', ') || '—'
        } | ${r.searchAttributeUpserts} | ${r.events} | ${r.dispatchP50} | ${r.workerP50} | ${r.workerP95} |`,
    ),
  ].join('\n');
}
