import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Text, background and border per status; antd's preset tag colours fall below 4.5:1 contrast.
const BLUE = { color: '#0b4fad', background: '#e6f0ff', borderColor: '#9cc0f5' };
const GREEN = { color: '#1d6b08', background: '#eefbe6', borderColor: '#a6db8f' };
const RED = { color: '#b0101e', background: '#fff0f0', borderColor: '#f3a5a8' };
const AMBER = { color: '#8a4b00', background: '#fff7e6', borderColor: '#f0c78a' };
const GREY = { color: '#434343', background: '#f5f5f5', borderColor: '#d0d0d0' };
/** Accessible tag colours (text ≥ 4.5:1 on its background), for tags that are not statuses. */
export const TONES = { blue: BLUE, green: GREEN, red: RED, amber: AMBER, grey: GREY } as const;

/** A tag in one of the accessible tones. */
export function ToneTag({
  tone,
  children,
  style,
  ...rest
}: { tone: keyof typeof TONES; children: ReactNode; style?: CSSProperties } & Record<
  `data-${string}`,
  string
>) {
  return (
    <Tag style={{ ...TONES[tone], ...style }} {...rest}>
      {children}
    </Tag>
  );
}

const COLORS: Record<string, typeof GREY> = {
  running: BLUE,
  completed: GREEN,
  rejected: RED,
  withdrawn: GREY,
  terminated: AMBER,
  open: AMBER,
  claimed: BLUE,
  cancelled: GREY,
};

/** A coloured, translated tag for a case status (`kind="case"`) or a task status (`kind="task"`). */
export function StatusTag({
  status,
  kind = 'case',
  testId,
}: {
  status: string;
  kind?: 'case' | 'task';
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag style={{ marginInlineEnd: 0, ...(COLORS[status] ?? GREY) }} data-testid={testId}>
      {t(`status.${kind}.${status}`, { defaultValue: status })}
    </Tag>
  );
}
