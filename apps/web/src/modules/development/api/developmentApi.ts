import type {
  CreateApplicantRequest,
  DevelopmentBoard,
  GetDevelopmentPersonResponse,
  GrantAdmissionAuthorityRequest,
  ListDevelopmentPeopleResponse,
  RecordStepRequest,
  ResumeProbationRequest,
  WithdrawApplicantRequest,
} from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';
import type { DevelopmentListParams } from './DevelopmentListParams.ts';

const base = '/api/v1/development';
const person = (id: string) => `${base}/people/${encodeURIComponent(id)}`;

export type AuthorityList = {
  items: { orgId: string; orgName: string; orgType: string; grantedOn: string; basis: string | null }[];
};

export const developmentApi = {
  board: (orgId: string | undefined, signal?: AbortSignal) =>
    apiClient.get<DevelopmentBoard>(`${base}/board`, { orgId }, signal),
  list: (params: DevelopmentListParams, signal?: AbortSignal) =>
    apiClient.get<ListDevelopmentPeopleResponse>(`${base}/people`, { ...params }, signal),
  get: (id: string, signal?: AbortSignal) =>
    apiClient.get<GetDevelopmentPersonResponse>(person(id), undefined, signal),
  create: (body: CreateApplicantRequest) =>
    apiClient.post<GetDevelopmentPersonResponse>(`${base}/people`, body),
  resume: (body: ResumeProbationRequest) =>
    apiClient.post<GetDevelopmentPersonResponse>(`${base}/resume`, body),
  recordStep: (id: string, body: RecordStepRequest) =>
    apiClient.post<GetDevelopmentPersonResponse>(`${person(id)}/steps`, body),
  withdraw: (id: string, body: WithdrawApplicantRequest) =>
    apiClient.post<GetDevelopmentPersonResponse>(`${person(id)}/withdraw`, body),
  authorities: (signal?: AbortSignal) =>
    apiClient.get<AuthorityList>(`${base}/authorities`, undefined, signal),
  grant: (orgId: string, body: GrantAdmissionAuthorityRequest) =>
    apiClient.post<AuthorityList>(`${base}/authorities/${encodeURIComponent(orgId)}`, body),
  revoke: (orgId: string) =>
    apiClient.delete<AuthorityList>(`${base}/authorities/${encodeURIComponent(orgId)}`),
};
