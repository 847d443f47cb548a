import type { ApprovalFormDto, CaseDetailDto, TimelineEventDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import type { FormField, OrgDirectory, ProcessDefinition } from '@unionflow/process-model';
import { CASE_STATUSES, isSystemEvent, TIMELINE_EVENTS } from '@unionflow/process-model/catalog';
import type { DisplayLanguage } from '@unionflow/process-model/display';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { AuthUser } from '../auth';
import { visibleCase } from '../cases/case-lookup';
import { orgDirectory, toCaseDetail } from '../cases/case-view';
import { formWord, formWords } from './approval-form-words';
import { caseAuditLink } from './case-audit-link';
import { fieldText, type PeopleNames, pick, shanghaiTime } from './field-text';

/** Where the form is printed from and for whom. */
export interface ApprovalFormRequest {
  lang: DisplayLanguage;
  /** The shell's public origin (`https://oa.example.org`): the QR code links to the case page under it. */
  origin: string;
  now?: Date;
}

/** The federation at the top of the case's org tree, and the unit the case belongs to. */
function orgNames(directory: OrgDirectory, orgId: string): { union: string; unit: string } {
  const byId = new Map(directory.orgs.map((o) => [o.id, o]));
  const unit = byId.get(orgId);
  let top = unit;
  // Bounded by the tree's size: a cycle an admin could not create anyway cannot loop forever.
  for (let i = 0; top?.parentId && i < directory.orgs.length; i++) top = byId.get(top.parentId) ?? top;
  return { union: top?.name ?? '', unit: unit?.name ?? '' };
}

/** Every field a definition collects (start form first), by key: what labels a decision's data. */
function fieldsByKey(def: ProcessDefinition): Map<string, FormField> {
  const fields = new Map<string, FormField>();
  for (const f of def.form) fields.set(f.key, f);
  for (const node of def.nodes)
    if (node.kind === 'approval' || node.kind === 'applicant-task')
      for (const f of node.form ?? []) if (!fields.has(f.key)) fields.set(f.key, f);
  return fields;
}

function actorText(e: TimelineEventDto, lang: DisplayLanguage): string {
  const anonymous = (e.data as { anonymous?: unknown } | null)?.anonymous === true;
  const who = e.actor?.displayName ?? (anonymous ? formWord('anonymous', lang) : formWord('none', lang));
  return e.onBehalfOf ? `${who}${formWord('onBehalfOf', lang, { name: e.onBehalfOf.displayName })}` : who;
}

function eventLabel(type: string, lang: DisplayLanguage): string {
  const spec = (TIMELINE_EVENTS as Record<string, { label: { zh: string; en: string } }>)[type];
  return spec ? spec.label[lang] : formWord('none', lang);
}

/**
 * What each supplement (an applicant task) filled in, by event: its timeline event names the fields
 * but not their values, so the value shown is the case's current one, and only on the latest event
 * that wrote the field (an earlier supplement of the same field would show a value it never gave).
 */
function supplementedValues(
  timeline: TimelineEventDto[],
  caseData: Record<string, unknown>,
): Map<TimelineEventDto, Record<string, unknown>> {
  const claimed = new Set<string>();
  const byEvent = new Map<TimelineEventDto, Record<string, unknown>>();
  for (const e of [...timeline].reverse()) {
    const data = e.data && typeof e.data === 'object' && !Array.isArray(e.data) ? e.data : {};
    const written =
      e.type === 'supplemented'
        ? ((data as { fields?: unknown }).fields ?? [])
        : e.type === 'case-started'
          ? []
          : Object.keys(data);
    if (!Array.isArray(written)) continue;
    const values: Record<string, unknown> = {};
    for (const key of written) {
      if (typeof key !== 'string' || claimed.has(key)) continue;
      claimed.add(key);
      if (e.type === 'supplemented') values[key] = caseData[key];
    }
    if (e.type === 'supplemented') byEvent.set(e, values);
  }
  return byEvent;
}

/** People's events, oldest first, then the steps still waiting for someone. */
function stepsOf(
  detail: CaseDetailDto,
  fields: Map<string, FormField>,
  lang: DisplayLanguage,
  people: PeopleNames,
): ApprovalFormDto['steps'] {
  const supplemented = supplementedValues(detail.timeline, (detail.data ?? {}) as Record<string, unknown>);
  const done = detail.timeline
    .filter((e) => !isSystemEvent(e.type))
    .map((e) => {
      const data =
        supplemented.get(e) ?? (e.data && typeof e.data === 'object' && !Array.isArray(e.data) ? e.data : {});
      // Only what a form labels: the engine's own bookkeeping (numbers, versions, outcomes) stays out.
      const details =
        e.type === 'case-started'
          ? []
          : Object.entries(data as Record<string, unknown>).flatMap(([key, value]) => {
              const field = fields.get(key);
              return field
                ? [{ label: pick(field.label, lang), value: fieldText(field, value, lang, people) }]
                : [];
            });
      return {
        step:
          e.type === 'case-started'
            ? formWord('applicationStep', lang)
            : e.stepName
              ? pick(e.stepName, lang)
              : formWord('none', lang),
        actor: actorText(e, lang),
        decision: eventLabel(e.type, lang),
        comment: e.comment ?? '',
        details,
        time: shanghaiTime(e.at),
      };
    });
  const waiting = detail.tasks
    .filter((t) => t.status === 'open' || t.status === 'claimed')
    .map((t) => ({
      step: pick(t.stepName, lang),
      actor:
        (t.assignee ? [t.assignee] : t.candidates)
          .map((c) => c.displayName)
          .join(lang === 'zh' ? '、' : ', ') || formWord('none', lang),
      decision: formWord('pending', lang),
      comment: '',
      details: [],
      time: formWord('none', lang),
    }));
  return [...done, ...waiting];
}

/** Rows of the QR code's modules, '1' dark, for the page (SVG) and the PDF (rectangles) alike. */
function qrRows(text: string): string[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    let row = '';
    for (let x = 0; x < modules.size; x++) row += modules.get(x, y) ? '1' : '0';
    rows.push(row);
  }
  return rows;
}

