import type {
  AcceptTransferRequest,
  CancelTransferRequest,
  CreateOutgoingLetterRequest,
  CreateTransferRequest,
  ListTransfersResponse,
  RecordReceiptRequest,
  RegisterIncomingLetterRequest,
  ReturnTransferRequest,
  Transfer,
  TransferDestination,
  TransferSummary,
} from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';
import type { TransferListParams } from './TransferListParams.ts';

const base = '/api/v1/transfers';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const transfersApi = {
  list: (params: TransferListParams, signal?: AbortSignal) =>
    apiClient.get<ListTransfersResponse>(base, { ...params }, signal),
  summary: (signal?: AbortSignal) => apiClient.get<TransferSummary>(`${base}/summary`, undefined, signal),
  destinations: (q: string, signal?: AbortSignal) =>
    apiClient.get<{ items: TransferDestination[] }>(`${base}/destinations`, { q }, signal),
  create: (body: CreateTransferRequest) => apiClient.post<Transfer>(base, body),
  createOut: (body: CreateOutgoingLetterRequest) => apiClient.post<Transfer>(`${base}/out`, body),
  registerIn: (body: RegisterIncomingLetterRequest) => apiClient.post<Transfer>(`${base}/in`, body),
  accept: (id: string, body: AcceptTransferRequest) => apiClient.post<Transfer>(`${one(id)}/accept`, body),
  return: (id: string, body: ReturnTransferRequest) => apiClient.post<Transfer>(`${one(id)}/return`, body),
  receipt: (id: string, body: RecordReceiptRequest) => apiClient.post<Transfer>(`${one(id)}/receipt`, body),
  cancel: (id: string, body: CancelTransferRequest) => apiClient.post<Transfer>(`${one(id)}/cancel`, body),
};
