import type {
  CreateMemberRequest,
  LeaveMemberRequest,
  ListMembersResponse,
  Member,
  UpdateMemberRequest,
} from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';
import type { MemberEventItem } from '../MemberEventItem.ts';
import type { MemberListParams } from './MemberListParams.ts';
import type { RevealField } from './RevealField.ts';

const base = '/api/v1/members';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const membersApi = {
  // A search by ID number goes in a POST body: in a URL it would reach logs and browser history.
  list: (params: MemberListParams, signal?: AbortSignal) =>
    params.idNumber
      ? apiClient.post<ListMembersResponse>(`${base}/search`, params)
      : apiClient.get<ListMembersResponse>(base, { ...params, idNumber: undefined }, signal),
  get: (id: string, signal?: AbortSignal) => apiClient.get<Member>(one(id), undefined, signal),
  create: (body: CreateMemberRequest) => apiClient.post<Member>(base, body),
  update: (id: string, body: UpdateMemberRequest) => apiClient.patch<Member>(one(id), body),
  leave: (id: string, body: LeaveMemberRequest) => apiClient.post<Member>(`${one(id)}/leave`, body),
  reveal: (id: string, field: RevealField) =>
    apiClient.post<{ value: string | null }>(`${one(id)}/reveal`, { field }),
  events: (id: string, signal?: AbortSignal) =>
    apiClient.get<{ items: MemberEventItem[] }>(`${one(id)}/events`, undefined, signal),
  /** POSTed with the filter (and `full`) as its body, for the same reason as `list`. */
  exportPath: `${base}/export`,
};
