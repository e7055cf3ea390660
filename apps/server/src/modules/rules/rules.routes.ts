import {
  ListRulesResponse,
  ListWarningsRequest,
  ListWarningsResponse,
  RuleInfo,
  UpdateRuleParamsRequest,
  WarningSummaryRequest,
  WarningSummaryResponse,
} from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRules, updateRuleParams } from './rules.service.ts';
import { findWarnings, summarizeWarnings } from './warnings.service.ts';

const tags = ['规则与预警'];
const authenticated = { access: 'authenticated' } as const;

/** The rules engine over HTTP: warnings (预警) in the caller's scope, the rule list, parameter edits. */
export const rulesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/warnings',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '预警列表（数据权限内，或某组织及其下级、某党员）；需查看党员的权限',
        querystring: ListWarningsRequest,
        response: { 200: ListWarningsResponse },
      },
    },
    async (request) => findWarnings(request.ctx(), request.query),
  );
  app.get(
    '/warnings/summary',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '各下级组织的预警数（组织树角标）',
        querystring: WarningSummaryRequest,
        response: { 200: WarningSummaryResponse },
      },
    },
    async (request) => summarizeWarnings(request.ctx(), request.query),
  );
  app.get(
    '/rules',
    {
      config: authenticated,
      schema: { tags, summary: '规则清单（依据、生效日期、参数）', response: { 200: ListRulesResponse } },
    },
    async (request) => listRules(request.ctx()),
  );
  app.patch(
    '/rules/:id/params',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '修改规则参数（仅系统管理员；记录日志）',
        params: z.object({ id: z.string().max(80) }),
        body: UpdateRuleParamsRequest,
        response: { 200: RuleInfo },
      },
    },
    async (request) => updateRuleParams(request.ctx(), request.params.id, request.body),
  );
};
