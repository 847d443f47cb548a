import type { AdminUserDto, CreateUserBody, RoleInfoDto } from '@unionflow/contracts';
import { ProblemAlert, UserPicker, useLocalText } from '@unionflow/ui';
import { App, Button, Drawer, Form, Grid, Input, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgApi } from './org-api';
import type { OrgNode } from './org-tree';
import { useAdminWrite } from './use-admin-write';

type Values = Partial<CreateUserBody> & { superior?: string };

/** Only what changed goes to the server, so a concurrent edit of another field is not overwritten. */
function changesOf(user: AdminUserDto, v: Values) {
  const roles = [...(v.roles ?? [])].sort();
  return {
    version: user.version,
    ...(v.displayName !== undefined && v.displayName.trim() !== user.displayName
      ? { displayName: v.displayName.trim() }
      : {}),
    ...(v.orgId !== undefined && v.orgId !== user.org.id ? { orgId: v.orgId } : {}),
    ...(roles.join() !== [...user.roles].sort().join() ? { roles } : {}),
    ...((v.superior || null) !== (user.superior?.username ?? null) ? { superior: v.superior || null } : {}),
  };
}

/** Creates a user (`user` null) or edits one: name, unit picked from the tree, roles from the catalogue. */
export function UserDrawer({
  user,
  tree,
  roles,
  onClose,
}: {
  user: AdminUserDto | null;
  tree: OrgNode[];
  roles: RoleInfoDto[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().sm ?? false;
  const [form] = Form.useForm<Values>();
  const write = useAdminWrite((v: Values, key: string) =>
    user
      ? orgApi.updateUser(user.username, changesOf(user, v), key)
      : orgApi.createUser(
          {
            username: (v.username ?? '').trim(),
            displayName: (v.displayName ?? '').trim(),
            orgId: v.orgId ?? '',
            roles: v.roles ?? [],
            password: v.password ?? '',
          },
          key,
        ),
  );
  const initialValues: Values = user
    ? {
        displayName: user.displayName,
        orgId: user.org.id,
        roles: user.roles,
        superior: user.superior?.username,
      }
    : { roles: ['member'] };

  return (
    <Drawer
      open
      onClose={onClose}
      title={user ? t('admin.users.editTitle', { name: user.displayName }) : t('admin.users.createTitle')}
      size={wide ? 480 : '100%'}
      destroyOnHidden
      footer={
        <Button
          type="primary"
          block
          loading={write.isPending}
          onClick={() => form.submit()}
          data-testid="user-save"
        >
          {t('admin.users.save')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="user"
        initialValues={initialValues}
        onFinish={(v) =>
          write.mutate(v, {
            onSuccess: (saved) => {
              message.success(
                user ? t('admin.users.saved') : t('admin.users.created', { name: saved.displayName }),
              );
              onClose();
            },
          })
        }
      >
        {!user && (
          <Form.Item
            name="username"
            label={t('admin.users.username')}
            extra={t('admin.users.usernameHelp')}
            rules={[
              { required: true, pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: t('admin.users.usernameHelp') },
            ]}
          >
            <Input autoCapitalize="none" autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('admin.users.displayName')}
          rules={[{ required: true, whitespace: true, max: 50 }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="orgId" label={t('admin.users.org')} rules={[{ required: true }]}>
          <TreeSelect treeData={tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="roles" label={t('admin.users.roles')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={roles.map((r) => ({ value: r.key, label: text(r.name) }))}
          />
        </Form.Item>
        {user && (
          <Form.Item name="superior" label={t('admin.users.superior')} extra={t('admin.users.superiorHelp')}>
            <UserPicker
              data-testid="user-superior"
              exclude={[user.username]}
              known={user.superior ? [user.superior] : []}
            />
          </Form.Item>
        )}
        {!user && (
          <Form.Item
            name="password"
            label={t('admin.users.password')}
            extra={t('admin.users.passwordHelp')}
            rules={[{ required: true, min: 8, max: 128 }]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
        )}
      </Form>
      {write.error ? <ProblemAlert error={write.error} /> : null}
    </Drawer>
  );
}
