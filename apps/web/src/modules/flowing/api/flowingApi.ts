import type {
  AddFlowingContactRequest,
  CreateInflowRequest,
  CreateOutflowRequest,
  GetFlowingRecordResponse,
  ListFlowingResponse,
  MarkLostContactRequest,
  ReturnFlowingRequest,
  SuspendFlowingMemberRequest,
} from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';
import type { FlowingListParams } from './FlowingListParams.ts';

const base = '/api/v1/flowing';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const flowingApi = {
  list: (params: FlowingListParams, signal?: AbortSignal) =>
    apiClient.get<ListFlowingResponse>(base, { ...params }, signal),
  get: (id: string, signal?: AbortSignal) =>
    apiClient.get<GetFlowingRecordResponse>(one(id), undefined, signal),
  createOut: (body: CreateOutflowRequest) => apiClient.post<GetFlowingRecordResponse>(`${base}/out`, body),
  createIn: (body: CreateInflowRequest) => apiClient.post<GetFlowingRecordResponse>(`${base}/in`, body),
  addContact: (id: string, body: AddFlowingContactRequest) =>
    apiClient.post<GetFlowingRecordResponse>(`${one(id)}/contacts`, body),
  markLost: (id: string, body: MarkLostContactRequest) =>
    apiClient.post<GetFlowingRecordResponse>(`${one(id)}/lost-contact`, body),
  suspend: (id: string, body: SuspendFlowingMemberRequest) =>
    apiClient.post<GetFlowingRecordResponse>(`${one(id)}/suspend`, body),
  return: (id: string, body: ReturnFlowingRequest) =>
    apiClient.post<GetFlowingRecordResponse>(`${one(id)}/return`, body),
};
