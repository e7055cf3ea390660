import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { apiClient } from '../apiClient.ts';
import { describeApiError } from '../describeApiError.ts';
import type { QueryParams } from '../QueryParams.ts';
import { saveBlob } from '../saveBlob.ts';

/** Downloads a file from the API with the session cookie and saves it; tracks a busy flag. */
export function useDownload() {
  const { message } = App.useApp();
  const t = useT();
  const [isDownloading, setIsDownloading] = useState(false);
  const download = useCallback(
    async (path: string, fallbackName: string, query?: QueryParams, body?: unknown) => {
      setIsDownloading(true);
      try {
        const { blob, filename } = await apiClient.download(path, query, body);
        saveBlob(blob, filename ?? fallbackName);
      } catch (error) {
        message.error(describeApiError(error, t));
      } finally {
        setIsDownloading(false);
      }
    },
    [message, t],
  );
  return { download, isDownloading };
}
