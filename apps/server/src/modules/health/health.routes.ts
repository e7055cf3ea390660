import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/createDatabase.ts';
import { isDemoDataPresent } from '../seed/demoMarker.ts';

export function healthRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: {
          tags: ['系统'],
          summary: '健康检查',
          response: {
            200: z.object({
              status: z.literal('ok'),
              engine: z.enum(['pglite', 'postgres']),
              isDemo: z
                .boolean()
                .describe('数据库中是演示数据（zhibu start --demo 或 zhibu seed 生成的虚构数据）'),
            }),
          },
        },
      },
      async () => {
        return {
          status: 'ok' as const,
          engine: database.engine,
          isDemo: await isDemoDataPresent(database.db),
        };
      },
    );
  };
}
