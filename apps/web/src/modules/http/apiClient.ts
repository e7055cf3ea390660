import { ApiError } from './ApiError.ts';
import { clientErrorCodes } from './clientErrorCodes.ts';
import type { QueryParams } from './QueryParams.ts';
import { toProblem } from './toProblem.ts';
import { toQueryString } from './toQueryString.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  query?: QueryParams;
  /** JSON body; non-GET requests always send `Content-Type: application/json` (the CSRF defence needs it). */
  body?: unknown;
  /** Multipart body (uploads); the browser sets the content type with its boundary. */
  formData?: FormData;
  signal?: AbortSignal;
}

async function send(method: Method, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.formData) {
    body = options.formData;
  } else if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(toProblem(0, 'Network error', undefined));
  }
  if (!response.ok) {
    let problemBody: unknown;
    try {
      problemBody = await response.json();
    } catch {
      problemBody = undefined;
    }
    throw new ApiError(toProblem(response.status, response.statusText, problemBody));
  }
  return response;
}

async function request<T>(method: Method, path: string, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    const data: unknown = JSON.parse(text);
    // The server validates every response against the shared zod schema, so the shape is trusted here.
    return data as T;
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Bad response',
      status: response.status,
      code: clientErrorCodes.badResponse,
      detail: '',
    });
  }
}

/** Typed JSON client for `/api/v1`; throws `ApiError` carrying the problem document on failure. */
export const apiClient = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: QueryParams) => request<T>('POST', path, { body, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, formData: FormData, query?: QueryParams) =>
    request<T>('POST', path, { formData, query }),
  /** GETs a file (xlsx), or POSTs `body` for one, and returns it with the name the server suggests. */
  download: async (
    path: string,
    query?: QueryParams,
    body?: unknown,
  ): Promise<{ blob: Blob; filename: string | null }> => {
    const response = await send(body === undefined ? 'GET' : 'POST', path, { query, body });
    return { blob: await response.blob(), filename: filenameFromDisposition(response.headers) };
  },
};

function filenameFromDisposition(headers: Headers): string | null {
  const disposition = headers.get('Content-Disposition');
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}
