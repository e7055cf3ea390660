import type { Command } from 'commander';
import { count } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { orgs } from '../../db/schema.ts';
import { seedDemo } from '../../modules/seed/seed.service.ts';
import { ensureAdminUser } from '../../modules/users/users.service.ts';
import { openDatabase } from '../openDatabase.ts';

export function registerStartCommand(program: Command) {
  program
    .command('start')
    .description('启动 Web 服务（默认使用内嵌数据库 ./data）')
    .option('--demo', '数据库为空时生成演示数据')
    .option('--data <dir>', '内嵌数据库的数据目录')
    .option('--port <n>', '端口', (v) => Number.parseInt(v, 10))
    .option('--host <host>', '监听地址')
    .action(async (opts: { demo?: boolean; data?: string; port?: number; host?: string }) => {
      const started = Date.now();
      const { config, database } = await openDatabase({ data: opts.data });
      const admin = await ensureAdminUser(database.db, process.env.ZHIBU_ADMIN_PASSWORD || undefined);
      let demoAccounts: { username: string; password: string; role: string; org: string }[] = [];
      if (opts.demo) {
        const [row] = await database.db.select({ n: count() }).from(orgs);
        if ((row?.n ?? 0) === 0) {
          console.log('数据库为空，正在生成演示数据……');
          demoAccounts = await seedDemo(database, config);
        }
      }
      const app = await buildApp({ database, config, logLevel: process.env.LOG_LEVEL ?? 'warn' });
      const port = opts.port ?? config.port;
      const host = opts.host ?? config.host;
      await app.listen({ port, host });
      const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
      console.log(
        `\n支部 zhibu 已启动（${database.engine === 'pglite' ? `内嵌数据库 ${config.dataDir}` : 'PostgreSQL'}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
      );
      console.log(`打开浏览器访问：http://${shown}:${port}/`);
      console.log(`接口文档：http://${shown}:${port}/api/docs`);
      if (admin.password) {
        console.log(`系统管理员：用户名 admin，初始密码 ${admin.password}（只显示这一次，请登录后修改）`);
      } else if (admin.created) {
        console.log('系统管理员：用户名 admin，密码为环境变量 ZHIBU_ADMIN_PASSWORD 的值');
      } else {
        console.log('系统管理员：用户名 admin（使用已设置的密码）');
      }
      for (const a of demoAccounts)
        console.log(`演示账号：${a.username} / ${a.password}（${a.role}，${a.org}）`);
      const shutdown = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
