import type {
  AdminUserDto,
  AuditPageDto,
  AuditQueryParams,
  CreateOrgUnitBody,
  CreateUserBody,
  OrgTreeDto,
  OrgUnitDto,
  RoleInfoDto,
  UpdateOrgUnitBody,
  UpdateUserBody,
  UserListParams,
  UserPageDto,
  UserStatusResultDto,
} from '@unionflow/contracts';
import { apiRequest } from '@unionflow/ui';

const user = (username: string) => `/api/admin/users/${encodeURIComponent(username)}`;

/** Typed calls for the org, user, role and audit log screens. */
export const orgApi = {
  tree: () => apiRequest<OrgTreeDto>('/api/admin/org-units'),
  createUnit: (body: CreateOrgUnitBody, idempotencyKey: string) =>
    apiRequest<OrgUnitDto>('/api/admin/org-units', { method: 'POST', body, idempotencyKey }),
  updateUnit: (id: string, body: UpdateOrgUnitBody, idempotencyKey: string) =>
    apiRequest<OrgUnitDto>(`/api/admin/org-units/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body,
      idempotencyKey,
    }),
  users: (params: UserListParams) => apiRequest<UserPageDto>('/api/admin/users', { query: { ...params } }),
  createUser: (body: CreateUserBody, idempotencyKey: string) =>
    apiRequest<AdminUserDto>('/api/admin/users', { method: 'POST', body, idempotencyKey }),
  updateUser: (username: string, body: UpdateUserBody, idempotencyKey: string) =>
    apiRequest<AdminUserDto>(user(username), { method: 'PATCH', body, idempotencyKey }),
  setActive: (username: string, version: number, active: boolean, idempotencyKey: string) =>
    apiRequest<UserStatusResultDto>(`${user(username)}/${active ? 'reactivate' : 'deactivate'}`, {
      method: 'POST',
      body: { version },
      idempotencyKey,
    }),
  roles: () => apiRequest<RoleInfoDto[]>('/api/admin/roles'),
  audit: (params: AuditQueryParams) => apiRequest<AuditPageDto>('/api/audit', { query: { ...params } }),
};
