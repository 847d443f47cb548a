import { Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Room the fixed bar takes at the bottom of a phone's screen; the page leaves as much empty below. */
export const DECISION_BAR_HEIGHT = 72;

/**
 * A phone's decision bar: fixed at the bottom, large buttons within thumb reach, so the case's content
 * reads first and the decision comes after. Tapping a decision opens the sheet below.
 */
export function DecisionBar({ children }: { children: ReactNode }) {
  return (
    <div
      data-testid="decision-bar"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        zIndex: 100,
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.06)',
        padding: '12px 12px calc(12px + env(safe-area-inset-bottom))',
      }}
    >
      <Flex gap={8}>{children}</Flex>
    </div>
  );
}

/**
 * The bottom sheet a phone decides in: the step's own fields and the one comment box (`children`, kept
 * mounted so the form keeps what was typed when the sheet closes), and the decision's confirm button.
 */
export function DecisionSheet({
  open,
  title,
  confirm,
  onClose,
  children,
}: {
  open: boolean;
  title: ReactNode;
  confirm: ReactNode;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      placement="bottom"
      size="auto"
      title={title}
      onClose={onClose}
      forceRender
      data-testid="decision-sheet"
      styles={{
        wrapper: { maxHeight: '90vh' },
        section: { borderRadius: '12px 12px 0 0' },
        body: { paddingBlock: 12 },
      }}
      footer={
        <Flex gap={8}>
          <Button size="large" style={{ flex: 1 }} onClick={onClose}>
            {t('action.cancel')}
          </Button>
          {confirm}
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
