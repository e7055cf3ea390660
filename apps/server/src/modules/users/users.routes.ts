import {
  AddRoleRequest,
  CreateUserRequest,
  ListUsersRequest,
  ListUsersResponse,
  OkResponse,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
} from '@zhibu/shared/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addUserRole,
  createUser,
  findUsers,
  removeUserRole,
  resetUserPassword,
  unlockUser,
  updateUser,
} from './users.service.ts';

const tags = ['用户与角色'];
const IdParams = z.object({ id: z.string().max(32) });
const authenticated = { access: 'authenticated' } as const;

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '用户列表',
        querystring: ListUsersRequest,
        response: { 200: ListUsersResponse },
      },
    },
    async (request) => findUsers(request.ctx(), request.query),
  );
  app.post(
    '/users',
    {
      config: authenticated,
      schema: { tags, summary: '新建用户并授予角色', body: CreateUserRequest, response: { 201: User } },
    },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx(), request.body)),
  );
  app.patch(
    '/users/:id',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '修改用户（姓名、停用）',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: User },
      },
    },
    async (request) => updateUser(request.ctx(), request.params.id, request.body),
  );
  app.post(
    '/users/:id/password',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '重置密码',
        params: IdParams,
        body: ResetPasswordRequest,
        response: { 200: OkResponse },
      },
    },
    async (request) => {
      await resetUserPassword(request.ctx(), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );
  app.post(
    '/users/:id/unlock',
    {
      config: authenticated,
      schema: { tags, summary: '解除锁定', params: IdParams, response: { 200: OkResponse } },
    },
    async (request) => {
      await unlockUser(request.ctx(), request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/users/:id/roles',
    {
      config: authenticated,
      schema: { tags, summary: '授予角色', params: IdParams, body: AddRoleRequest, response: { 200: User } },
    },
    async (request) => addUserRole(request.ctx(), request.params.id, request.body),
  );
  app.delete(
    '/users/:id/roles/:assignmentId',
    {
      config: authenticated,
      schema: {
        tags,
        summary: '撤销角色',
        params: IdParams.extend({ assignmentId: z.string().max(32) }),
        response: { 200: User },
      },
    },
    async (request) => removeUserRole(request.ctx(), request.params.id, request.params.assignmentId),
  );
};
