import {
  CollectDuesRequest,
  CollectDuesResponse,
  DuesPayment,
  DuesProfile,
  DuesSheetRequest,
  DuesSheetResponse,
  DuesSummaryRequest,
  DuesSummaryResponse,
  ListDuesArrearsRequest,
  ListDuesArrearsResponse,
  ListDuesPaymentsRequest,
  ListDuesPaymentsResponse,
  MemberDuesResponse,
  RecordDuesPaymentRequest,
  ReverseDuesPaymentRequest,
  SetDuesProfileRequest,
  SetDuesProfilesRequest,
  SetDuesProfilesResponse,
} from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  collectDues,
  exportDuesSheet,
  exportDuesSummary,
  findDuesArrears,
  findDuesPayments,
  getDuesSheet,
  getDuesSummary,
  getMemberDues,
  recordDuesPayment,
  reverseDuesPayment,
  setDuesProfile,
  setDuesProfiles,
} from './dues.service.ts';
import { attachmentHeader, XLSX_MIME } from './duesWorkbooks.ts';

const tags = ['党费'];
const authenticated = { access: 'authenticated' } as const;
const IdParams = z.object({ id: z.string().max(32) });
const XlsxFile = z.unknown().describe('xlsx 文件');

/** Dues (党费): profiles and standards, the append-only ledger, collection sheets, arrears, summaries. */
export const duesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dues/members/:id',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '党员的党费：交纳标准及其历史、近12个月、欠交、交纳记录',
        params: IdParams,
        response: { 200: MemberDuesResponse },
      },
    },
    async (request) => getMemberDues(request.ctx(), request.params.id),
  );
  app.post(
    '/dues/members/:id/profiles',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '核定党员的党费交纳标准（类别、基数；自某日起执行，保留历史）',
        params: IdParams,
        body: SetDuesProfileRequest,
        response: { 201: DuesProfile },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await setDuesProfile(request.ctx(), request.params.id, request.body)),
  );
  app.post(
    '/dues/profiles/batch',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '为同一组织的多名党员核定相同的交纳标准（如农民党员每月 0.2 元）',
        body: SetDuesProfilesRequest,
        response: { 200: SetDuesProfilesResponse },
      },
    },
    async (request) => setDuesProfiles(request.ctx(), request.body),
  );
  app.get(
    '/dues/sheet',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '月度党费收缴表：组织全部在册党员、应交、已交、欠交',
        querystring: DuesSheetRequest,
        response: { 200: DuesSheetResponse },
      },
    },
    async (request) => getDuesSheet(request.ctx(), request.query),
  );
  app.get(
    '/dues/sheet.xlsx',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '下载月度党费收缴表（xlsx）',
        querystring: DuesSheetRequest,
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const file = await exportDuesSheet(request.ctx(), request.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader(file.fileName, `dues-${file.month}.xlsx`))
        .send(file.body);
    },
  );
  app.post(
    '/dues/collections',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '按月批量收缴（一次确认，全部成功或全部不写入）',
        body: CollectDuesRequest,
        response: { 201: CollectDuesResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await collectDues(request.ctx(), request.body)),
  );
  app.post(
    '/dues/payments',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '登记一笔党费（当月、补交、预交或自愿多交）',
        body: RecordDuesPaymentRequest,
        response: { 201: DuesPayment },
      },
    },
    async (request, reply) => reply.status(201).send(await recordDuesPayment(request.ctx(), request.body)),
  );
  app.post(
    '/dues/payments/:id/reverse',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '冲正一笔党费记录（新增关联的冲正记录，原记录不改）',
        params: IdParams,
        body: ReverseDuesPaymentRequest,
        response: { 201: DuesPayment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reverseDuesPayment(request.ctx(), request.params.id, request.body)),
  );
  app.get(
    '/dues/payments',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '党费收缴记录（最新在前）',
        querystring: ListDuesPaymentsRequest,
        response: { 200: ListDuesPaymentsResponse },
      },
    },
    async (request) => findDuesPayments(request.ctx(), request.query),
  );
  app.get(
    '/dues/arrears',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '欠交党费的党员（按连续未交月数排序）及按组织汇总',
        querystring: ListDuesArrearsRequest,
        response: { 200: ListDuesArrearsResponse },
      },
    },
    async (request) => findDuesArrears(request.ctx(), request.query),
  );
  app.get(
    '/dues/summary',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '全年党费收缴情况（按月，供党务公开）',
        querystring: DuesSummaryRequest,
        response: { 200: DuesSummaryResponse },
      },
    },
    async (request) => {
      const { standings: _s, ...summary } = await getDuesSummary(request.ctx(), request.query);
      return summary;
    },
  );
  app.get(
    '/dues/summary.xlsx',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '下载全年党费汇总（xlsx）',
        querystring: DuesSummaryRequest,
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const file = await exportDuesSummary(request.ctx(), request.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader(file.fileName, `dues-${request.query.year}.xlsx`))
        .send(file.body);
    },
  );
};
