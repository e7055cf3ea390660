import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_TABLE, type ErrorCode, type FieldError } from '../lib/appError.ts';

function problem(code: ErrorCode, detail?: string, errors?: FieldError[]) {
  const [status, message] = ERROR_TABLE[code];
  return {
    type: `https://zhibu.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: code,
    status,
    code,
    detail: detail ?? message,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

const ZOD_MESSAGES: Record<string, string> = {
  invalid_type: '缺少或类型不正确',
  too_small: '太短或太小',
  too_big: '太长或太大',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '包含未知字段',
};

// The database's own refusals of bad data, for anything the request schemas did not catch first:
// still the client's input, never a 500. SQLSTATE classes: 22 data exception, 23 integrity violation.
const UNIQUE_KEYS: Record<string, ErrorCode> = {
  orgs_code_key: 'DUPLICATE_ORG_CODE',
  users_username_key: 'DUPLICATE_USERNAME',
  members_id_number_hash_key: 'DUPLICATE_ID_NUMBER',
};
const DATA_EXCEPTIONS = new Set([
  '22001', // string too long
  '22003', // numeric value out of range
  '22007', // invalid datetime format
  '22008', // datetime field overflow
  '22021', // character not in repertoire (NUL)
  '22P02', // invalid text representation
  '22P05', // untranslatable character (\u0000 in jsonb)
  '23514', // check violation
]);

/** The problem code for a PostgreSQL error the client caused, or undefined for a real fault. */
function databaseProblem(err: unknown): { code: ErrorCode; sqlState: string } | undefined {
  for (
    let e = err, depth = 0;
    e && typeof e === 'object' && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) continue;
    if (code === '23505') {
      return {
        code: UNIQUE_KEYS[typeof constraint === 'string' ? constraint : ''] ?? 'DUPLICATE',
        sqlState: code,
      };
    }
    if (DATA_EXCEPTIONS.has(code)) return { code: 'BAD_REQUEST', sqlState: code };
    return undefined;
  }
  return undefined;
}

/** Every error leaves as RFC 9457 problem+json with a stable code and a Chinese message; no internals. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let body: ReturnType<typeof problem>;
    if (err instanceof AppError) {
      body = problem(err.code, err.detail, err.errors);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((issue) => {
        const field =
          issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(issue.params?.issue ?? '');
        // A custom check may name its own stable code (CONTROL_CHARACTER, DATE_OUT_OF_RANGE …).
        const zodIssue = (issue.params as { issue?: { code?: string } })?.issue;
        const own = (issue.params as { params?: { code?: unknown } })?.params?.code;
        const ownCode = typeof own === 'string' ? own : undefined;
        const zodCode = String(ownCode ?? zodIssue?.code ?? issue.keyword);
        const message = /[\u4e00-\u9fff]/.test(issue.message ?? '')
          ? (issue.message ?? '')
          : `${field || '请求'}：${ZOD_MESSAGES[zodCode] ?? '不符合要求'}`;
        return { field, code: zodCode.toUpperCase(), message };
      });
      body = problem('VALIDATION', errors[0]?.message, errors);
    } else if (databaseProblem(err)) {
      const found = databaseProblem(err);
      // The code only: the statement's parameters may hold personal data.
      request.log.warn({ sqlState: found?.sqlState }, 'database refused the input');
      body = problem(found?.code ?? 'BAD_REQUEST');
    } else if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      body = problem('INTERNAL');
    } else if (err.statusCode === 429) {
      body = problem('RATE_LIMITED');
    } else if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      body = problem('PAYLOAD_TOO_LARGE');
    } else if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      body = problem('UNSUPPORTED_MEDIA_TYPE');
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, bad content length and the like: the client's fault, never a 500.
      body = problem('BAD_REQUEST');
    } else {
      request.log.error({ err }, 'unhandled error');
      body = problem('INTERNAL');
    }
    return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
  });
}

/**
 * Errors Fastify raises before routing (a URL that is not valid UTF-8 after percent-decoding, such as
 * %ED%A0%80 for a lone surrogate; a bad Accept-Version): problem+json like every other 400.
 */
export function frameworkErrorHandler(_err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  reply.status(400).type('application/problem+json; charset=utf-8').send(problem('BAD_REQUEST'));
}

/** 404 for unknown routes; with a built web app, GET deep links outside /api load the SPA instead. */
export function registerNotFoundHandler(app: FastifyInstance, options: { spaFallback: boolean }) {
  app.setNotFoundHandler((request, reply) => {
    // App routes (/stats/abc) get the app; a missing file (/assets/old.js, /favicon.png) a 404,
    // so a page from before a rebuild never receives HTML as its JavaScript.
    const path = request.url.split('?')[0] ?? '';
    const isFile = /\.[a-z0-9]+$/i.test(path);
    if (options.spaFallback && request.method === 'GET' && !path.startsWith('/api') && !isFile) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    const body = problem('NOT_FOUND', request.url.startsWith('/api') ? '接口不存在' : undefined);
    return reply.status(404).type('application/problem+json; charset=utf-8').send(body);
  });
}