/**
 * The approval form (审批单) of a case, built from the same read model as the case page: the caller
 * must be allowed to open the case (404 otherwise) and sees its data masked exactly as there. Both
 * the print page and the PDF are drawn from this one model.
 */
export async function buildApprovalForm(
  db: Kysely<Database>,
  user: AuthUser,
  caseId: string,
  request: ApprovalFormRequest,
): Promise<ApprovalFormDto> {
  const { lang } = request;
  const { row, def, visibility } = await visibleCase(db, user, caseId);
  const [detail, directory, audit] = await Promise.all([
    toCaseDetail(db, row, def, visibility, user),
    orgDirectory(db),
    caseAuditLink(db, row.id),
  ]);
  const people: PeopleNames = new Map(directory.users.map((u) => [u.username, u.displayName]));
  const names = orgNames(directory, row.org_id);
  const fields = fieldsByKey(def);
  const data = (detail.data ?? {}) as Record<string, unknown>;
  const shown = new Set(detail.dataFields.map((f) => (f as { key?: string } | undefined)?.key));
  const status = CASE_STATUSES[detail.status]?.[lang] ?? formWord('none', lang);
  const outcome = detail.outcomeName ? pick(detail.outcomeName, lang) : '';
  const caseUrl = `${request.origin.replace(/\/+$/, '')}/cases/${row.id}`;
  const now = request.now ?? new Date();
  return {
    lang,
    unionName: names.union,
    orgUnitName: names.unit,
    heading: formWord('heading', lang),
    caseId: row.id,
    caseNumber: row.number,
    title: row.title,
    processName: pick(def.name, lang),
    applicant: detail.applicant.displayName,
    status:
      outcome && outcome !== status
        ? `${status}${lang === 'zh' ? `（${outcome}）` : ` (${outcome})`}`
        : status,
    submittedAt: shanghaiTime(detail.createdAt),
    // A field the reader's step hides from them (字段权限) is not on their copy either.
    fields: def.form
      .filter((f) => shown.has(f.key))
      .map((f) => ({
        label: pick(f.label, lang),
        value: fieldText(f, data[f.key], lang, people),
      })),
    steps: stepsOf(detail, fields, lang, people),
    audit: { hash: audit.hash ?? formWord('noAudit', lang), events: audit.events },
    caseUrl,
    qr: qrRows(caseUrl),
    printedAt: shanghaiTime(now),
    printedAtIso: now.toISOString(),
    labels: { ...formWords(lang), auditEvents: formWord('auditEvents', lang, { n: audit.events }) },
  };
}
