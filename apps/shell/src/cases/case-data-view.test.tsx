import type { CaseDetailDto } from '@unionflow/contracts';
import {
  domainDefinitions,
  resultSamples,
  SAMPLE_FEN,
  SAMPLE_SECRET,
  SERVICE_ACTIONS,
  type ServiceActionName,
} from '@unionflow/domain';
import { addTranslations, initI18n } from '@unionflow/ui/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { shellResources } from '../i18n/shell-resources';
import { CaseDataView } from './case-data-view';

type ProcessDefinition = (typeof domainDefinitions)[number];

const i18n = initI18n();
beforeAll(() => addTranslations(shellResources));

/** What the gateway sends as `dataFields` (forms, then each service step's result with its schema). */
function dataFieldsOf(def: ProcessDefinition): unknown[] {
  const fields: unknown[] = [...def.form];
  for (const node of def.nodes) {
    if (node.kind === 'approval' || node.kind === 'applicant-task') fields.push(...(node.form ?? []));
    if (node.kind === 'service' && node.resultKey)
      fields.push({
        key: node.resultKey,
        label: node.name,
        type: 'result',
        action: node.action,
        result: SERVICE_ACTIONS[node.action as ServiceActionName].result,
      });
  }
  return fields;
}

/** Every page of a process: page i holds the i-th sample of each stored result. */
function pages(def: ProcessDefinition): CaseDetailDto[] {
  const stored = def.nodes.flatMap((n) => (n.kind === 'service' && n.resultKey ? [n] : []));
  const samples = stored.map((n) => resultSamples(SERVICE_ACTIONS[n.action as ServiceActionName].result));
  const count = Math.max(0, ...samples.map((s) => s.length));
  return Array.from({ length: count }, (_, i) => ({
    id: 'case-1',
    tasks: [],
    revealable: [],
    dataFields: dataFieldsOf(def),
    data: Object.fromEntries(
      stored.map((n, j) => [n.resultKey, samples[j]?.[i % (samples[j]?.length ?? 1)]]),
    ),
  })) as unknown as CaseDetailDto[];
}

/** The text a reader sees: the markup without tags, one text node a line. */
function visibleText(detail: CaseDetailDto): string[] {
  return renderToStaticMarkup(<CaseDataView detail={detail} />)
    .replace(/<[^>]+>/g, '\n')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

const withResults = domainDefinitions.filter((d) => d.nodes.some((n) => n.kind === 'service' && n.resultKey));

describe('the case page reads service results', () => {
  it('a zh-CN reader sees no key, code, id or amount in fen on any seeded process', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(withResults.length).toBeGreaterThan(5);
    for (const def of withResults) {
      for (const detail of pages(def)) {
        const text = visibleText(detail);
        expect(text.length, def.key).toBeGreaterThan(0);
        for (const line of text) {
          expect(line, `${def.key}: ${line}`).not.toMatch(/[A-Za-z]/);
          expect(line, `${def.key}: ${line}`).not.toMatch(/[a-z]+[A-Z-][a-z]/);
          for (const fen of SAMPLE_FEN) {
            expect(line).not.toContain(String(fen));
            expect(line).not.toContain(fen.toLocaleString('en-US'));
          }
        }
      }
    }
  });

  it('reads the award band as the union words it, in either language', async () => {
    const innovation = withResults.find((d) => d.key === 'innovation-proposal')!;
    const detail = {
      ...pages(innovation)[0]!,
      data: { awardBand: { tier: 'breakthrough', min: 5_000_000, max: 30_000_000 } },
    };
    await i18n.changeLanguage('zh-CN');
    expect(visibleText(detail)).toEqual([
      '确定奖励区间',
      '提案层级：',
      '攻关项目',
      '奖励区间：',
      '5 万–30 万元',
    ]);
    await i18n.changeLanguage('en');
    expect(visibleText(detail)).toEqual([
      'Determine the award band',
      'Tier：',
      'Breakthrough project',
      'Award band：',
      '50,000–300,000 yuan',
    ]);
    await i18n.changeLanguage('zh-CN');
  });

  it('never shows a hidden key, even when the data still holds it', async () => {
    for (const def of withResults)
      for (const detail of pages(def)) expect(visibleText(detail).join('\n')).not.toContain(SAMPLE_SECRET);
  });
});
