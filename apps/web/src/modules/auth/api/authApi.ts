import type { CurrentUser, LoginRequest } from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';

const base = '/api/v1/auth';

export const authApi = {
  login: (body: LoginRequest) => apiClient.post<CurrentUser>(`${base}/login`, body),
  logout: () => apiClient.post<unknown>(`${base}/logout`),
  me: (signal?: AbortSignal) => apiClient.get<CurrentUser>(`${base}/me`, undefined, signal),
  changePassword: (body: { oldPassword: string; newPassword: string }) =>
    apiClient.post<unknown>(`${base}/password`, body),
};
