import { existsSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Config } from './config/loadConfig.ts';
import type { Database } from './db/createDatabase.ts';
import { redactingLoggerOptions } from './lib/logRedaction.ts';
import { PersonalDataCipher } from './lib/personalDataCipher.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { developmentRoutes } from './modules/development/development.routes.ts';
import { duesRoutes } from './modules/dues/dues.routes.ts';
import { flowingRoutes } from './modules/flowing/flowing.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { membersRoutes } from './modules/members/members.routes.ts';
import { orgsRoutes } from './modules/orgs/orgs.routes.ts';
import { rulesRoutes } from './modules/rules/rules.routes.ts';
import { foldMemberStats } from './modules/stats/stats.queries.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { transfersRoutes } from './modules/transfers/transfers.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import {
  frameworkErrorHandler,
  registerErrorHandler,
  registerNotFoundHandler,
} from './plugins/errorHandler.ts';
import { registerSession } from './plugins/session.ts';

export interface AppOptions {
  database: Database;
  config: Config;
  /** Log level; tests pass 'silent'. */
  logLevel?: string;
  /** Where log lines go (default stdout); tests capture them to check what a log may contain. */
  logStream?: DestinationStream;
  /** Folder of the built web app; served with an SPA fallback when it exists. */
  webDist?: string;
  /** How often pending member-statistics changes are folded into the rollups; 0 = never (tests). */
  statsFoldIntervalMs?: number;
  /** Told of every route as it registers (the route-scope registry test enumerates them). */
  onRoute?: (route: RouteOptions) => void;
}

/** A prebuilt bundle elsewhere (ZHIBU_WEB_DIST), else the workspace's apps/web/dist. */
const defaultWebDist =
  process.env.ZHIBU_WEB_DIST || resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Statistics read the rollups plus pending changes, so they are exact without folding; folding in
 * the background keeps the pending set small without making a GET write.
 */
function startStatsFolding(app: FastifyInstance, database: Database, everyMs: number) {
  if (everyMs <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      foldMemberStats(database.db).catch((err: unknown) =>
        app.log.warn({ err }, 'folding statistics failed'),
      );
    }, everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}

/** Assembles the HTTP application; never listens (server.ts and tests do that). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const cipher = new PersonalDataCipher(config.masterKey);
  const app = Fastify({
    // Personal data must never reach logs: cookies dropped, URLs and errors redacted.
    logger: redactingLoggerOptions(options.logLevel ?? 'info', options.logStream),
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
    trustProxy: process.env.ZHIBU_TRUST_PROXY === '1',
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'zhibu API', description: '支部 · 基层党建信息管理平台 接口', version: '1.0.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerSession(app, { database, cipher, config });

  await app.register(healthRoutes(database), { prefix: '/api' });
  await app.register(
    async (v1) => {
      await v1.register(authRoutes({ database, config }));
      await v1.register(orgsRoutes);
      await v1.register(membersRoutes);
      await v1.register(usersRoutes);
      await v1.register(auditRoutes);
      await v1.register(statsRoutes);
      await v1.register(importsRoutes);
      await v1.register(duesRoutes);
      await v1.register(rulesRoutes);
      await v1.register(developmentRoutes);
      await v1.register(transfersRoutes);
      await v1.register(flowingRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webDist = options.webDist ?? defaultWebDist;
  const hasWeb = existsSync(resolve(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      // Look files up per request: a rebuild while the server runs brings new hashed asset names.
      wildcard: true,
      // Hashed assets never change; index.html must be revalidated so it names the current ones.
      setHeaders: (res, path) => {
        res.header(
          'Cache-Control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  // Unknown API paths go straight to the 404 problem, not through a file look-up.
  app.all('/api/*', { config: { access: 'public' } }, (_request, reply) => reply.callNotFound());
  startStatsFolding(app, database, options.statsFoldIntervalMs ?? 5_000);
  registerNotFoundHandler(app, { spaFallback: hasWeb });
  return app;
}
