import { CloseOutlined } from '@ant-design/icons';
import type { ApprovalNode } from '@unionflow/process-model';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ccText } from './node-summary';

/**
 * The 抄送人 card DingTalk shows as a step of its own. The engine copies people when an approval step
 * opens (`cc` on that step), so the card stands just above the step it belongs to: people are copied
 * when the case reaches that step (ADR 026).
 */
export function CcCard({
  node,
  onOpen,
  onRemove,
  nameOf,
}: {
  node: ApprovalNode;
  nameOf?: (username: string) => string;
  onOpen: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const cc = node.cc ?? [];
  return (
    <div
      data-testid="flow-cc"
      data-node-id={node.id}
      style={{
        width: 240,
        maxWidth: '100%',
        margin: '0 auto',
        background: '#fff',
        borderRadius: 8,
        boxShadow: '0 1px 4px rgba(0,0,0,0.12)',
        border: cc.length === 0 ? '2px solid #c41d1d' : '2px solid transparent',
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          background: '#1f5f8b',
          color: '#fff',
          padding: '4px 8px',
          fontSize: 12,
          display: 'flex',
          alignItems: 'center',
          gap: 4,
        }}
      >
        <span style={{ flex: 1 }}>{t('admin.kinds.cc')}</span>
        <Button
          type="text"
          size="small"
          aria-label={t('admin.cc.remove')}
          icon={<CloseOutlined style={{ color: '#fff' }} />}
          onClick={onRemove}
          style={{ height: 20, width: 20, minWidth: 20 }}
        />
      </div>
      <button
        type="button"
        onClick={onOpen}
        aria-label={t('admin.cc.edit')}
        style={{
          all: 'unset',
          display: 'block',
          boxSizing: 'border-box',
          width: '100%',
          padding: '8px 10px',
          cursor: 'pointer',
          fontSize: 12,
          color: cc.length === 0 ? '#c41d1d' : 'rgba(0,0,0,0.66)',
          overflowWrap: 'anywhere',
        }}
      >
        {ccText(cc, t, i18n.language, nameOf)}
      </button>
    </div>
  );
}
