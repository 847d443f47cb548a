import { CloseOutlined, WarningFilled } from '@ant-design/icons';
import type { ProcessNode } from '@unionflow/process-model';
import { useLocalText } from '@unionflow/ui';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_COLORS, nodeSummary } from './node-summary';

/** A step in the vertical flow: coloured header with the kind and name, a summary, issues in red. */
export function StepCard({
  node,
  issues,
  onOpen,
  onRemove,
  extra,
  number,
  nameOf,
}: {
  node: ProcessNode;
  /** A named person's name, for the summary line. */
  nameOf?: (username: string) => string;
  /** The step's number in reading order, as validation messages name it ("第 3 步"). */
  number?: number;
  issues: string[];
  onOpen?: () => void;
  onRemove?: () => void;
  extra?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const text = useLocalText();
  const color = KIND_COLORS[node.kind] ?? '#434343';
  const title = text(node.name) || node.id;
  return (
    <div
      data-testid="flow-step"
      data-node-id={node.id}
      style={{
        width: 240,
        maxWidth: '100%',
        margin: '0 auto',
        background: '#fff',
        borderRadius: 8,
        boxShadow: '0 1px 4px rgba(0,0,0,0.12)',
        border: issues.length ? '2px solid #c41d1d' : '2px solid transparent',
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          background: color,
          color: '#fff',
          padding: '4px 8px',
          fontSize: 12,
          display: 'flex',
          alignItems: 'center',
          gap: 4,
        }}
      >
        <span style={{ flex: 1 }}>
          {number !== undefined && `${t('admin.designer.stepNo', { n: number })} · `}
          {t(`admin.kinds.${node.kind}`)}
        </span>
        {onRemove && (
          <Button
            type="text"
            size="small"
            aria-label={`${t('admin.designer.removeStep')} ${title}`}
            icon={<CloseOutlined style={{ color: '#fff' }} />}
            onClick={onRemove}
            style={{ height: 20, width: 20, minWidth: 20 }}
          />
        )}
      </div>
      <button
        type="button"
        onClick={onOpen}
        disabled={!onOpen}
        aria-label={`${t('admin.designer.edit')} ${title}`}
        style={{
          all: 'unset',
          display: 'block',
          boxSizing: 'border-box',
          width: '100%',
          padding: '8px 10px',
          cursor: onOpen ? 'pointer' : 'default',
        }}
      >
        <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{title}</div>
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.66)', overflowWrap: 'anywhere' }}>
          {nodeSummary(node, t, i18n.language, nameOf)}
        </div>
        {issues.length > 0 && (
          <Tooltip title={issues.join('\n')}>
            <div style={{ fontSize: 12, color: '#c41d1d', marginTop: 4 }}>
              <WarningFilled /> {issues[0]}
            </div>
          </Tooltip>
        )}
      </button>
      {extra}
    </div>
  );
}
