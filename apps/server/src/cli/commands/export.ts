import { createWriteStream, existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { cliActor } from '../../access/actor.ts';
import { PersonalDataCipher } from '../../lib/personalDataCipher.ts';
import { encodeId } from '../../lib/publicId.ts';
import type { ServiceContext } from '../../lib/serviceContext.ts';
import { exportMembers, exportOrgs } from '../../modules/imports/imports.service.ts';
import { findOrgsByName } from '../../modules/orgs/orgs.service.ts';
import { CliError } from '../cliError.ts';
import { openDatabase } from '../openDatabase.ts';

interface ExportOptions {
  out: string;
  data?: string;
}

function checkOut(out: string): string {
  const path = resolve(out);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`输出目录“${folder}”不存在`);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new CliError(`“${out}”是目录，请给出文件名，如 名册.xlsx`);
  return path;
}

async function writeExport(
  opts: ExportOptions,
  what: string,
  make: (ctx: ServiceContext, onRows: (n: number) => void) => Promise<Readable>,
  file: { note?: string; isPrivate?: boolean } = {},
) {
  const path = checkOut(opts.out);
  const { config, database } = await openDatabase({ data: opts.data });
  try {
    const ctx = { db: database.db, actor: cliActor(), cipher: new PersonalDataCipher(config.masterKey) };
    let count = 0;
    const stream = await make(ctx, (n) => {
      count += n;
    });
    try {
      // A file with whole ID numbers and phones is readable by its owner only.
      await pipeline(stream, createWriteStream(path, file.isPrivate ? { mode: 0o600 } : {}));
    } catch (e) {
      await rm(path, { force: true });
      throw e;
    }
    console.log(`已导出 ${count} ${what}到 ${path}`);
    if (file.note) console.log(file.note);
  } finally {
    await database.close();
  }
}

export function registerExportCommand(program: Command) {
  const command = program
    .command('export')
    .description('导出为 Excel（.xlsx），表头与导入模板一致；组织和完整党员名册（--full）可修改后再导入');
  command
    .command('members')
    .description('导出党员名册（在册党员；默认脱敏，--full 导出完整身份号码和电话）')
    .requiredOption('--out <file>', '输出文件，如 名册.xlsx')
    .option('--org <name>', '只导出此组织（全称或简称）及其全部下级')
    .option('--full', '导出完整的公民身份号码和联系电话（记录日志）；不加时脱敏，脱敏的文件不能再导入')
    .option('--data <dir>', '内嵌数据库的数据目录')
    .action((opts: ExportOptions & { org?: string; full?: boolean }) =>
      writeExport(
        opts,
        '名党员',
        async (ctx, onRows) => {
          let orgId: string | undefined;
          if (opts.org) {
            const matches = await findOrgsByName(ctx, opts.org, 'org.read');
            const [only] = matches;
            if (!only) throw new CliError(`找不到组织“${opts.org}”`);
            if (matches.length > 1)
              throw new CliError(`有 ${matches.length} 个组织名为“${opts.org}”，请使用全称`);
            orgId = encodeId(only.id);
          }
          return exportMembers(ctx, { orgId }, { full: opts.full === true, onRows });
        },
        opts.full
          ? {
              isPrivate: true,
              note: '文件含完整的公民身份号码和联系电话（本次导出已记入审计日志），可修改后再导入；请妥善保管，勿外传',
            }
          : {
              note: '身份号码和电话已脱敏：此文件适合打印和报送，不能再导入；需要再导入时请加 --full 导出完整名册',
            },
      ),
    );
  command
    .command('orgs')
    .description('导出组织机构（全部组织，上级在下级之前）')
    .requiredOption('--out <file>', '输出文件，如 组织.xlsx')
    .option('--q <text>', '按全称、简称或拼音首字母筛选')
    .option('--data <dir>', '内嵌数据库的数据目录')
    .action((opts: ExportOptions & { q?: string }) =>
      writeExport(opts, '个组织', (ctx, onRows) => exportOrgs(ctx, { q: opts.q, onRows })),
    );
}
