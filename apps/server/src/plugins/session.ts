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
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    /** The service context of the signed-in caller; throws UNAUTHENTICATED without one. */
    ctx(): ServiceContext;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Rejects cross-site writes: an Origin header, when sent, must name this host (cookies are SameSite=Strict too). */
function checkOrigin(request: FastifyRequest) {
  if (!UNSAFE.has(request.method)) return;
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('CSRF_REJECTED');
  }
  if (host !== request.headers.host) throw new AppError('CSRF_REJECTED');
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
    if (token && token.length <= 100) {
      const session = await cache.get(token, () => resolveSession(deps.database.db, token, deps.config));
      if (session) {
        request.actor = { ...session.actor, ip: request.ip, userAgent: request.headers['user-agent'] };
        request.sessionToken = token;
      }
    }
    if (access === 'authenticated' && !request.actor) throw new AppError('UNAUTHENTICATED');
  });
}
