import { z } from 'zod';
import { NewPassword, RoleAssignment } from './auth.ts';
import { PageQuery, PublicId, pageOf, text, Version } from './common.ts';
import { RoleCode } from './enums.ts';

export const User = z.object({
  id: PublicId,
  username: z.string(),
  displayName: z.string(),
  isDisabled: z.boolean(),
  isLocked: z.boolean(),
  /** The password was set by someone else (new account, reset) and must be changed at the next sign-in. */
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleAssignment),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const ListUsersRequest = PageQuery.extend({ q: text('关键词').max(50).optional() });
export const ListUsersResponse = pageOf(User);

export const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字或 _ . -');

export const CreateUserRequest = z.object({
  username: Username,
  displayName: text('姓名').min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
  password: NewPassword,
  role: RoleCode,
  orgId: PublicId.nullable(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.object({
  displayName: text('姓名').min(1, '请填写姓名').max(50, '姓名不超过 50 个字').optional(),
  isDisabled: z.boolean().optional(),
  version: Version,
});
export const ResetPasswordRequest = z.object({ password: NewPassword });
export const AddRoleRequest = z.object({ role: RoleCode, orgId: PublicId.nullable() });
export type ListUsersResponse = z.infer<typeof ListUsersResponse>;
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
