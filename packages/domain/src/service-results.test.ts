import type { Label } from '@unionflow/process-model/catalog';
import {
  type DisplayLanguage,
  formatResult,
  type ResultFieldSpec,
  type ResultScalarSpec,
  type ResultSchema,
} from '@unionflow/process-model/display';
import { describe, expect, it } from 'vitest';
import { domainDefinitions } from './definitions';
import { SERVICE_ACTION_NAMES, SERVICE_ACTIONS } from './service-actions';
import {
  SAMPLE_FEN as FEN,
  SAMPLE_SECRET as SECRET,
  resultSamples as samples,
} from './service-result-samples';

/** Every key a schema declares, at any depth (record fields of lists included). */
function keysOf(fields: Record<string, ResultFieldSpec>): string[] {
  return Object.entries(fields).flatMap(([k, f]) => [
    k,
    ...(f.type === 'list' && f.of.type === 'record' ? keysOf(f.of.fields) : []),
  ]);
}

/** Every label a schema declares: keys, enum codes, units, bands. */
function labelsOf(schema: ResultSchema): [string, Label | undefined][] {
  const walk = (path: string, f: ResultFieldSpec | ResultScalarSpec): [string, Label | undefined][] => {
    const out: [string, Label | undefined][] = 'label' in f ? [[path, f.label]] : [];
    const inner = f.type === 'list' ? f.of : f;
    if (inner.type === 'record')
      for (const [k, sub] of Object.entries(inner.fields)) out.push(...walk(`${path}.${k}`, sub));
    else {
      for (const [code, l] of Object.entries(inner.options ?? {})) out.push([`${path}=${code}`, l]);
      if (inner.unit) out.push([`${path} unit`, inner.unit]);
    }
    return out;
  };
  return [
    ...Object.entries(schema.fields).flatMap(([k, f]) => walk(k, f)),
    ...(schema.bands ?? []).map((b): [string, Label] => [`band ${b.min}–${b.max}`, b.label]),
  ];
}

const CODE = /[a-z]+[A-Z-][a-z]/;

function shown(schema: ResultSchema, lang: DisplayLanguage): string[] {
  return samples(schema).flatMap((s) => formatResult(schema, s, lang).flatMap((r) => [r.label, r.value]));
}

describe('service results as people read them', () => {
  it('every key, code and unit of every service action has a zh and an en label', () => {
    for (const name of SERVICE_ACTION_NAMES) {
      const { zh, en, result } = SERVICE_ACTIONS[name];
      expect(zh && en, name).toBeTruthy();
      expect(Object.keys(result.fields).length, `${name} declares its result`).toBeGreaterThan(0);
      for (const [where, l] of labelsOf(result)) {
        expect(l?.zh?.trim(), `${name} ${where} zh`).toBeTruthy();
        expect(l?.en?.trim(), `${name} ${where} en`).toBeTruthy();
      }
      for (const band of result.bands ?? []) {
        expect(result.fields[band.min]?.type, `${name} band min`).toBe('money');
        expect(result.fields[band.max]?.type, `${name} band max`).toBe('money');
      }
    }
  });

  it('a zh-CN reader of any seeded case page sees no key, code, internal id or amount in fen', () => {
    let checked = 0;
    for (const def of domainDefinitions) {
      for (const node of def.nodes) {
        if (node.kind !== 'service' || !node.resultKey) continue;
        const { result } = SERVICE_ACTIONS[node.action as keyof typeof SERVICE_ACTIONS];
        const keys = keysOf(result.fields);
        for (const text of shown(result, 'zh')) {
          const where = `${def.key} ${node.id}: ${text}`;
          expect(text, where).not.toMatch(/[A-Za-z]/);
          expect(text, where).not.toMatch(CODE);
          for (const fen of FEN) {
            expect(text, where).not.toContain(String(fen));
            expect(text, where).not.toContain(fen.toLocaleString('en-US'));
          }
          for (const key of keys) expect(text, where).not.toContain(key);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('an English reader sees labels and yuan, never keys, codes or fen', () => {
    for (const name of SERVICE_ACTION_NAMES) {
      const { result } = SERVICE_ACTIONS[name];
      // English words may be hyphenated ("Per-capita"); codes are camelCase keys or kebab-case codes.
      const codes = [
        ...keysOf(result.fields),
        ...labelsOf(result).map(([where]) => where.split('=')[1]),
      ].filter((c): c is string => !!c && /[A-Z-]/.test(c));
      for (const text of shown(result, 'en')) {
        expect(text, `${name}: ${text}`).not.toMatch(/\b[a-z]+[A-Z][a-z]/);
        for (const code of codes) expect(text, `${name}: ${text}`).not.toContain(code);
        expect(text, `${name}: ${text}`).not.toContain(SECRET);
        for (const fen of FEN) expect(text, `${name}: ${text}`).not.toContain(fen.toLocaleString('en-US'));
      }
    }
  });

  it('reads the award band, an admission check and a referral as the union words them', () => {
    const zh = (name: keyof typeof SERVICE_ACTIONS, value: unknown) =>
      formatResult(SERVICE_ACTIONS[name].result, value, 'zh').map((r) => `${r.label}：${r.value}`);
    expect(zh('innovation.award-band', { tier: 'breakthrough', min: 5_000_000, max: 30_000_000 })).toEqual([
      '提案层级：攻关项目',
      '奖励区间：5 万–30 万元',
    ]);
    expect(
      zh('hardship.check-admission', {
        eligible: true,
        met: ['condSeriousIllness'],
        excludedBy: [],
        unclear: [],
      }),
    ).toEqual([
      '符合建档条件：是',
      '符合的建档条件：本人或家庭成员患大病重病，自付医疗费用超出家庭承受能力',
      '不符合建档的情形：—',
      '尚未核实清楚：—',
    ]);
    expect(zh('dispute.arbitration-summary', { reason: 'mediation-failed', summary: '摘要' })[0]).toBe(
      '移送原因：经调解未能达成和解协议',
    );
    expect(
      zh('payment.disburse', { paymentId: 'c:n', payeeId: 'u', amountFen: 50_000_00, status: 'paid' }),
    ).toEqual(['金额：5 万元', '发放状态：已发放']);
  });
});
