import type { OrgLevelValue, OrgUnitDto } from '@unionflow/contracts';
import { ProblemAlert } from '@unionflow/ui';
import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgApi } from './org-api';
import { disableIn, type OrgNode, subtreeIds } from './org-tree';
import { useAdminWrite } from './use-admin-write';

/** What the dialog does to the selected unit. */
export type UnitAction = 'add' | 'rename' | 'move';

const LEVELS: OrgLevelValue[] = ['federation', 'district', 'grassroots', 'department'];
const DONE: Record<UnitAction, string> = { add: 'created', rename: 'renamed', move: 'moved' };

interface Values {
  name?: string;
  level?: OrgLevelValue;
  parentId?: string;
}

/** Adds a sub-unit to, renames, or moves the selected unit. */
export function UnitDialog({
  action,
  unit,
  units,
  tree,
  onClose,
}: {
  action: UnitAction;
  unit: OrgUnitDto;
  units: OrgUnitDto[];
  tree: OrgNode[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const write = useAdminWrite(async (v: Values, key: string) => {
    if (action === 'add') {
      return orgApi.createUnit({ parentId: unit.id, name: v.name ?? '', level: v.level }, key);
    }
    if (action === 'rename') return orgApi.updateUnit(unit.id, { version: unit.version, name: v.name }, key);
    return orgApi.updateUnit(unit.id, { version: unit.version, parentId: v.parentId }, key);
  });
  const title = t(`admin.org.${action}`);
  return (
    <Modal
      open
      title={`${title} · ${unit.name}`}
      okText={t('admin.org.save')}
      cancelText={t('admin.org.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: write.isPending, 'data-testid': 'unit-dialog-ok' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="org-unit"
        initialValues={action === 'rename' ? { name: unit.name } : { level: 'grassroots' }}
        onFinish={(v) =>
          write.mutate(v, {
            onSuccess: (saved) => {
              message.success(t(`admin.org.${DONE[action]}`, { name: saved.name }));
              onClose();
            },
          })
        }
      >
        {action !== 'move' && (
          <Form.Item
            name="name"
            label={t('admin.org.name')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input maxLength={100} autoFocus />
          </Form.Item>
        )}
        {action === 'add' && (
          <Form.Item name="level" label={t('admin.org.level')}>
            <Select options={LEVELS.map((l) => ({ value: l, label: t(`admin.org.levels.${l}`) }))} />
          </Form.Item>
        )}
        {action === 'move' && (
          <Form.Item name="parentId" label={t('admin.org.newParent')} rules={[{ required: true }]}>
            <TreeSelect
              treeData={disableIn(tree, subtreeIds(units, unit.id))}
              treeDefaultExpandAll
              showSearch
              treeNodeFilterProp="title"
            />
          </Form.Item>
        )}
      </Form>
      {write.error ? <ProblemAlert error={write.error} /> : null}
    </Modal>
  );
}
