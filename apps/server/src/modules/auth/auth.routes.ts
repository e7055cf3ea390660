import { ChangePasswordRequest, CurrentUser, LoginRequest, OkResponse } from '@zhibu/shared/api';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config/loadConfig.ts';
import type { Database } from '../../db/createDatabase.ts';
import { users } from '../../db/schema.ts';
import { AppError } from '../../lib/appError.ts';
import { SESSION_COOKIE } from '../../plugins/session.ts';
import { changeOwnPassword, currentUserDto, login, logout } from './auth.service.ts';

const tags = ['登录与会话'];

export function authRoutes(deps: { database: Database; config: Config }): FastifyPluginAsyncZod {
  const { database, config } = deps;
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: {
          access: 'public',
          // Per address *and* username: an office behind one NAT address signs in together at
          // 9:00, while guessing one account's password stays slow (and locks it after 5 misses).
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
      { config: { access: 'public' }, schema: { tags, summary: '退出登录', response: { 200: OkResponse } } },
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
        config: { access: 'authenticated' },
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
        config: { access: 'authenticated' },
        schema: { tags, summary: '修改本人密码', body: ChangePasswordRequest, response: { 200: OkResponse } },
      },
      async (request) => {
        const ctx = request.ctx();
        await changeOwnPassword(ctx.db, ctx.actor, request.body.oldPassword, request.body.newPassword);
        return { ok: true as const };
      },
    );
  };
}
