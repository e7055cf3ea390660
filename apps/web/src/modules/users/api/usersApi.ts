import type { CreateUserRequest, RoleCode, User } from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';
import type { UserListParams } from './UserListParams.ts';

const base = '/api/v1/users';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (params: UserListParams, signal?: AbortSignal) =>
    apiClient.get<{ items: User[]; total: number }>(base, { ...params }, signal),
  create: (body: CreateUserRequest) => apiClient.post<User>(base, body),
  update: (id: string, body: { displayName?: string; isDisabled?: boolean; version: number }) =>
    apiClient.patch<User>(one(id), body),
  resetPassword: (id: string, password: string) =>
    apiClient.post<unknown>(`${one(id)}/password`, { password }),
  unlock: (id: string) => apiClient.post<unknown>(`${one(id)}/unlock`),
  addRole: (id: string, role: RoleCode, orgId: string | null) =>
    apiClient.post<unknown>(`${one(id)}/roles`, { role, orgId }),
  removeRole: (id: string, assignmentId: string) =>
    apiClient.delete<unknown>(`${one(id)}/roles/${encodeURIComponent(assignmentId)}`),
};
