import {
  CreateMemberRequest,
  LeaveMemberRequest,
  ListMemberEventsResponse,
  ListMembersRequest,
  ListMembersResponse,
  Member,
  RestoreMemberRequest,
  RevealMemberRequest,
  RevealMemberResponse,
  SearchMembersRequest,
  UpdateMemberRequest,
} from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createMember,
  findMembers,
  getMember,
  leaveMember,
  listMemberEvents,
  restoreMember,
  revealMemberField,
  updateMember,
} from './members.service.ts';

const tags = ['党员管理'];
const IdParams = z.object({ id: z.string().max(32) });
const authenticated = { access: 'authenticated' } as const;

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/members',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '党员列表（所选组织及全部下级）',
        querystring: ListMembersRequest,
        response: { 200: ListMembersResponse },
      },
    },
    async (request) => findMembers(request.ctx(), request.query),
  );
  app.post(
    '/members/search',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '查找党员（条件放在请求体中，可按完整公民身份号码精确查找，号码不进网址和日志）',
        body: SearchMembersRequest,
        response: { 200: ListMembersResponse },
      },
    },
    async (request) => findMembers(request.ctx(), request.body),
  );
  app.get(
    '/members/:id',
    {
      config: authenticated,
      schema: { tags, summary: '党员详情', params: IdParams, response: { 200: Member } },
    },
    async (request) => getMember(request.ctx(), request.params.id),
  );
  app.post(
    '/members',
    {
      config: authenticated,
      schema: { tags, summary: '新增党员', body: CreateMemberRequest, response: { 201: Member } },
    },
    async (request, reply) => reply.status(201).send(await createMember(request.ctx(), request.body)),
  );
  app.patch(
    '/members/:id',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '修改党员信息',
        params: IdParams,
        body: UpdateMemberRequest,
        response: { 200: Member },
      },
    },
    async (request) => updateMember(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/members/:id/leave',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '党员减少（去世、转出、出党、停止党籍）',
        params: IdParams,
        body: LeaveMemberRequest,
        response: { 200: Member },
      },
    },
    async (request) => leaveMember(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/members/:id/restore',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '恢复党籍（停止党籍后）或撤销错误的减少记录',
        params: IdParams,
        body: RestoreMemberRequest,
        response: { 200: Member },
      },
    },
    async (request) => restoreMember(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/members/:id/reveal',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '查看完整身份号码或电话（记录日志）',
        params: IdParams,
        body: RevealMemberRequest,
        response: { 200: RevealMemberResponse },
      },
    },
    async (request) => revealMemberField(request.ctx(), request.params.id, request.body.field),
  );
  app.get(
    '/members/:id/events',
    {
      config: authenticated,
      schema: { tags, summary: '党员时间线', params: IdParams, response: { 200: ListMemberEventsResponse } },
    },
    async (request) => listMemberEvents(request.ctx(), request.params.id),
  );
};
