import type { ImportJob, ImportKind, ImportMode } from '@zhibu/shared/api';
import { apiClient } from '../../http/apiClient.ts';

const base = '/api/v1/imports';

export const importsApi = {
  templatePath: (kind: ImportKind) => `${base}/templates/${kind}`,
  /** Multipart upload (field `file`); the job runs on the server and is polled. */
  start: (kind: ImportKind, mode: ImportMode, file: File) => {
    const formData = new FormData();
    formData.append('file', file, file.name);
    return apiClient.upload<ImportJob>(`${base}/${kind}`, formData, { mode });
  },
  job: (id: string, signal?: AbortSignal) =>
    apiClient.get<ImportJob>(`${base}/jobs/${encodeURIComponent(id)}`, undefined, signal),
  reportPath: (id: string) => `${base}/jobs/${encodeURIComponent(id)}/report.xlsx`,
};
