import type {
  CollectDuesRequest,
  CollectDuesResponse,
  DuesPayment,
  DuesProfile,
  DuesSheetResponse,
  DuesSummaryResponse,
  ListDuesArrearsResponse,
  MemberDuesResponse,
  RecordDuesPaymentRequest,
  ReverseDuesPaymentRequest,
  SetDuesProfileRequest,
  SetDuesProfilesRequest,
} from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';

const base = '/api/v1/dues';

export const duesApi = {
  member: (memberId: string, signal?: AbortSignal) =>
    apiClient.get<MemberDuesResponse>(`${base}/members/${encodeURIComponent(memberId)}`, undefined, signal),
  setProfile: (memberId: string, body: SetDuesProfileRequest) =>
    apiClient.post<DuesProfile>(`${base}/members/${encodeURIComponent(memberId)}/profiles`, body),
  setProfiles: (body: SetDuesProfilesRequest) =>
    apiClient.post<{ count: number; standardFen: number }>(`${base}/profiles/batch`, body),
  sheet: (orgId: string, month: string, signal?: AbortSignal) =>
    apiClient.get<DuesSheetResponse>(`${base}/sheet`, { orgId, month }, signal),
  collect: (body: CollectDuesRequest) => apiClient.post<CollectDuesResponse>(`${base}/collections`, body),
  pay: (body: RecordDuesPaymentRequest) => apiClient.post<DuesPayment>(`${base}/payments`, body),
  reverse: (paymentId: string, body: ReverseDuesPaymentRequest) =>
    apiClient.post<DuesPayment>(`${base}/payments/${encodeURIComponent(paymentId)}/reverse`, body),
  arrears: (
    params: { orgId?: string; minMonths: number; page: number; pageSize: number },
    signal?: AbortSignal,
  ) => apiClient.get<ListDuesArrearsResponse>(`${base}/arrears`, { ...params }, signal),
  summary: (orgId: string, year: number, signal?: AbortSignal) =>
    apiClient.get<DuesSummaryResponse>(`${base}/summary`, { orgId, year }, signal),
  sheetXlsxPath: `${base}/sheet.xlsx`,
  summaryXlsxPath: `${base}/summary.xlsx`,
};
