import type { FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import { maskPersonalText, redactPersonalData, redactUrl } from './personalDataRedaction.ts';

// What an error log line may say about an error: its kind, the SQLSTATE and where it happened.
// Never `params` (drizzle and pg attach the statement's parameters: password hashes, names,
// encrypted identifiers), nor `detail`/`where` (PostgreSQL's "Key (…)=(…)" and "Failing row
// contains (…)" quote the row's values).
const SAFE_ERROR_KEYS = [
  'code',
  'statusCode',
  'status',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'routine',
] as const;
const MAX_SQL_CHARS = 2000;

function cleanMessage(message: unknown): string {
  const text = typeof message === 'string' ? message : String(message ?? '');
  // DrizzleQueryError's message is "Failed query: <sql>\nparams: <values>".
  const at = text.indexOf('\nparams:');
  return maskPersonalText(at < 0 ? text : text.slice(0, at));
}

function cleanStack(stack: unknown, header: string): string | undefined {
  if (typeof stack !== 'string') return undefined;
  // The stack's first lines repeat the message (with drizzle's parameters): keep only the frames.
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [header, ...frames].join('\n');
}

/** An error as a log line may show it: type, message without parameters, SQLSTATE, SQL text, frames. */
export function serializeErrorForLog(err: unknown, depth = 0): unknown {
  if (err === null || typeof err !== 'object') {
    return typeof err === 'string' ? maskPersonalText(err) : err;
  }
  const source = err as Record<string, unknown>;
  const type =
    (err as { constructor?: { name?: string } }).constructor?.name ?? String(source.name ?? 'Error');
  const message = cleanMessage(source.message);
  const out: Record<string, unknown> = { type, message };
  const stack = cleanStack(source.stack, `${type}: ${message}`);
  if (stack) out.stack = stack;
  for (const key of SAFE_ERROR_KEYS) {
    const value = source[key];
    if (typeof value === 'string') out[key] = maskPersonalText(value);
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  // The statement's text has placeholders ($1 …), not values.
  if (typeof source.query === 'string') out.sql = maskPersonalText(source.query.slice(0, MAX_SQL_CHARS));
  if (Array.isArray(source.errors)) {
    out.errors = source.errors.slice(0, 20).map((e) =>
      e !== null && typeof e === 'object' && !(e instanceof Error)
        ? redactPersonalData({
            field: (e as Record<string, unknown>).field,
            code: (e as Record<string, unknown>).code,
            message: (e as Record<string, unknown>).message,
          })
        : serializeErrorForLog(e, depth + 1),
    );
  }
  if (source.cause !== undefined && depth < 4) out.cause = serializeErrorForLog(source.cause, depth + 1);
  return out;
}

/** The request as a log line shows it: the URL with personal query parameters blanked. */
function serializeRequestForLog(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket ? req.socket.remotePort : undefined,
  };
}

/**
 * pino options that keep personal data out of logs: cookies dropped, request URLs and error objects
 * redacted by their serializers, and every other string and plain value masked where it has the
 * shape of an ID number or a mobile number.
 */
export function redactingLoggerOptions(
  level: string,
  stream?: DestinationStream,
): LoggerOptions & {
  stream?: DestinationStream;
} {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: serializeRequestForLog as (req: unknown) => unknown,
      err: serializeErrorForLog,
      error: serializeErrorForLog,
    },
    formatters: {
      // Plain values only: errors, requests and replies are left to their serializers above.
      log: (object) => redactPersonalData(object),
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPersonalText(a) : a));
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
    ...(stream ? { stream } : {}),
  };
}
