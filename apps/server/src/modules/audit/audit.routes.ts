import { ListAuditRequest, ListAuditResponse } from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findAuditEntries } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['操作日志'],
        summary: '操作日志（数据权限内）',
        querystring: ListAuditRequest,
        response: { 200: ListAuditResponse },
      },
    },
    async (request) => findAuditEntries(request.ctx(), request.query),
  );
};
