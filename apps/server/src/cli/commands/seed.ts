import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { DEFAULT_MEMBERS, type Scale } from '../../modules/seed/planSeed.ts';
import {
  countOrgs,
  createDemoAccounts,
  DEMO_PASSWORD,
  type SeedProgress,
  SeedRefusedError,
  seedDatabase,
} from '../../modules/seed/seed.service.ts';
import { SeedInputError } from '../../modules/seed/seedInputError.ts';
import { CliError } from '../cliError.ts';
import { openDatabase } from '../openDatabase.ts';

const SCALES: readonly Scale[] = ['village', 'county', 'city', 'province'];
const PHASE_LABELS: Record<SeedProgress['phase'], string> = {
  plan: '规划组织树',
  orgs: '写入组织',
  members: '写入党员',
  events: '写入时间线',
  analyze: '更新统计信息',
};

interface SeedCommandOptions {
  scale: string;
  seed: string;
  members?: string;
  division?: string;
  events: boolean;
  dues: boolean;
  demoAccounts?: boolean;
  data?: string;
}

function wholeNumber(value: string, label: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`${label}应为${min > 0 ? '正' : '非负'}整数，而不是“${value}”`);
  }
  return Number(value);
}

const formatCount = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

/** A progress bar on a terminal; phase lines otherwise (logs, CI). */
function progressReporter(): { report: (p: SeedProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    let last = '';
    return {
      report: (p) => {
        if (p.phase !== last) {
          last = p.phase;
          console.error(`${PHASE_LABELS[p.phase]}……`);
        }
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{phase} [{bar}] {percentage}% | {value}/{total} | 剩余 {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: SeedProgress['phase'] | null = null;
  return {
    report: (p) => {
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.total, p.done, { phase: PHASE_LABELS[p.phase] });
      } else {
        bar.update(p.done);
      }
    },
    stop: () => {
      if (phase) bar.stop();
    },
  };
}

export function registerSeedCommand(program: Command) {
  program
    .command('seed')
    .description('生成示例数据：真实行政区划上的组织树和合规的党员名册（相同种子生成相同数据）')
    .requiredOption(
      '--scale <scale>',
      '规模：village（一个乡镇）| county（一个县）| city（一个地级市）| province（一个省）',
    )
    .option('--seed <n>', '随机种子', '1')
    .option(
      '--members <n>',
      `党员总数（默认 village ${DEFAULT_MEMBERS.village}、county ${DEFAULT_MEMBERS.county}、city ${DEFAULT_MEMBERS.city}、province ${DEFAULT_MEMBERS.province}）`,
    )
    .option(
      '--division <code>',
      '指定地区：区县 6 位或乡镇 9 位（village、county），地级市 4 位（city），省 2 位（province）',
    )
    .option('--no-events', '不写入党员时间线（入党、转正）')
    .option('--no-dues', '不生成党费交纳标准和近几个月的缴纳记录')
    .option(
      '--demo-accounts',
      `同时创建演示账号 xiangzhen（组织管理员）和 zhibu（党务工作者），密码 ${DEMO_PASSWORD}`,
    )
    .option('--data <dir>', '内嵌数据库的数据目录')
    .action(async (opts: SeedCommandOptions) => {
      if (!SCALES.includes(opts.scale as Scale)) {
        throw new CliError(`规模“${opts.scale}”无效，应为 village、county、city 或 province`);
      }
      const scale = opts.scale as Scale;
      const seed = wholeNumber(opts.seed, '--seed ', 0);
      const members = opts.members === undefined ? undefined : wholeNumber(opts.members, '--members ', 1);
      if (opts.division !== undefined && !/^\d{2,9}$/.test(opts.division)) {
        throw new CliError(`--division 应为统计用区划代码（数字），而不是“${opts.division}”`);
      }
      const { config, database } = await openDatabase({ data: opts.data });
      const progress = progressReporter();
      try {
        const existing = await countOrgs(database);
        if (existing > 0) {
          throw new CliError(
            `数据库中已有 ${existing} 个组织，示例数据只能生成到空数据库中。请用 --data 指定一个新的数据目录，或连接一个新的数据库。`,
          );
        }
        const result = await seedDatabase(database, config, {
          scale,
          seed,
          members,
          division: opts.division,
          withEvents: opts.events,
          withDues: opts.dues,
          onProgress: progress.report,
        });
        progress.stop();
        const t = result.timings;
        const rate = (rows: number, ms: number) =>
          ms > 0 ? formatCount(Math.round((rows * 1000) / ms)) : '—';
        console.log(`已生成示例数据：${result.description}（规模 ${result.scale}，种子 ${result.seed}）`);
        console.log(
          `  组织 ${formatCount(result.orgs)} 个，党员 ${formatCount(result.members)} 名，时间线记录 ${formatCount(result.events)} 条，党费标准 ${formatCount(result.duesProfiles)} 人、缴纳记录 ${formatCount(result.duesPayments)} 条`,
        );
        console.log(
          `  用时 ${seconds(t.total)}：规划 ${seconds(t.plan)}，组织 ${seconds(t.orgs)}，党员 ${seconds(t.members)}（${rate(result.members, t.members)} 行/秒，其中党费 ${seconds(t.dues)}），时间线 ${seconds(t.events)}，统计 ${seconds(t.analyze)}`,
        );
        console.log(`  顶级组织：${result.root.name}`);
        if (opts.demoAccounts) {
          for (const a of await createDemoAccounts(database, config, result)) {
            console.log(`  演示账号：${a.username} / ${a.password}（${a.role}，${a.org}）`);
          }
        }
      } catch (e) {
        progress.stop();
        if (e instanceof SeedRefusedError || e instanceof SeedInputError) throw new CliError(e.message);
        throw e;
      } finally {
        await database.close();
      }
    });
}
