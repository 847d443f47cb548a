import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { type ProcessDefinition, stepNumbers } from '@unionflow/process-model';
import { useLocalText } from '@unionflow/ui';
import { Button, Flex, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AddButton } from './add-button';
import { describeCondition } from './builder/condition-words';
import { definitionFields } from './builder/start-form';
import { CcCard } from './cc-card';
import type { InsertKind } from './flow-edit';
import type { Edge } from './flow-graph';
import { exitEdges, type FlowBranch, type FlowItem } from './flow-layout';
import { StepCard } from './step-card';
import { langOf } from './vocabulary-names';

/** What the flow can ask its owner to do. */
export interface FlowActions {
  insert: (edges: Edge[], kind: InsertKind) => void;
  open: (nodeId: string) => void;
  remove: (nodeId: string) => void;
  addBranch: (blockId: string, target: string | null) => void;
  removeBranch: (blockId: string, index: number) => void;
  removeCc: (nodeId: string) => void;
}

/** An exclusive branch's heading: its label, then its condition in words ("金额 大于 5,000.00 元"). */
function branchHeading(
  b: { label?: { zh: string; en?: string }; condition: unknown } | undefined,
  index: number,
  def: ProcessDefinition,
  text: (t: { zh: string; en?: string }) => string,
  lang: 'zh' | 'en',
): string {
  const label = (b?.label && text(b.label)) || `#${index + 1}`;
  return b ? `${label}：${describeCondition(b.condition, definitionFields(def), lang)}` : label;
}

interface Ctx {
  def: ProcessDefinition;
  issues: Map<string, string[]>;
  actions: FlowActions;
  numbers: Map<string, number>;
  nameOf: (username: string) => string;
}

/** The "+" on some edges: what it adds goes where they lead. */
function AddOn({ edges, ctx, testId }: { edges: Edge[]; ctx: Ctx; testId?: string }) {
  return <AddButton onAdd={(kind) => ctx.actions.insert(edges, kind)} testId={testId} />;
}

const line = <div aria-hidden style={{ margin: '0 auto', width: 2, height: 12, background: '#bfbfbf' }} />;

function Sequence({ items, ctx }: { items: FlowItem[]; ctx: Ctx }) {
  return (
    <>
      {items.map((item, i) => {
        const exits = exitEdges(item);
        const key = item.type === 'goto' ? `goto-${item.target}-${i}` : item.node.id;
        return (
          <div key={key}>
            <ItemView item={item} ctx={ctx} />
            {exits.length > 0 && <AddOn edges={exits} ctx={ctx} testId={`add-after-${key}`} />}
          </div>
        );
      })}
    </>
  );
}

function Columns({ children }: { children: ReactNode }) {
  return (
    <div style={{ overflowX: 'auto', paddingBottom: 4 }}>
      <div
        style={{
          display: 'flex',
          gap: 12,
          width: 'max-content',
          minWidth: '100%',
          justifyContent: 'center',
          borderTop: '2px solid #bfbfbf',
          borderBottom: '2px solid #bfbfbf',
          padding: '0 8px',
        }}
      >
        {children}
      </div>
    </div>
  );
}

function Column({ branch, header, ctx }: { branch: FlowBranch; header: ReactNode; ctx: Ctx }) {
  return (
    <div style={{ width: 220, display: 'flex', flexDirection: 'column' }}>
      {line}
      {header}
      <AddOn edges={[branch.edge]} ctx={ctx} />
      <Sequence items={branch.items} ctx={ctx} />
      <div
        aria-hidden
        style={{ flex: 1, minHeight: 12, margin: '0 auto', width: 2, background: '#bfbfbf' }}
      />
    </div>
  );
}

function BranchHeader({
  label,
  onOpen,
  onRemove,
  removeLabel,
}: {
  label: string;
  onOpen?: () => void;
  onRemove?: () => void;
  removeLabel: string;
}) {
  return (
    <Flex
      align="center"
      gap={4}
      style={{
        background: '#fff',
        borderRadius: 6,
        padding: '4px 8px',
        boxShadow: '0 1px 3px rgba(0,0,0,0.12)',
      }}
    >
      <Button type="link" size="small" onClick={onOpen} style={{ flex: 1, padding: 0, whiteSpace: 'normal' }}>
        {label}
      </Button>
      {onRemove && (
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={removeLabel}
          onClick={onRemove}
        />
      )}
    </Flex>
  );
}

