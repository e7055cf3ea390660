import {
  computeDuesStandard,
  DuesCategoryCode,
  duesCategoryName,
  duesCitationText,
  formatFen,
  parseYuan,
} from '@zhibu/shared';
import type { Command } from 'commander';
import { CliError } from '../cliError.ts';

/** Categories the calculator takes; hardship reductions are a branch decision, not a formula. */
const CALC_CATEGORIES = DuesCategoryCode.options.filter((c) => c !== 'hardship_reduced');

const HELP = `
类别：${CALC_CATEGORIES.map((c) => `${c}（${duesCategoryName(c)}）`).join('、')}
在岗职工、年薪制、离退休须给出 --base（税后月工资、月实际收入、离退休费，元）。
农民党员每月 0.2–1 元，可用 --amount 指定，默认 0.2 元。

选项 --json 输出 { "category", "baseFen", "rate", "monthlyFen", "citation" }：
  金额以分为单位；rate 为比例（如 0.005），定额时为 null。`;

function yuanToFen(text: string, what: string): number {
  const parsed = parseYuan(text);
  if (!parsed.ok) throw new CliError(`${what}：${parsed.message}`);
  return parsed.value;
}

function percent(basisPoints: number): string {
  return `${basisPoints / 100}%`;
}

export function registerDuesCommand(program: Command) {
  const dues = program.command('dues').description('党费');
  dues
    .command('calc')
    .description('计算每月应交党费（中组发〔2008〕3号）')
    .option('--category <category>', '交纳类别')
    .option('--base <yuan>', '党费基数（元）')
    .option('--amount <yuan>', '农民党员每月交纳额（元，0.2–1）')
    .option('--json', '以 JSON 输出')
    .addHelpText('after', HELP)
    .action((opts: { category?: string; base?: string; amount?: string; json?: boolean }) => {
      if (!opts.category) throw new CliError(`请用 --category 指定交纳类别：${CALC_CATEGORIES.join('、')}`);
      const category = CALC_CATEGORIES.find((c) => c === opts.category);
      if (!category) {
        throw new CliError(`交纳类别“${opts.category}”无效，应为 ${CALC_CATEGORIES.join('、')} 之一`);
      }
      const baseFen = opts.base === undefined ? null : yuanToFen(opts.base, '党费基数');
      const amountFen = opts.amount === undefined ? null : yuanToFen(opts.amount, '交纳额');
      const result = computeDuesStandard({ category, baseFen, amountFen });
      if (!result.ok) throw new CliError(result.message);
      const s = result.value;
      const citation = duesCitationText(s.citation);
      if (opts.json) {
        const out = { category: s.category, baseFen, rate: s.rate, monthlyFen: s.monthlyFen, citation };
        process.stdout.write(`${JSON.stringify(out)}\n`);
        return;
      }
      console.log(`交纳类别：${duesCategoryName(s.category)}`);
      if (baseFen !== null) console.log(`党费基数：${formatFen(baseFen)} 元`);
      console.log(`交纳标准：${s.basisPoints === null ? '定额' : `按基数的 ${percent(s.basisPoints)}`}`);
      console.log(`每月应交：${formatFen(s.monthlyFen)} 元`);
      console.log(`依据：${citation}`);
    });
}
