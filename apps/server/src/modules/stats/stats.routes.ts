import { GetMemberStructureRequest, MemberStructureResponse } from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getMemberStructure } from './stats.service.ts';

const tags = ['统计'];

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stats/members',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '党员结构统计（所选组织及全部下级；默认本人数据权限范围）',
        querystring: GetMemberStructureRequest,
        response: { 200: MemberStructureResponse },
      },
    },
    async (request) => getMemberStructure(request.ctx(), request.query),
  );
};
