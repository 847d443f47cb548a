import { readableIssues } from './issue-text';
import type { ValidationIssue, ValidationResult } from './issues';
import { titleTemplateIssues } from './title-template';
import type { ProcessDefinition } from './types';
import { fieldIssues } from './validate-fields';
import { limitIssues } from './validate-limits';
import { nodeIssues, type ValidateOptions } from './validate-nodes';
import { parallelIssues } from './validate-parallel';
import { permissionIssues } from './validate-permissions';
import { schemaIssues } from './validate-schema';
import { structureIssues } from './validate-structure';

/**
 * Checks a definition before it is saved or published. Size limits come first and alone (nothing
 * else walks an oversized document), then shape errors, also alone: the
 * deeper checks assume a well-formed document. Field checks run only on a sound graph, since the
 * data-flow analysis they rely on is meaningless on a broken one. Messages name steps by the number
 * their card shows and their name, never by id or JSON path (issue-text.ts).
 */
export function validateDefinition(def: unknown, opts: ValidateOptions): ValidationResult {
  const tooLarge = limitIssues(def);
  if (tooLarge.length > 0) return result(tooLarge);
  const shape = schemaIssues(def);
  if (shape.length > 0) return result(readableIssues(def, shape));
  const definition = def as ProcessDefinition;
  const graph = [...structureIssues(definition), ...parallelIssues(definition)];
  const nodes = [...nodeIssues(definition, opts), ...permissionIssues(definition)];
  const blocking = graph.some((i) => i.code === 'duplicate-node-id' || i.code === 'missing-target');
  const fields = blocking ? [] : fieldIssues(definition);
  const title = titleTemplateIssues(definition);
  return result(readableIssues(definition, [...graph, ...nodes, ...fields, ...title]));
}

function result(errors: ValidationIssue[]): ValidationResult {
  return { ok: errors.length === 0, errors };
}
