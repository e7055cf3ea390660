import type {
  CreateOrgRequest,
  DissolveOrgRequest,
  GetOrgResponse,
  ListOrgsResponse,
  MoveOrgRequest,
  Org,
  UpdateOrgRequest,
} from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';
import type { OrgListParams } from './OrgListParams.ts';

const base = '/api/v1/orgs';

export const orgsApi = {
  list: (params: OrgListParams, signal?: AbortSignal) =>
    apiClient.get<ListOrgsResponse>(base, { ...params }, signal),
  get: (id: string, signal?: AbortSignal) =>
    apiClient.get<GetOrgResponse>(`${base}/${encodeURIComponent(id)}`, undefined, signal),
  create: (body: CreateOrgRequest) => apiClient.post<Org>(base, body),
  update: (id: string, body: UpdateOrgRequest) =>
    apiClient.patch<Org>(`${base}/${encodeURIComponent(id)}`, body),
  move: (id: string, body: MoveOrgRequest) =>
    apiClient.post<Org>(`${base}/${encodeURIComponent(id)}/move`, body),
  dissolve: (id: string, body: DissolveOrgRequest) =>
    apiClient.post<Org>(`${base}/${encodeURIComponent(id)}/dissolve`, body),
  exportPath: `${base}/export`,
};
