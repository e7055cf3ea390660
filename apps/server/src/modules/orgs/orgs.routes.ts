import {
  CreateOrgRequest,
  DissolveOrgRequest,
  GetOrgResponse,
  ListOrgsRequest,
  ListOrgsResponse,
  MoveOrgRequest,
  Org,
  UpdateOrgRequest,
} from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOrg, dissolveOrg, findOrgs, getOrg, moveOrg, updateOrg } from './orgs.service.ts';

const tags = ['组织机构'];
const IdParams = z.object({ id: z.string().max(32) });
const authenticated = { access: 'authenticated' } as const;

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orgs',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '组织列表（下级、搜索或数据权限内的顶层组织）',
        querystring: ListOrgsRequest,
        response: { 200: ListOrgsResponse },
      },
    },
    async (request) => findOrgs(request.ctx(), request.query),
  );
  app.get(
    '/orgs/:id',
    {
      config: authenticated,
      schema: { tags, summary: '组织详情', params: IdParams, response: { 200: GetOrgResponse } },
    },
    async (request) => getOrg(request.ctx(), request.params.id),
  );
  app.post(
    '/orgs',
    {
      config: authenticated,
      schema: { tags, summary: '新建组织', body: CreateOrgRequest, response: { 201: Org } },
    },
    async (request, reply) => reply.status(201).send(await createOrg(request.ctx(), request.body)),
  );
  app.patch(
    '/orgs/:id',
    {
      config: authenticated,
      schema: { tags, summary: '修改组织', params: IdParams, body: UpdateOrgRequest, response: { 200: Org } },
    },
    async (request) => updateOrg(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/orgs/:id/move',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '调整上级组织',
        params: IdParams,
        body: MoveOrgRequest,
        response: { 200: Org },
      },
    },
    async (request) => moveOrg(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/orgs/:id/dissolve',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '撤销组织（保留历史）',
        params: IdParams,
        body: DissolveOrgRequest,
        response: { 200: Org },
      },
    },
    async (request) => dissolveOrg(request.ctx(), request.params.id, request.body),
  );
};
