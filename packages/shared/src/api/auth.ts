import { z } from 'zod';
import { PublicId, text } from './common.ts';
import { RoleCode } from './enums.ts';

export const LoginRequest = z.object({
  username: text('用户名').min(1, '请输入用户名').max(50),
  password: z.string().min(1, '请输入密码').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RoleAssignment = z.object({
  id: PublicId,
  role: RoleCode,
  orgId: PublicId.nullable(),
  orgName: z.string().nullable(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const CurrentUser = z.object({
  id: PublicId,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleAssignment),
  mustChangePassword: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** Password rule shown to users: 8–64 characters, with at least three of: lower, upper, digit, symbol. */
export const NewPassword = z
  .string()
  .min(8, '密码至少 8 位')
  .max(64, '密码不超过 64 位')
  .refine(
    (p) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length >= 3,
    '密码须包含小写字母、大写字母、数字、符号中的至少三类',
  );

export const ChangePasswordRequest = z.object({
  oldPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
