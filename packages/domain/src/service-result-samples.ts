import type { ResultFieldSpec, ResultScalarSpec, ResultSchema } from '@unionflow/process-model/display';

/** Amounts in fen no reader may see verbatim (only in yuan). */
export const SAMPLE_FEN = [12_345_678, 5_000_000];
/** What a hidden key holds in the samples: it must never be shown. */
export const SAMPLE_SECRET = 'internalRefValue';

function scalarSample(spec: ResultScalarSpec, i: number): unknown {
  switch (spec.type) {
    case 'money':
      return SAMPLE_FEN[i % SAMPLE_FEN.length];
    case 'enum': {
      const codes = Object.keys(spec.options ?? {});
      return codes[i % codes.length];
    }
    case 'boolean':
      return i % 2 === 0;
    case 'date':
      return '2026-03-01';
    case 'datetime':
      return '2026-03-01T06:05:00.000Z';
    case 'number':
      return 3 + i;
    case 'text':
      return '示例内容';
  }
}

/** The i-th sample of a field: enums cycle through every code, lists hold every code at once. */
function fieldSample(spec: ResultFieldSpec, i: number): unknown {
  if (spec.hidden) return SAMPLE_SECRET;
  if (spec.type !== 'list') return scalarSample(spec, i);
  const of = spec.of;
  if (of.type === 'record')
    return [0, 1].map((j) =>
      Object.fromEntries(Object.entries(of.fields).map(([k, f]) => [k, fieldSample(f, i + j)])),
    );
  if (of.type === 'enum') return Object.keys(of.options ?? {});
  return [scalarSample(of, i), scalarSample(of, i + 1)];
}

/**
 * Sample results of a schema for tests that render them: enough that every enum code of every key
 * is taken once, every amount in fen, hidden keys holding a marker.
 */
export function resultSamples(schema: ResultSchema): Record<string, unknown>[] {
  const codes = (f: ResultFieldSpec): number => {
    const inner = f.type === 'list' ? f.of : f;
    if (inner.type === 'record') return Math.max(0, ...Object.values(inner.fields).map(codes));
    return Object.keys(inner.options ?? {}).length;
  };
  const n = Math.max(2, ...Object.values(schema.fields).map(codes));
  return Array.from({ length: n }, (_, i) =>
    Object.fromEntries(Object.entries(schema.fields).map(([k, f]) => [k, fieldSample(f, i)])),
  );
}
