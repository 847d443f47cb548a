import { SearchOutlined } from '@ant-design/icons';
import type { ProcessSummaryDto } from '@unionflow/contracts';
import { useLocalText } from '@unionflow/ui';
import { Empty, Flex, Input, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupProcesses } from './process-groups';
import { DEPARTMENT_ORDER, iconFor } from './process-icons';

// auto-fill with a small minimum: four tiles a row at 375 px, more on a wide screen.
const GRID: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(76px, 1fr))',
  gap: 8,
};
const TILE: React.CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  gap: 6,
  padding: '10px 2px',
  border: 'none',
  borderRadius: 8,
  background: 'transparent',
  cursor: 'pointer',
  minHeight: 88,
  font: 'inherit',
  color: 'inherit',
};
const ICON: React.CSSProperties = {
  fontSize: 22,
  color: '#fff',
  borderRadius: 10,
  width: 44,
  height: 44,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
};

/** 发起申请's app grid: a search box, then each department's processes as icon tiles. */
export function ProcessGrid({
  processes,
  onPick,
}: {
  processes: ProcessSummaryDto[];
  onPick: (key: string) => void;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  const { token } = theme.useToken();
  const [query, setQuery] = useState('');
  const groups = groupProcesses(processes, query, DEPARTMENT_ORDER);
  return (
    <Flex vertical gap={12}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('processGrid.search')}
        aria-label={t('processGrid.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="process-search"
      />
      {groups.length === 0 && query.trim() !== '' && (
        <Empty description={t('processGrid.noMatch', { q: query.trim() })} />
      )}
      {groups.map((g) => (
        <section key={g.department} data-testid={`process-group-${g.department}`}>
          <Typography.Title level={5} style={{ margin: '0 0 4px' }}>
            {t(`nav.remotes.${g.department}`, { defaultValue: g.department })}
          </Typography.Title>
          <div style={GRID}>
            {g.processes.map((p) => {
              const Icon = iconFor(p);
              return (
                <button
                  type="button"
                  key={p.key}
                  style={TILE}
                  onClick={() => onPick(p.key)}
                  data-testid={`process-tile-${p.key}`}
                >
                  <span style={{ ...ICON, background: token.colorPrimary }} aria-hidden>
                    <Icon />
                  </span>
                  <span
                    style={{ fontSize: 12, lineHeight: 1.3, textAlign: 'center', overflowWrap: 'anywhere' }}
                  >
                    {text(p.name)}
                  </span>
                </button>
              );
            })}
          </div>
        </section>
      ))}
    </Flex>
  );
}
