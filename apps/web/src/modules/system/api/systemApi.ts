import { apiClient } from '../../http/apiClient.ts';

/** `GET /api/health`: the engine and whether the database holds demo data. */
export interface SystemHealth {
  status: 'ok';
  engine: 'pglite' | 'postgres';
  isDemo: boolean;
}

export const systemApi = {
  health: (signal?: AbortSignal) => apiClient.get<SystemHealth>('/api/health', undefined, signal),
};
