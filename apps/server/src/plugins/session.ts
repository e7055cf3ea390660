import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import type { Config } from '../config/loadConfig.ts';
import type { Database } from '../db/createDatabase.ts';
import { AppError } from '../lib/appError.ts';
import type { PersonalDataCipher } from '../lib/personalDataCipher.ts';
import type { ServiceContext } from '../lib/serviceContext.ts';
import { resolveSession, type SessionUser } from '../modules/auth/auth.service.ts';
import { SessionCache } from './sessionCache.ts';

export const SESSION_COOKIE = 'zhibu_session';

/** Who may reach a route. Every /api route must declare one (checked when routes register). */
export type RouteAccess = 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the caller must still change an initial password (me, logout, change). */
    allowWhileMustChangePassword?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    /** The service context of the signed-in caller; throws UNAUTHENTICATED without one. */
    ctx(): ServiceContext;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Rejects cross-site writes: every state-changing request must name this host in its Origin
 * header (browsers send it on every POST/PATCH/DELETE fetch and form), or, failing that, in its
 * Referer. A request with neither is refused too: a cookie alone never authorizes a write.
 */
export function checkOrigin(request: FastifyRequest) {
  if (!UNSAFE.has(request.method)) return;
  const source = request.headers.origin ?? request.headers.referer;
  // request.host honours X-Forwarded-Host behind a trusted proxy (ZHIBU_TRUST_PROXY=1).
  const host = request.host;
  if (!source || !host) throw new AppError('CSRF_REJECTED');
  let sourceUrl: URL;
  let hostUrl: URL;
  try {
    sourceUrl = new URL(source);
    // Parsed with the source's scheme so that default ports compare equal (localhost:80 = localhost).
    hostUrl = new URL(`${sourceUrl.protocol}//${host}`);
  } catch {
    throw new AppError('CSRF_REJECTED');
  }
  if (!/^https?:$/.test(sourceUrl.protocol) || sourceUrl.host !== hostUrl.host)
    throw new AppError('CSRF_REJECTED');
}

export function registerSession(
  app: FastifyInstance,
  deps: { database: Database; cipher: PersonalDataCipher; config: Config },
) {
  const cache = new SessionCache<SessionUser>();
  // A write may end a session or change what a session may see: forget every cached session
  // before it runs and again before its answer leaves (see SessionCache).
  const forgetOnWrite = (request: FastifyRequest) => {
    if (UNSAFE.has(request.method)) cache.clear();
  };
  app.addHook('onSend', async (request, _reply, payload) => {
    forgetOnWrite(request);
    return payload;
  });
  app.addHook('onResponse', async (request) => forgetOnWrite(request));
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('ctx', function (this: FastifyRequest): ServiceContext {
    if (!this.actor) throw new AppError('UNAUTHENTICATED');
    return { db: deps.database.db, cipher: deps.cipher, actor: this.actor };
  });

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    checkOrigin(request);
    forgetOnWrite(request);
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const token = request.cookies[SESSION_COOKIE];
    let mustChangePassword = false;
    if (token && token.length <= 100) {
      const session = await cache.get(token, () => resolveSession(deps.database.db, token, deps.config));
      if (session) {
        mustChangePassword = session.user.mustChangePassword;
        request.actor = { ...session.actor, ip: request.ip, userAgent: request.headers['user-agent'] };
        request.sessionToken = token;
      }
    }
    if (access === 'authenticated' && !request.actor) throw new AppError('UNAUTHENTICATED');
    if (
      access === 'authenticated' &&
      mustChangePassword &&
      !request.routeOptions.config?.allowWhileMustChangePassword
    )
      throw new AppError('MUST_CHANGE_PASSWORD');
  });
}
