import {
  AddFlowingContactRequest,
  CreateInflowRequest,
  CreateOutflowRequest,
  GetFlowingRecordResponse,
  ListFlowingRequest,
  ListFlowingResponse,
  MarkLostContactRequest,
  ReturnFlowingRequest,
  SuspendFlowingMemberRequest,
  UpdateFlowingRequest,
} from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addFlowingContact,
  createInflow,
  createOutflow,
  findFlowing,
  getFlowing,
  markLostContact,
  returnFlowing,
  suspendFlowingMember,
  updateFlowing,
} from './flowing.service.ts';

const tags = ['流动党员'];
const IdParams = z.object({ id: z.string().max(32) });
const authenticated = { access: 'authenticated' } as const;
const one = { 200: GetFlowingRecordResponse };

export const flowingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/flowing',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '流出或流入党员名单（附当前提醒）',
        querystring: ListFlowingRequest,
        response: { 200: ListFlowingResponse },
      },
    },
    async (request) => findFlowing(request.ctx(), request.query),
  );
  app.get(
    '/flowing/:id',
    {
      config: authenticated,
      schema: { tags, summary: '流动党员详情和联系记录', params: IdParams, response: one },
    },
    async (request) => getFlowing(request.ctx(), request.params.id),
  );
  app.post(
    '/flowing/out',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '登记流出党员',
        body: CreateOutflowRequest,
        response: { 201: GetFlowingRecordResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createOutflow(request.ctx(), request.body)),
  );
  app.post(
    '/flowing/in',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '登记流入党员',
        body: CreateInflowRequest,
        response: { 201: GetFlowingRecordResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createInflow(request.ctx(), request.body)),
  );
  app.patch(
    '/flowing/:id',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '修改流动党员信息',
        params: IdParams,
        body: UpdateFlowingRequest,
        response: one,
      },
    },
    async (request) => updateFlowing(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/flowing/:id/contacts',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '记录一次联系',
        params: IdParams,
        body: AddFlowingContactRequest,
        response: one,
      },
    },
    async (request) => addFlowingContact(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/flowing/:id/lost-contact',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '登记失去联系',
        params: IdParams,
        body: MarkLostContactRequest,
        response: one,
      },
    },
    async (request) => markLostContact(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/flowing/:id/suspend',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '停止党籍（失去联系满六个月等）',
        params: IdParams,
        body: SuspendFlowingMemberRequest,
        response: one,
      },
    },
    async (request) => suspendFlowingMember(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/flowing/:id/return',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '返回（流出）或离开（流入）',
        params: IdParams,
        body: ReturnFlowingRequest,
        response: one,
      },
    },
    async (request) => returnFlowing(request.ctx(), request.params.id, request.body),
  );
};
