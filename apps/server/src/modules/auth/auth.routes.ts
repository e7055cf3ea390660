import { ChangePasswordRequest, CurrentUser, LoginRequest, OkResponse } from '@zhibu/shared/api';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config/loadConfig.ts';
import type { Database } from '../../db/createDatabase.ts';
import { users } from '../../db/schema.ts';
import { AppError } from '../../lib/appError.ts';
import { SESSION_COOKIE } from '../../plugins/session.ts';
import { changeOwnPassword, currentUserDto, LoginThrottledError, login, logout } from './auth.service.ts';

const tags = ['登录与会话'];

export function authRoutes(deps: { database: Database; config: Config }): FastifyPluginAsyncZod {
  const { database, config } = deps;
  return async (app) => {
    // Across usernames: one address cannot spray sign-ins at every account (failures are also
    // throttled in the database, see login()); generous enough for an office behind one NAT.
    const perAddress = app.createRateLimit({
      max: config.loginPerAddressPerMinute ?? 60,
      timeWindow: '1 minute',
      keyGenerator: (request) => `address|${request.ip}`,
    });
    app.post(
      '/auth/login',
      {
        onRequest: async (request, reply) => {
          const limit = await perAddress(request);
          if (!limit.isAllowed && limit.isExceeded) {
            reply.header('Retry-After', limit.ttlInSeconds);
            throw new AppError('RATE_LIMITED');
          }
        },
        config: {
          access: 'public',
          // Per address *and* username: an office behind one NAT address signs in together at
          // 9:00, while guessing one account's password stays slow (failures also make it wait).
          rateLimit: {
            max: config.loginPerMinute,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (request) =>
              `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
          },
        },
        schema: {
          tags,
          summary: '登录，成功后设置会话 Cookie',
          body: LoginRequest,
          response: { 200: CurrentUser },
        },
      },
      async (request, reply) => {
        const result = await login(database.db, config, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        }).catch((error: unknown) => {
          if (error instanceof LoginThrottledError) reply.header('Retry-After', error.retryAfterSeconds);
          throw error;
        });
        reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: config.secureCookies,
          path: '/',
          expires: result.expiresAt,
        });
        const [user] = await database.db.select().from(users).where(eq(users.id, result.userId));
        if (!user) throw new AppError('INTERNAL');
        return currentUserDto(database.db, user);
      },
    );
    app.post(
      '/auth/logout',
      {
        config: { access: 'public', allowWhileMustChangePassword: true },
        schema: { tags, summary: '退出登录', response: { 200: OkResponse } },
      },
      async (request, reply) => {
        if (request.actor && request.sessionToken)
          await logout(database.db, request.sessionToken, request.actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );
    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated', allowWhileMustChangePassword: true },
        schema: { tags, summary: '当前用户', response: { 200: CurrentUser } },
      },
      async (request) => {
        const userId = request.actor?.userId;
        const [user] = userId ? await database.db.select().from(users).where(eq(users.id, userId)) : [];
        if (!user) throw new AppError('UNAUTHENTICATED');
        return currentUserDto(database.db, user);
      },
    );
    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', allowWhileMustChangePassword: true },
        schema: {
          tags,
          summary: '修改本人密码（清除“须修改密码”标记，结束本人其他会话）',
          body: ChangePasswordRequest,
          response: { 200: OkResponse },
        },
      },
      async (request) => {
        const ctx = request.ctx();
        await changeOwnPassword(ctx.db, ctx.actor, {
          ...request.body,
          currentSessionToken: request.sessionToken,
        });
        return { ok: true as const };
      },
    );
  };
}
