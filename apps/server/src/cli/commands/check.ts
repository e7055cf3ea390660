import { todayInShanghai } from '@zhibu/shared';
import type { Command } from 'commander';
import { cliActor } from '../../access/actor.ts';
import { PersonalDataCipher } from '../../lib/personalDataCipher.ts';
import { findOrgsByName } from '../../modules/orgs/orgs.service.ts';
import { nameWarnings } from '../../modules/rules/warnings.service.ts';
import { evaluateWarnings } from '../../rules/ruleEngine.ts';
import type { Severity, Warning } from '../../rules/ruleTypes.ts';
import { CliError } from '../cliError.ts';
import { openDatabase } from '../openDatabase.ts';

const SEVERITY_LABELS: Record<Severity, string> = { violation: '违规', warning: '预警', info: '提示' };
/** From this many warnings of one rule about members of one org, they are printed as one line. */
const COLLAPSE_AT = 4;

const HELP = `
选项 --json 在标准输出打印数组，每项为
  { "rule", "citation", "severity", "orgId", "memberId", "message", "since", "due" }
  severity 为 info（提示）、warning（预警）或 violation（违规）；since、due 为 YYYY-MM-DD 或 null。
不加 --json 时按组织分组列出，并注明依据；同一组织同一规则涉及多名党员时合并为一行。
发现问题时退出码仍为 0。`;

/** One JSON element, exactly the documented keys in the documented order. */
function toJson(w: Warning) {
  return {
    rule: w.rule,
    citation: w.citation,
    severity: w.severity,
    orgId: w.orgId,
    memberId: w.memberId,
    message: w.message,
    since: w.since,
    due: w.due,
  };
}

export function registerCheckCommand(program: Command) {
  program
    .command('check')
    .description('按党内法规检查组织和党员，列出预警（任期、支部规模、党费等），每条注明依据')
    .option('--org <name>', '只检查此组织（全称或简称）及其全部下级')
    .option('--json', '以 JSON 数组输出')
    .option('--data <dir>', '内嵌数据库的数据目录')
    .addHelpText('after', HELP)
    .action(async (opts: { org?: string; json?: boolean; data?: string }) => {
      // `zhibu check | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(0);
        throw e;
      });
      const { config, database } = await openDatabase({ data: opts.data });
      try {
        const ctx = { db: database.db, actor: cliActor(), cipher: new PersonalDataCipher(config.masterKey) };
        let subtreePath: string | undefined;
        let orgName: string | undefined;
        if (opts.org) {
          const matches = await findOrgsByName(ctx, opts.org, 'org.read');
          const [only] = matches;
          if (!only) throw new CliError(`找不到组织“${opts.org}”`);
          if (matches.length > 1)
            throw new CliError(`有 ${matches.length} 个组织名为“${opts.org}”，请使用全称`);
          subtreePath = only.path;
          orgName = only.name;
        }
        const today = todayInShanghai();
        const warnings = await evaluateWarnings({ db: ctx.db, scope: { kind: 'all' }, subtreePath, today });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(warnings.map(toJson), null, 2)}\n`);
          return;
        }
        printHuman(await nameWarnings(ctx, warnings), { today, orgName });
      } finally {
        await database.close();
      }
    });
}

function printHuman(
  items: Awaited<ReturnType<typeof nameWarnings>>,
  options: { today: string; orgName?: string },
) {
  const where = options.orgName ? `“${options.orgName}”及其下级` : '全部组织';
  if (items.length === 0) {
    console.log(`检查日期 ${options.today}，${where}：未发现问题。`);
    return;
  }
  const groups = new Map<string, typeof items>();
  for (const item of items) {
    const key = item.orgPath ?? '';
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const counts = { violation: 0, warning: 0, info: 0 };
  for (const item of items) counts[item.severity] += 1;
  console.log(
    `检查日期 ${options.today}，${where}：共 ${items.length} 条（违规 ${counts.violation}，预警 ${counts.warning}，提示 ${counts.info}），涉及 ${groups.size} 个组织。\n`,
  );
  for (const path of [...groups.keys()].sort()) {
    const list = groups.get(path) ?? [];
    console.log(`■ ${list[0]?.orgName ?? '（未知组织）'}（${list.length} 条）`);
    // Many members under one rule (e.g. no dues standard yet) read better as one line with names.
    const byRule = new Map<string, typeof list>();
    const keyOf = (w: (typeof list)[number]) => `${w.rule}|${w.citation}|${w.severity}`;
    for (const w of list) byRule.set(keyOf(w), [...(byRule.get(keyOf(w)) ?? []), w]);
    for (const w of list) {
      const same = byRule.get(keyOf(w)) ?? [];
      if (same.length >= COLLAPSE_AT && same.every((x) => x.memberName)) {
        if (same[0] !== w) continue;
        const names = same
          .slice(0, 10)
          .map((x) => x.memberName)
          .join('、');
        console.log(`  [${SEVERITY_LABELS[w.severity]}] ${same.length} 名党员：${w.ruleTitle}`);
        console.log(`         ${names}${same.length > 10 ? ` 等` : ''}`);
        console.log(`         依据：${w.citation || '—'}（${w.rule}）`);
        continue;
      }
      const who = w.memberName ? `${w.memberName}：` : '';
      const dates = [w.since ? `自 ${w.since}` : '', w.due ? `期限 ${w.due}` : ''].filter(Boolean).join('，');
      console.log(`  [${SEVERITY_LABELS[w.severity]}] ${who}${w.message}`);
      console.log(`         依据：${w.citation || '—'}（${w.rule}）${dates ? `；${dates}` : ''}`);
    }
    console.log('');
  }
}
