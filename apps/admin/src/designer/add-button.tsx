import { PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { INSERT_KINDS, type InsertKind } from './flow-edit';

/** The round "+" between two steps; its menu picks what to insert there. */
export function AddButton({ onAdd, testId }: { onAdd: (kind: InsertKind) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', position: 'relative', padding: '6px 0' }}>
      <div
        aria-hidden
        style={{ position: 'absolute', top: 0, bottom: 0, left: '50%', borderLeft: '2px solid #bfbfbf' }}
      />
      <Dropdown
        trigger={['click']}
        menu={{
          items: INSERT_KINDS.map((k) => ({
            key: k,
            label: t(`admin.kinds.${k}`),
            'data-testid': `add-${k}`,
          })),
          onClick: ({ key }) => onAdd(key as InsertKind),
        }}
      >
        <Button
          shape="circle"
          type="primary"
          size="small"
          icon={<PlusOutlined />}
          aria-label={t('admin.designer.add')}
          data-testid={testId ?? 'add-step'}
        />
      </Dropdown>
    </div>
  );
}
