import type { OrgUnitDto } from '@unionflow/contracts';
import { describe, expect, it } from 'vitest';
import { buildOrgTree, disableIn, subtreeIds } from './org-tree';

const unit = (id: string, parentId: string | null, name = id): OrgUnitDto => ({
  id,
  parentId,
  name,
  level: 'grassroots',
  version: 1,
  activeUsers: 0,
});

const units = [
  unit('city', null, '市总'),
  unit('district', 'city', '区总'),
  unit('steel', 'district', '钢厂'),
  unit('mine', 'district', '矿山'),
  unit('shop', 'steel', '车间'),
];

describe('the org tree', () => {
  it('nests units under the admin root, children by name', () => {
    const tree = buildOrgTree(units, 'city');
    expect(tree.map((n) => n.key)).toEqual(['city']);
    const district = tree[0]!.children[0]!;
    expect(district.children.map((n) => n.title)).toEqual(['钢厂', '矿山']);
    expect(district.children[0]!.children.map((n) => n.key)).toEqual(['shop']);
  });

  it('starts at a sub-unit when the admin manages only part of the tree', () => {
    const tree = buildOrgTree(units.slice(1), 'district');
    expect(tree.map((n) => n.key)).toEqual(['district']);
  });

  it('knows a unit with its descendants, which a move may not target', () => {
    expect([...subtreeIds(units, 'steel')].sort()).toEqual(['shop', 'steel']);
    const tree = disableIn(buildOrgTree(units, 'city'), subtreeIds(units, 'steel'));
    const district = tree[0]!.children[0]!;
    expect(district.disabled).toBe(false);
    expect(district.children[0]!.disabled).toBe(true);
    expect(district.children[0]!.children[0]!.disabled).toBe(true);
  });
});
