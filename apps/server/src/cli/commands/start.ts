import type { Command } from 'commander';
import { buildApp } from '../../app.ts';
import { listenAddress } from '../../config/loadConfig.ts';
import { isDemoDataPresent } from '../../modules/seed/demoMarker.ts';
import { countOrgs, seedDemo } from '../../modules/seed/seed.service.ts';
import { ensureAdminUser } from '../../modules/users/users.service.ts';
import { CliError } from '../cliError.ts';
import { openDatabase } from '../openDatabase.ts';
import { assertPortFree, portProblem } from '../portCheck.ts';
import { ensureWebBundle } from '../webBundle.ts';

interface StartOptions {
  /** true: `--demo`, false: `--no-demo`, undefined: neither (a real, empty install). */
  demo?: boolean;
  data?: string;
  port?: number;
  host?: string;
  build?: boolean;
}

export function registerStartCommand(program: Command) {
  program
    .command('start')
    .description('启动 Web 服务（默认使用内嵌数据库 ./data）')
    .option('--demo', '数据库为空时生成演示数据（虚构的县及演示账号）')
    .option('--no-demo', '不生成演示数据（正式使用；npm start 默认带 --demo）')
    .option('--data <dir>', '内嵌数据库的数据目录')
    .option('--port <n>', '端口（也可用环境变量 PORT）', (v) => Number.parseInt(v, 10))
    .option('--host <host>', '监听地址（也可用环境变量 HOST）')
    .option('--no-build', '不检查、不构建 Web 界面（只提供接口）')
    .action(startCommand);
}

async function startCommand(opts: StartOptions) {
  const started = Date.now();
  // Everything that can refuse does so before the data directory, the key or any account is made.
  const { port, host } = listenAddress({ port: opts.port, host: opts.host });
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new CliError('端口必须是 1–65535 之间的整数：请检查环境变量 PORT 或选项 --port');
  }
  await assertPortFree(port, host);
  if (opts.build !== false) ensureWebBundle();

  const { config, database } = await openDatabase({ data: opts.data });
  let demoAccounts: { username: string; password: string; role: string; org: string }[] = [];
  if (opts.demo === true && (await countOrgs(database)) === 0) {
    console.log('数据库为空，正在生成演示数据……');
    demoAccounts = await seedDemo(database, config);
  }
  const app = await buildApp({ database, config, logLevel: process.env.LOG_LEVEL ?? 'warn' });
  try {
    await app.listen({ port, host });
  } catch (e) {
    await app.close();
    await database.close();
    throw portProblem((e as NodeJS.ErrnoException).code, port, host) ?? e;
  }
  // Only now, with the port bound, is the first administrator created and its password shown:
  // a start that fails earlier leaves no account whose password nobody saw.
  const admin = await ensureAdminUser(database.db, process.env.ZHIBU_ADMIN_PASSWORD || undefined);
  const isDemo = await isDemoDataPresent(database.db);

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
    console.log('系统管理员：用户名 admin（使用已设置的密码；忘记密码请运行 npx zhibu user reset-password）');
  }
  for (const a of demoAccounts) console.log(`演示账号：${a.username} / ${a.password}（${a.role}，${a.org}）`);
  if (isDemo) {
    console.log(
      '\n注意：当前数据库中是【演示数据】（虚构的县、党员和账号），请勿录入真实信息。' +
        `\n正式使用请换一个新的数据目录并不带演示数据启动：npm start -- --no-demo --data <新目录>（或 npx zhibu start --data <新目录>）`,
    );
  }
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