function ItemView({ item, ctx }: { item: FlowItem; ctx: Ctx }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const text = useLocalText();
  const { actions } = ctx;
  if (item.type === 'goto') {
    const target = ctx.def.nodes.find((n) => n.id === item.target);
    return (
      <Typography.Text
        type={item.missing ? 'danger' : 'secondary'}
        style={{ display: 'block', textAlign: 'center' }}
      >
        {item.missing
          ? t('admin.designer.missing', { id: item.target })
          : t('admin.designer.goto', { name: target ? text(target.name) : item.target })}
      </Typography.Text>
    );
  }
  if (item.type === 'step') {
    const { node } = item;
    const card = (
      <StepCard
        node={node}
        number={ctx.numbers.get(node.id)}
        nameOf={ctx.nameOf}
        issues={ctx.issues.get(node.id) ?? []}
        onOpen={() => actions.open(node.id)}
        onRemove={node.kind === 'end' ? undefined : () => actions.remove(node.id)}
      />
    );
    if (node.kind !== 'approval' || node.cc === undefined) return card;
    return (
      <>
        <CcCard
          node={node}
          nameOf={ctx.nameOf}
          onOpen={() => actions.open(node.id)}
          onRemove={() => actions.removeCc(node.id)}
        />
        {line}
        {card}
      </>
    );
  }
  const { node } = item;
  const isExclusive = item.type === 'exclusive';
  const blockIssues = ctx.issues.get(node.id) ?? [];
  return (
    <div data-testid={`flow-${item.type}`} data-node-id={node.id}>
      <Flex justify="center" gap={8} wrap>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            isExclusive ? actions.addBranch(node.id, item.merge) : actions.addBranch(node.id, null)
          }
        >
          {isExclusive ? t('admin.designer.addBranch') : t('admin.designer.addParallel')}
        </Button>
        <Button size="small" onClick={() => actions.open(node.id)}>
          {text(node.name) || t(`admin.kinds.${item.type}`)}
        </Button>
        <Button
          size="small"
          danger
          icon={<CloseOutlined />}
          aria-label={`${t('admin.designer.removeStep')} ${text(node.name)}`}
          onClick={() => actions.remove(node.id)}
        />
      </Flex>
      {blockIssues.length > 0 && (
        <Typography.Text type="danger" style={{ display: 'block', textAlign: 'center', fontSize: 12 }}>
          {blockIssues[0]}
        </Typography.Text>
      )}
      {line}
      <Columns>
        {item.branches.map((branch) => {
          let label: string;
          if (item.type === 'exclusive') {
            label =
              branch.index < 0
                ? t('admin.designer.defaultBranch')
                : branchHeading(item.node.branches[branch.index], branch.index, ctx.def, text, lang);
          } else {
            label = t('admin.designer.parallelBranch', { n: branch.index + 1 });
          }
          const removable = branch.index >= 0 && (item.type === 'exclusive' || item.node.branches.length > 2);
          return (
            <Column
              key={`${branch.index}`}
              branch={branch}
              ctx={ctx}
              header={
                <BranchHeader
                  label={label}
                  onOpen={() => actions.open(node.id)}
                  onRemove={removable ? () => actions.removeBranch(node.id, branch.index) : undefined}
                  removeLabel={`${t('admin.designer.removeBranch')} ${label}`}
                />
              }
            />
          );
        })}
      </Columns>
      {line}
    </div>
  );
}

/** The whole flow, top to bottom, starting with the applicant's submission. */
export function FlowView({
  def,
  items,
  issues,
  actions,
  nameOf,
}: {
  def: ProcessDefinition;
  items: FlowItem[];
  issues: Map<string, string[]>;
  actions: FlowActions;
  nameOf: (username: string) => string;
}) {
  const { t } = useTranslation();
  const numbers = useMemo(() => stepNumbers(def), [def]);
  const ctx: Ctx = { def, issues, actions, numbers, nameOf };
  return (
    <div data-testid="flow" style={{ background: '#f5f5f5', borderRadius: 8, padding: '16px 8px' }}>
      <div
        style={{
          width: 240,
          maxWidth: '100%',
          margin: '0 auto',
          textAlign: 'center',
          background: '#434343',
          color: '#fff',
          borderRadius: 8,
          padding: '8px 10px',
        }}
      >
        {t('admin.designer.startLabel')}
      </div>
      <AddOn edges={[{ from: null }]} ctx={ctx} testId="add-at-start" />
      <Sequence items={items} ctx={ctx} />
    </div>
  );
}
