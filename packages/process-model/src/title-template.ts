import { moneyText } from './display/money-text';
import { issue, type ValidationIssue } from './issues';
import type { FieldType, FormField, ProcessDefinition } from './types';

/**
 * A case's title from the definition's template, so a department list tells cases apart
 * ("张伟·拖欠工资·某某机械厂" rather than ten rows of "劳动争议调解 - 张伟"). Placeholders are
 * `{applicant}` (the applicant's name), `{process}` (the process name) and start-form field keys.
 */
const TOKEN = /\{([A-Za-z][A-Za-z0-9_-]*)\}/g;
const BUILT_IN = new Set(['applicant', 'process']);
/** Field types a title can show: short values everyone on the case may read. */
const TITLE_TYPES = new Set<FieldType>(['text', 'number', 'money', 'date', 'select', 'boolean']);
const MAX_TITLE = 200;

/**
 * Whether a title may show a start-form field: short, not household data, and seen by every step
 * (a step that hides it from its reviewers would still show it to them in the title).
 */
export function titleMayShow(def: ProcessDefinition, field: FormField): boolean {
  const hiddenSomewhere = def.nodes.some(
    (n) => 'fieldPermissions' in n && n.fieldPermissions?.[field.key] === 'hidden',
  );
  return !field.sensitive && !field.revealOnly && !hiddenSomewhere && TITLE_TYPES.has(field.type);
}

/** The placeholders a template names, in order. */
export function titlePlaceholders(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((m) => m[1] as string);
}

/**
 * Problems with a definition's title template, worded for the admin: an unknown field, or one a title
 * may not show (household data is masked for most readers, and titles show in every list).
 */
export function titleTemplateIssues(def: ProcessDefinition): ValidationIssue[] {
  const template = def.titleTemplate;
  if (template === undefined) return [];
  const names = titlePlaceholders(template);
  if (names.length === 0)
    return [
      issue(
        'invalid-title-template',
        '标题模板至少要包含一个字段，如 {applicant}·{disputeType}',
        'The title template must name at least one field, e.g. {applicant}·{disputeType}.',
      ),
    ];
  return names.flatMap((name) => {
    if (BUILT_IN.has(name)) return [];
    const field = def.form.find((f) => f.key === name);
    if (!field)
      return [
        issue(
          'invalid-title-template',
          `标题模板中的「${name}」不是申请表中的字段`,
          `The title template names "${name}", which is not a start-form field.`,
        ),
      ];
    if (!titleMayShow(def, field))
      return [
        issue(
          'invalid-title-template',
          `标题模板不能使用「${field.label.zh}」：标题在各列表中人人可见，只能用简短、非敏感、各步骤都可见的字段`,
          `The title template cannot show "${field.label.en ?? field.label.zh}": titles show in every list, so only short, non-sensitive fields every step may see fit.`,
        ),
      ];
    return [];
  });
}

/** A field's value as a title shows it, in Chinese (titles are written once, in the case's language). */
function valueText(def: ProcessDefinition, key: string, value: unknown): string {
  const field = def.form.find((f) => f.key === key);
  if (value === undefined || value === null || value === '') return '';
  if (field?.type === 'select') {
    const label = (v: unknown) => field.options?.find((o) => o.value === v)?.label.zh ?? String(v);
    return Array.isArray(value) ? value.map(label).join('、') : label(value);
  }
  if (field?.type === 'money' && typeof value === 'number') return moneyText(value, 'zh');
  if (field?.type === 'boolean') return value === true ? '是' : '否';
  return String(value).trim();
}

/**
 * The title of a new case: the template filled in (empty parts and their separators dropped), or
 * null when the definition has none or nothing in it has a value.
 */
export function renderCaseTitle(
  def: ProcessDefinition,
  data: Record<string, unknown>,
  applicantName: string,
): string | null {
  if (!def.titleTemplate) return null;
  let filled = 0;
  const text = def.titleTemplate.replace(TOKEN, (_, name: string) => {
    const value =
      name === 'applicant'
        ? applicantName
        : name === 'process'
          ? def.name.zh
          : valueText(def, name, data[name]);
    if (value) filled++;
    return value;
  });
  if (filled === 0) return null;
  // "张伟··某厂" when a field was left empty: collapse the doubled separator, trim the ends.
  const tidy = text
    .replace(/([·\-—|/、，,\s])\1+/g, '$1')
    .replace(/^[·\-—|/、，,\s]+|[·\-—|/、，,\s]+$/g, '')
    .trim();
  return tidy.slice(0, MAX_TITLE) || null;
}
