import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from './catalog';
import { richExampleDefinition, walkingSkeletonDefinition } from './examples';
import { ProcessDefinitionSchema } from './schema';

describe('ProcessDefinitionSchema', () => {
  it('accepts the example definitions', () => {
    expect(Value.Check(ProcessDefinitionSchema, walkingSkeletonDefinition)).toBe(true);
    expect(Value.Check(ProcessDefinitionSchema, richExampleDefinition)).toBe(true);
  });

  it('is a plain JSON Schema document', () => {
    const json = JSON.parse(JSON.stringify(ProcessDefinitionSchema));
    expect(json.type).toBe('object');
    expect(json.required).toEqual(
      expect.arrayContaining(['key', 'version', 'name', 'form', 'start', 'nodes']),
    );
    // One schema per declared node kind.
    const kinds = json.properties.nodes.items.anyOf.map((n: { properties: { kind: { const: string } } }) =>
      String(n.properties.kind.const),
    );
    expect(kinds.sort()).toEqual(Object.keys(NODE_KINDS).sort());
  });

  it('rejects a node of an unknown kind', () => {
    const def = { ...walkingSkeletonDefinition, nodes: [{ id: 'x', kind: 'teleport', name: { zh: 'x' } }] };
    expect(Value.Check(ProcessDefinitionSchema, def)).toBe(false);
  });
});
