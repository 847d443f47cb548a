import type { OrgUnitDto } from '@unionflow/contracts';

/** A unit with its children, as antd's Tree and TreeSelect take them. */
export interface OrgNode {
  key: string;
  value: string;
  title: string;
  unit: OrgUnitDto;
  disabled?: boolean;
  children: OrgNode[];
}

/**
 * Nests the flat unit list under `rootId`. Units whose parent is not in the list hang off the root's
 * level, so nothing the server sent is ever hidden.
 */
export function buildOrgTree(units: OrgUnitDto[], rootId: string): OrgNode[] {
  const nodes = new Map<string, OrgNode>(
    units.map((unit) => [unit.id, { key: unit.id, value: unit.id, title: unit.name, unit, children: [] }]),
  );
  const roots: OrgNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.id === rootId || !unit.parentId ? undefined : nodes.get(unit.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: OrgNode, b: OrgNode) => a.title.localeCompare(b.title, 'zh-CN');
  const sort = (list: OrgNode[]) => {
    list.sort(byName);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The unit and every unit below it: where it may not be moved to. */
export function subtreeIds(units: OrgUnitDto[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** The same tree with the given units greyed out (a move target picker). */
export function disableIn(nodes: OrgNode[], ids: Set<string>): OrgNode[] {
  return nodes.map((n) => ({ ...n, disabled: ids.has(n.key), children: disableIn(n.children, ids) }));
}
