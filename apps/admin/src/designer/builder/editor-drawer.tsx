import type { ProcessDefinition } from '@unionflow/process-model';
import { Button, Drawer, Grid } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a drawer editing part of the whole definition takes: edits flow out through onChange. */
export interface DefinitionEditorProps {
  open: boolean;
  def: ProcessDefinition;
  onChange: (def: ProcessDefinition) => void;
  onClose: () => void;
}

/**
 * The designer's side drawer: a fixed width from md up, the whole screen on a phone, and one 完成
 * button that closes it (edits apply as they are made, so there is nothing to confirm).
 */
export function EditorDrawer({
  open,
  onClose,
  title,
  width,
  doneTestId,
  destroyOnHidden,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Pixels from md up. */
  width: number;
  /** The done button's test id. */
  doneTestId: string;
  destroyOnHidden?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md ?? false;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={wide ? width : '100%'}
      destroyOnHidden={destroyOnHidden}
      footer={
        <Button type="primary" block onClick={onClose} data-testid={doneTestId}>
          {t('admin.panel.done')}
        </Button>
      }
    >
      {children}
    </Drawer>
  );
}
