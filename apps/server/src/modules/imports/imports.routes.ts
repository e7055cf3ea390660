import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  ExportMembersRequest,
  ImportJob,
  ImportKind,
  ImportMode,
  type MemberFilter,
  MemberUrlFilter,
  text,
} from '@zhibu/shared/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/appError.ts';
import {
  exportMembers,
  exportOrgs,
  getImportJob,
  ImportJobRunner,
  requireImportScope,
} from './imports.service.ts';
import { inspectXlsx } from './inspectXlsx.ts';
import { attachmentHeader, buildErrorWorkbook, buildTemplate, XLSX_MIME } from './xlsxWorkbooks.ts';

const tags = ['数据导入导出'];
const authenticated = { access: 'authenticated' } as const;
const XlsxFile = z.unknown().describe('xlsx 文件');
const JobParams = z.object({ id: z.string().max(32) });
const Flag = z.enum(['0', '1', 'true', 'false']);

const TEMPLATE_NAMES = { orgs: '组织机构导入模板', members: '党员名册导入模板' } as const;

function isTooLarge(e: unknown): boolean {
  const err = e as { code?: string; statusCode?: number } | null;
  return err?.code === 'FST_REQ_FILE_TOO_LARGE' || err?.statusCode === 413;
}

/** Spreadsheet exchange: templates, imports run as background jobs, and list exports. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const runner = new ImportJobRunner(app.log);
  app.addHook('onClose', async () => runner.stopAll());

  app.get(
    '/imports/templates/:kind',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '下载导入模板（xlsx）',
        params: z.object({ kind: ImportKind }),
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const body = await buildTemplate(kind);
      return reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachmentHeader(`${TEMPLATE_NAMES[kind]}.xlsx`, `${kind}-template.xlsx`),
        )
        .send(body);
    },
  );

  app.post(
    '/imports/:kind',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '上传 xlsx 开始导入（multipart 字段 file）；返回后台任务，轮询其进度与报告',
        consumes: ['multipart/form-data'],
        params: z.object({ kind: ImportKind }),
        querystring: z.object({ mode: ImportMode.default('default') }),
        response: { 202: ImportJob },
      },
    },
    async (request, reply) => {
      const ctx = request.ctx();
      const { kind } = request.params;
      requireImportScope(ctx.actor, kind);
      if (!request.isMultipart()) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          '请以 multipart/form-data 方式上传 Excel 文件（字段名 file）',
        );
      }
      const part = await request.file();
      if (!part) throw new AppError('FILE_INVALID', '请选择要导入的 Excel（.xlsx）文件（字段名 file）');
      if (part.fieldname !== 'file')
        throw new AppError('FILE_INVALID', '请选择要导入的 Excel（.xlsx）文件（字段名 file）');
      // Uploads hold personal data: owner-only file, removed when the job ends.
      const filePath = join(tmpdir(), `zhibu-import-${randomBytes(12).toString('hex')}.xlsx`);
      try {
        await pipeline(part.file, createWriteStream(filePath, { flags: 'wx', mode: 0o600 }));
        if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', '文件超过 50 MB，请拆分后导入');
        const inspection = await inspectXlsx(filePath);
        const fileName = (part.filename || 'upload.xlsx').slice(0, 200);
        const job = await runner.start(ctx, {
          kind,
          mode: request.query.mode,
          filePath,
          fileName,
          inspection,
        });
        return reply.status(202).send(job);
      } catch (e) {
        await rm(filePath, { force: true });
        if (isTooLarge(e)) throw new AppError('FILE_TOO_LARGE', '文件超过 50 MB，请拆分后导入');
        throw e;
      }
    },
  );

  app.get(
    '/imports/jobs/:id',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '导入任务的进度与报告（仅发起人或系统管理员）',
        params: JobParams,
        response: { 200: ImportJob },
      },
    },
    async (request) => getImportJob(request.ctx(), request.params.id),
  );

  app.get(
    '/imports/jobs/:id/report.xlsx',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '导入错误报告（xlsx：行号、列、错误码、说明）',
        params: JobParams,
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const job = await getImportJob(request.ctx(), request.params.id);
      if (!job.report) throw new AppError('BAD_REQUEST', '导入尚未完成或已失败，没有错误报告');
      const body = await buildErrorWorkbook(job.report.errors);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader('导入错误报告.xlsx', 'import-errors.xlsx'))
        .send(body);
    },
  );

  app.get(
    '/orgs/export',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '导出组织机构（xlsx，可直接再导入）',
        querystring: z.object({
          q: text('关键词').max(50).optional().describe('按全称、简称或拼音首字母筛选'),
        }),
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const stream = await exportOrgs(request.ctx(), { q: request.query.q });
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader('组织机构.xlsx', 'orgs.xlsx'))
        .send(stream);
    },
  );

  const sendMemberExport = async (
    request: FastifyRequest,
    reply: FastifyReply,
    filter: MemberFilter,
    isFull: boolean,
  ) => {
    const stream = await exportMembers(request.ctx(), filter, { full: isFull });
    return reply
      .type(XLSX_MIME)
      .header(
        'content-disposition',
        attachmentHeader(
          isFull ? '党员名册（完整身份号码和电话）.xlsx' : '党员名册（已脱敏）.xlsx',
          isFull ? 'members-full.xlsx' : 'members-masked.xlsx',
        ),
      )
      .send(stream);
  };
  app.get(
    '/members/export',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '导出党员名册（xlsx，筛选条件同党员列表；身份号码和电话脱敏，full=1 导出完整值并记录日志）',
        querystring: MemberUrlFilter.extend({
          full: Flag.optional().describe('1：导出完整身份号码和电话（需查看权限，记录日志），可用于再导入'),
        }),
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const { full, ...filter } = request.query;
      return sendMemberExport(request, reply, filter, full === '1' || full === 'true');
    },
  );
  app.post(
    '/members/export',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '导出党员名册（条件放在请求体中，可含完整公民身份号码；full=true 导出完整值并记录日志）',
        body: ExportMembersRequest,
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const { full, ...filter } = request.body;
      return sendMemberExport(request, reply, filter, full === true);
    },
  );
};
