import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ImportKind, ImportMode, ImportReport } from '@zhibu/shared/api';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { cliActor } from '../../access/actor.ts';
import { AppError } from '../../lib/appError.ts';
import { PersonalDataCipher } from '../../lib/personalDataCipher.ts';
import { createImportJob, runImportJob } from '../../modules/imports/imports.service.ts';
import { inspectXlsx } from '../../modules/imports/inspectXlsx.ts';
import { CliError } from '../cliError.ts';
import { openDatabase } from '../openDatabase.ts';

interface ImportOptions {
  dryRun?: boolean;
  atomic?: boolean;
  json?: boolean;
  data?: string;
}

const KIND_LABELS: Record<ImportKind, string> = { orgs: '组织机构', members: '党员名册' };
const MODE_LABELS: Record<ImportMode, string> = {
  dryRun: '试导入，未写入',
  default: '导入正确的行',
  atomic: '全部正确才导入',
};
/** Errors that mean the file could not be read as a roster at all. */
const FILE_LEVEL_CODES = new Set(['HEADER_NOT_FOUND', 'COLUMN_MISSING']);
const SHOWN_ERRORS = 50;

const EXIT_CODES = `
选项 --json 在标准输出打印报告：{ "total", "created", "updated", "unchanged", "errors": [{ "row", "column", "code", "message" }] }
进度条只在标准错误是终端且未使用 --json 时显示。

退出码：
  0  导入已执行（即使报告中有错误行；默认模式下正确的行已写入）
  1  全部正确才导入（--atomic）而文件有错误，未写入任何数据；
     或文件无法使用（找不到文件、不是 .xlsx、找不到表头、缺少必需列）；或其他致命错误`;

function printReport(
  kind: ImportKind,
  mode: ImportMode,
  report: ImportReport,
  errorRows: number,
  isRejected: boolean,
) {
  const head = `${KIND_LABELS[kind]}导入${isRejected ? '未执行' : '完成'}（${MODE_LABELS[mode]}）：共 ${report.total} 行`;
  const counts = isRejected
    ? `有 ${errorRows} 行错误，未写入任何数据`
    : `${mode === 'dryRun' ? '将' : ''}新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}，错误 ${errorRows} 行`;
  console.log(`${head}，${counts}`);
  for (const e of report.errors.slice(0, SHOWN_ERRORS)) console.log(`  ${e.message} [${e.code}]`);
  if (report.errors.length > SHOWN_ERRORS) {
    console.log(`  ……另有 ${report.errors.length - SHOWN_ERRORS} 条错误，使用 --json 查看全部`);
  }
}

async function importCommand(kind: ImportKind, file: string, opts: ImportOptions) {
  const path = resolve(file);
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new CliError(`找不到文件“${file}”`);
  }
  if (!isFile) throw new CliError(`“${file}”不是文件`);
  // Check the file before opening (and locking) the database.
  const inspection = await inspectXlsx(path).catch((e: unknown) => {
    if (e instanceof AppError) throw new CliError(`“${file}”无法导入：${e.detail}`);
    throw e;
  });
  const mode: ImportMode = opts.dryRun ? 'dryRun' : opts.atomic ? 'atomic' : 'default';
  const { config, database } = await openDatabase({ data: opts.data });
  const bar =
    !opts.json && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: '导入中 [{bar}] {percentage}% | {value}/{total} 行',
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  try {
    const ctx = { db: database.db, actor: cliActor(), cipher: new PersonalDataCipher(config.masterKey) };
    bar?.start(Math.max(1, ...inspection.sheetRows.values()), 0);
    const input = { kind, mode, filePath: path, fileName: basename(path), inspection };
    // A job row like a web upload's, so an interrupted command line import can be traced too.
    const job = await createImportJob(ctx, input, 'cli');
    const outcome = await runImportJob(
      ctx,
      job.id,
      {
        ...input,
        onProgress: (processed, total) => {
          bar?.setTotal(Math.max(1, total));
          bar?.update(processed);
        },
      },
      { error: (_obj, msg) => console.error(msg) },
    );
    bar?.update(outcome.report.total);
    bar?.setTotal(Math.max(1, outcome.report.total));
    bar?.stop();
    const { report } = outcome;
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printReport(kind, mode, report, outcome.errorRows, outcome.isRejected);
    if (outcome.isRejected || report.errors.some((e) => FILE_LEVEL_CODES.has(e.code))) process.exitCode = 1;
  } finally {
    bar?.stop();
    await database.close();
  }
}

export function registerImportCommand(program: Command) {
  const command = program
    .command('import')
    .description('从 Excel（.xlsx）导入组织机构或党员名册（模板可在网页“数据导入”中下载）');
  for (const kind of ['orgs', 'members'] as const) {
    command
      .command(`${kind} <file>`)
      .description(
        kind === 'orgs'
          ? '导入组织机构：组织名称、组织简称、上级组织、组织类型、组织类别、成立日期'
          : '导入党员名册：姓名、性别、公民身份号码、民族、出生日期、学历、党员类型、入党日期、转正日期、所在党组织、联系电话、备注（按公民身份号码匹配，已有的更新）',
      )
      .option('--dry-run', '试导入：检查全部行并报告，不写入任何数据')
      .option('--atomic', '全部正确才导入：有任何错误则什么也不写入（一个事务）')
      .option('--json', '以 JSON 在标准输出打印报告')
      .option('--data <dir>', '内嵌数据库的数据目录')
      .addHelpText('after', EXIT_CODES)
      .action((file: string, opts: ImportOptions) => importCommand(kind, file, opts));
  }
}
