import type { RoleCode } from '@zhibu/shared/api';
import { NewPassword, RoleCode as RoleCodeSchema, Username } from '@zhibu/shared/api';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { cliActor } from '../../access/actor.ts';
import { users } from '../../db/schema.ts';
import { PersonalDataCipher } from '../../lib/personalDataCipher.ts';
import { encodeId } from '../../lib/publicId.ts';
import type { ServiceContext } from '../../lib/serviceContext.ts';
import { findOrgsByName } from '../../modules/orgs/orgs.service.ts';
import {
  generatePassword,
  resetUserPassword,
  unlockUser,
  upsertUserWithRole,
} from '../../modules/users/users.service.ts';
import { CliError } from '../cliError.ts';
import { openDatabase } from '../openDatabase.ts';

export function registerUserCommand(program: Command) {
  const user = program.command('user').description('用户管理');
  user
    .command('add')
    .description('新建用户（已存在则更新密码）并授予角色')
    .requiredOption('--username <u>', '用户名')
    .requiredOption('--password <p>', '密码')
    .requiredOption('--role <role>', '角色：admin | org_admin | officer | member')
    .option('--org <name>', '所属组织（全称或简称；admin 可省略）')
    .option('--name <displayName>', '姓名')
    .option('--no-must-change-password', '不要求首次登录时修改密码（默认要求）')
    .option('--data <dir>', '内嵌数据库的数据目录')
    .action(
      async (opts: {
        username: string;
        password: string;
        role: string;
        org?: string;
        name?: string;
        mustChangePassword: boolean;
        data?: string;
      }) => {
        const role = RoleCodeSchema.safeParse(opts.role);
        if (!role.success)
          throw new CliError(`角色“${opts.role}”无效，应为 admin、org_admin、officer 或 member`);
        const username = Username.safeParse(opts.username);
        if (!username.success) throw new CliError(username.error.issues[0]?.message ?? '用户名无效');
        const password = NewPassword.safeParse(opts.password);
        if (!password.success) throw new CliError(password.error.issues[0]?.message ?? '密码不符合要求');
        if (!opts.org && role.data !== 'admin') throw new CliError('除 admin 外必须用 --org 指定所属组织');
        const { config, database } = await openDatabase({ data: opts.data });
        try {
          const ctx = {
            db: database.db,
            actor: cliActor(),
            cipher: new PersonalDataCipher(config.masterKey),
          };
          let orgId: number | null = null;
          if (opts.org) {
            const matches = await findOrgsByName(ctx, opts.org, 'org.read');
            if (matches.length === 0) throw new CliError(`找不到组织“${opts.org}”`);
            if (matches.length > 1)
              throw new CliError(`有 ${matches.length} 个组织名为“${opts.org}”，请使用全称`);
            orgId = matches[0]?.id ?? null;
          }
          const result = await upsertUserWithRole(ctx, {
            username: username.data,
            password: password.data,
            role: role.data as RoleCode,
            orgId,
            displayName: opts.name,
            mustChangePassword: opts.mustChangePassword,
          });
          console.log(
            `${result.created ? '已创建' : '已更新'}用户 ${username.data}（${role.data}${opts.org ? `，${opts.org}` : ''}）`,
          );
        } finally {
          await database.close();
        }
      },
    );

  user
    .command('unlock')
    .description('解除账号的登录等待（连续登录失败后），管理员忘记密码时可再用 reset-password')
    .requiredOption('--username <u>', '用户名')
    .option('--data <dir>', '内嵌数据库的数据目录')
    .action(async (opts: { username: string; data?: string }) => {
      await withUser(opts, async (ctx, publicId) => {
        await unlockUser(ctx, publicId);
        console.log(`已解除用户 ${opts.username} 的登录限制`);
      });
    });
  user
    .command('reset-password')
    .description('重置密码（默认生成一次性密码并显示一次）；用户下次登录时必须修改，其会话全部结束')
    .requiredOption('--username <u>', '用户名')
    .option('--password <p>', '指定新密码（默认随机生成）')
    .option('--data <dir>', '内嵌数据库的数据目录')
    .action(async (opts: { username: string; password?: string; data?: string }) => {
      let newPassword = generatePassword();
      if (opts.password !== undefined) {
        const parsed = NewPassword.safeParse(opts.password);
        if (!parsed.success) throw new CliError(parsed.error.issues[0]?.message ?? '密码不符合要求');
        newPassword = parsed.data;
      }
      await withUser(opts, async (ctx, publicId) => {
        await resetUserPassword(ctx, publicId, newPassword);
        console.log(`已重置用户 ${opts.username} 的密码，下次登录时须修改`);
        if (opts.password === undefined) console.log(`一次性密码：${newPassword}（只显示这一次）`);
      });
    });
}

/** Opens the database, finds the user by name and runs `work` as the command line's administrator. */
async function withUser(
  opts: { username: string; data?: string },
  work: (ctx: ServiceContext, publicId: string) => Promise<void>,
) {
  const { config, database } = await openDatabase({ data: opts.data });
  try {
    const [found] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, opts.username));
    if (!found) throw new CliError(`找不到用户“${opts.username}”`);
    const ctx = { db: database.db, actor: cliActor(), cipher: new PersonalDataCipher(config.masterKey) };
    await work(ctx, encodeId(found.id));
  } finally {
    await database.close();
  }
}
