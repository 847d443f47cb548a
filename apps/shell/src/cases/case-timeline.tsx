import type { CaseDetailDto, TimelineEventDto } from '@unionflow/contracts';
import {
  asFormFields,
  DateTime,
  displayValue,
  type FormFieldSpec,
  formatFen,
  useLocalText,
} from '@unionflow/ui';
import { Button, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { systemStepNames, type TimelineLine, timelineLines } from './timeline-groups';

/** How many of a decision's entries show before "show all" (a checklist can hold twenty). */
const DATA_SHOWN = 4;

/** The fields a decision may carry, labelled by the case's forms (the step forms first). */
function fieldsOf(detail: Pick<CaseDetailDto, 'tasks' | 'dataFields'>): Map<string, FormFieldSpec> {
  const fields = new Map<string, FormFieldSpec>();
  for (const f of [
    ...detail.tasks.flatMap((t) => asFormFields(t.form)),
    ...asFormFields(detail.dataFields),
  ]) {
    if (!fields.has(f.key)) fields.set(f.key, f);
  }
  return fields;
}

/** Whom a 抄送 event copied, by name (the gateway adds them beside the ids). */
function copiedNames(data: unknown): string[] {
  const names = (data as { names?: unknown } | null)?.names;
  return Array.isArray(names) ? names.map(String) : [];
}

/** A `fields-edited` event's changes as [key, before, after], in the order they were recorded. */
function editsOf(data: unknown): [string, unknown, unknown][] {
  const { before, after } = (data ?? {}) as {
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
  };
  return Object.entries(after ?? {}).map(([key, value]) => [key, before?.[key], value]);
}

/**
 * The case history as people read it, newest first (DingTalk style): each decision with who, when, the
 * comment and the data entered with it; runs of the system's own steps folded into one line.
 */
export function CaseTimeline({
  detail,
}: {
  detail: Pick<CaseDetailDto, 'timeline' | 'tasks' | 'dataFields'>;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const fields = fieldsOf(detail);
  const words = {
    yes: t('form.yes'),
    no: t('form.no'),
    money: (fen: number) => formatFen(fen),
    option: text,
  };

  const eventBody = (e: TimelineEventDto): ReactNode => {
    // A decision's own data (an award, a level): only keys a form labels, never internal bookkeeping.
    const data =
      e.type === 'approved' && e.data && typeof e.data === 'object'
        ? Object.entries(e.data as Record<string, unknown>).filter(([key]) => fields.has(key))
        : [];
    // A change to a field collected earlier (字段权限): each one as before → after.
    const edits = e.type === 'fields-edited' ? editsOf(e.data).filter(([key]) => fields.has(key)) : [];
    return (
      <div style={{ overflowWrap: 'anywhere' }}>
        <div>
          <strong>{t(`timeline.${e.type}`, { defaultValue: t('timeline.other') })}</strong>
          {e.stepName ? ` · ${text(e.stepName)}` : ''}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <DateTime value={e.at} />
          {e.actor ? ` · ${e.actor.displayName}` : ''}
          {!e.actor && (e.data as { anonymous?: unknown } | null)?.anonymous === true
            ? ` · ${t('notices.anonymousObjector')}`
            : ''}
          {e.onBehalfOf ? ` (${t('timeline.onBehalfOf', { name: e.onBehalfOf.displayName })})` : ''}
        </Typography.Text>
        {e.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
        {e.type === 'cc' && copiedNames(e.data).length > 0 ? (
          <div data-testid="timeline-cc">
            {t('timeline.copiedTo', { names: copiedNames(e.data).join('、') })}
          </div>
        ) : null}
        {(open.has(e.id) ? data : data.slice(0, DATA_SHOWN)).map(([key, value]) => (
          <div key={key} data-testid="timeline-data">
            <Typography.Text type="secondary">{text(fields.get(key)?.label)}：</Typography.Text>
            {displayValue(fields.get(key), value, words)}
          </div>
        ))}
        {edits.map(([key, before, after]) => (
          <div key={key} data-testid="timeline-edit">
            <Typography.Text type="secondary">{text(fields.get(key)?.label)}：</Typography.Text>
            {before === null || before === undefined ? '—' : displayValue(fields.get(key), before, words)}
            {' → '}
            {displayValue(fields.get(key), after, words)}
          </div>
        ))}
        {data.length > DATA_SHOWN && (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            onClick={() => toggle(e.id)}
          >
            {open.has(e.id) ? t('timeline.collapse') : t('timeline.expand', { count: data.length })}
          </Button>
        )}
      </div>
    );
  };

  const systemBody = (line: Extract<TimelineLine, { kind: 'system' }>): ReactNode => {
    const expanded = open.has(line.id);
    return (
      <div data-testid="timeline-system" style={{ overflowWrap: 'anywhere' }}>
        <Typography.Text type="secondary">
          {t('timeline.systemSteps', { steps: systemStepNames(line.events, text).join('、') || '—' })}
        </Typography.Text>{' '}
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          onClick={() => toggle(line.id)}
        >
          {expanded ? t('timeline.collapse') : t('timeline.expand', { count: line.events.length })}
        </Button>
        {expanded &&
          line.events.map((e) => (
            <div key={e.id} style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`timeline.${e.type}`, { defaultValue: t('timeline.other') })}
                {e.stepName ? ` · ${text(e.stepName)}` : ''} · <DateTime value={e.at} />
              </Typography.Text>
            </div>
          ))}
      </div>
    );
  };

  return (
    <Timeline
      data-testid="case-timeline"
      items={timelineLines(detail.timeline).map((line) =>
        line.kind === 'event'
          ? { key: line.event.id, content: eventBody(line.event) }
          : { key: line.id, color: 'gray', content: systemBody(line) },
      )}
    />
  );
}
