import {
  CalendarYear,
  CreateApplicantRequest,
  DevelopmentBoard,
  GetDevelopmentBoardRequest,
  GetDevelopmentPersonResponse,
  GrantAdmissionAuthorityRequest,
  ListAdmissionAuthoritiesResponse,
  ListDevelopmentPeopleRequest,
  ListDevelopmentPeopleResponse,
  PutCalendarYearRequest,
  RecordStepRequest,
  ResumeProbationRequest,
  UpdateApplicantRequest,
  WithdrawApplicantRequest,
} from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createApplicant,
  findDevelopmentPeople,
  getDevelopmentBoard,
  getDevelopmentPerson,
  grantAdmissionAuthority,
  listAdmissionAuthorities,
  recordStep,
  resumeProbation,
  revokeAdmissionAuthority,
  updateApplicant,
  withdrawApplicant,
} from './development.service.ts';
import { getCalendarYear, putCalendarYear } from './workingDayCalendar.ts';

const tags = ['发展党员'];
const IdParams = z.object({ id: z.string().max(32) });
const OrgParams = z.object({ orgId: z.string().max(32) });
const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const authenticated = { access: 'authenticated' } as const;

export const developmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/development/board',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '发展党员看板：各阶段人数和超期人数（所选组织及全部下级）',
        querystring: GetDevelopmentBoardRequest,
        response: { 200: DevelopmentBoard },
      },
    },
    async (request) => getDevelopmentBoard(request.ctx(), request.query),
  );
  app.get(
    '/development/people',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '发展党员名单（按阶段，期限最近的在前）',
        querystring: ListDevelopmentPeopleRequest,
        response: { 200: ListDevelopmentPeopleResponse },
      },
    },
    async (request) => findDevelopmentPeople(request.ctx(), request.query),
  );
  app.post(
    '/development/people',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '登记入党申请人（第1步：递交入党申请书）',
        body: CreateApplicantRequest,
        response: { 201: GetDevelopmentPersonResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createApplicant(request.ctx(), request.body)),
  );
  app.post(
    '/development/resume',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '在册预备党员接续教育考察和转正（转入或此前已接收）',
        body: ResumeProbationRequest,
        response: { 201: GetDevelopmentPersonResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await resumeProbation(request.ctx(), request.body)),
  );
  app.get(
    '/development/people/:id',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '发展党员对象详情：25 个步骤、期限',
        params: IdParams,
        response: { 200: GetDevelopmentPersonResponse },
      },
    },
    async (request) => getDevelopmentPerson(request.ctx(), request.params.id),
  );
  app.patch(
    '/development/people/:id',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '修改发展党员对象的个人信息',
        params: IdParams,
        body: UpdateApplicantRequest,
        response: { 200: GetDevelopmentPersonResponse },
      },
    },
    async (request) => updateApplicant(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/development/people/:id/steps',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '记录一个步骤（不符合规定时返回 RULE_VIOLATION，并注明条款）',
        params: IdParams,
        body: RecordStepRequest,
        response: { 200: GetDevelopmentPersonResponse },
      },
    },
    async (request) => recordStep(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/development/people/:id/withdraw',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '终止发展程序（接收为预备党员之前）',
        params: IdParams,
        body: WithdrawApplicantRequest,
        response: { 200: GetDevelopmentPersonResponse },
      },
    },
    async (request) => withdrawApplicant(request.ctx(), request.params.id, request.body),
  );
  app.get(
    '/development/authorities',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '具有发展党员审批权限的基层党委',
        response: { 200: ListAdmissionAuthoritiesResponse },
      },
    },
    async (request) => listAdmissionAuthorities(request.ctx()),
  );
  app.post(
    '/development/authorities/:orgId',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '赋予基层党委审批权限（由上级组织设置）',
        params: OrgParams,
        body: GrantAdmissionAuthorityRequest,
        response: { 200: ListAdmissionAuthoritiesResponse },
      },
    },
    async (request) => grantAdmissionAuthority(request.ctx(), request.params.orgId, request.body),
  );
  app.delete(
    '/development/authorities/:orgId',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '收回审批权限',
        params: OrgParams,
        response: { 200: ListAdmissionAuthoritiesResponse },
      },
    },
    async (request) => revokeAdmissionAuthority(request.ctx(), request.params.orgId),
  );
  app.get(
    '/development/calendar/:year',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '工作日日历：法定节假日放假和调休上班日期',
        params: YearParams,
        response: { 200: CalendarYear },
      },
    },
    async (request) => getCalendarYear(request.ctx(), request.params.year),
  );
  app.put(
    '/development/calendar/:year',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '录入或更正某年的节假日安排（系统管理员）',
        params: YearParams,
        body: PutCalendarYearRequest,
        response: { 200: CalendarYear },
      },
    },
    async (request) => putCalendarYear(request.ctx(), request.params.year, request.body),
  );
};
