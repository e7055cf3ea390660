import {
  AcceptTransferRequest,
  CancelTransferRequest,
  CreateOutgoingLetterRequest,
  CreateTransferRequest,
  ListTransferDestinationsRequest,
  ListTransferDestinationsResponse,
  ListTransfersRequest,
  ListTransfersResponse,
  RecordReceiptRequest,
  RegisterIncomingLetterRequest,
  ReturnTransferRequest,
  Transfer,
  TransferSummary,
} from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptTransfer,
  cancelTransfer,
  createOutgoingLetter,
  createTransfer,
  findTransferDestinations,
  findTransfers,
  getTransfer,
  getTransferSummary,
  recordReceipt,
  registerIncomingLetter,
  returnTransfer,
} from './transfers.service.ts';

const tags = ['组织关系转接'];
const IdParams = z.object({ id: z.string().max(32) });
const authenticated = { access: 'authenticated' } as const;

export const transfersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/transfers',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '待接收（转入本组织）或已发出（从本组织转出）的组织关系转接',
        querystring: ListTransfersRequest,
        response: { 200: ListTransfersResponse },
      },
    },
    async (request) => findTransfers(request.ctx(), request.query),
  );
  app.get(
    '/transfers/summary',
    {
      config: authenticated,
      schema: { tags, summary: '转接待办数量', response: { 200: TransferSummary } },
    },
    async (request) => getTransferSummary(request.ctx()),
  );
  app.get(
    '/transfers/destinations',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '可接收组织关系的党组织（全系统，按名称查找，只返回名称）',
        querystring: ListTransferDestinationsRequest,
        response: { 200: ListTransferDestinationsResponse },
      },
    },
    async (request) => findTransferDestinations(request.ctx(), request.query.q),
  );
  app.get(
    '/transfers/:id',
    {
      config: authenticated,
      schema: { tags, summary: '转接详情', params: IdParams, response: { 200: Transfer } },
    },
    async (request) => getTransfer(request.ctx(), request.params.id),
  );
  app.post(
    '/transfers',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '发起系统内转接（接收方接收前，党员仍属转出组织）',
        body: CreateTransferRequest,
        response: { 201: Transfer },
      },
    },
    async (request, reply) => reply.status(201).send(await createTransfer(request.ctx(), request.body)),
  );
  app.post(
    '/transfers/out',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '开具介绍信转出系统外（回执退回后办理转出）',
        body: CreateOutgoingLetterRequest,
        response: { 201: Transfer },
      },
    },
    async (request, reply) => reply.status(201).send(await createOutgoingLetter(request.ctx(), request.body)),
  );
  app.post(
    '/transfers/in',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '登记从系统外转入的介绍信',
        body: RegisterIncomingLetterRequest,
        response: { 201: Transfer },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerIncomingLetter(request.ctx(), request.body)),
  );
  app.post(
    '/transfers/:id/accept',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '接收（党员此时转入本组织）',
        params: IdParams,
        body: AcceptTransferRequest,
        response: { 200: Transfer },
      },
    },
    async (request) => acceptTransfer(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/transfers/:id/return',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '退回（注明原因）',
        params: IdParams,
        body: ReturnTransferRequest,
        response: { 200: Transfer },
      },
    },
    async (request) => returnTransfer(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/transfers/:id/receipt',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '登记回执退回（党员办理转出）',
        params: IdParams,
        body: RecordReceiptRequest,
        response: { 200: Transfer },
      },
    },
    async (request) => recordReceipt(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/transfers/:id/cancel',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '撤回尚未办结的转接',
        params: IdParams,
        body: CancelTransferRequest,
        response: { 200: Transfer },
      },
    },
    async (request) => cancelTransfer(request.ctx(), request.params.id, request.body),
  );
};
