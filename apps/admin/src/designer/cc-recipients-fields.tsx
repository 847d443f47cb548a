import type { ProcessDefinition } from '@unionflow/process-model';
import { UserPicker } from '@unionflow/ui';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { langOf, roleOptions } from './vocabulary-names';

/**
 * The panel of a 抄送 step: the people and the roles it copies (the same `ccUsers` / `ccRoles` values
 * as a step's own 抄送, turned into `recipients` by node-form).
 */
export function CcRecipientsFields({ def }: { def: ProcessDefinition }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Form.Item name="ccUsers" label={t('admin.panel.ccUsers')} extra={t('admin.panel.ccNodeHelp')}>
        <UserPicker multiple data-testid="panel-cc-users" />
      </Form.Item>
      <Form.Item name="ccRoles" label={t('admin.panel.ccRoles')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={roleOptions(def, langOf(i18n.language))}
          data-testid="panel-cc-roles"
        />
      </Form.Item>
    </>
  );
}
