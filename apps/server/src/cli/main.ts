import { Command } from 'commander';
import { AppError } from '../lib/appError.ts';
import { serializeErrorForLog } from '../lib/logRedaction.ts';
import { CliError } from './cliError.ts';
import { registerCheckCommand } from './commands/check.ts';
import { registerDuesCommand } from './commands/dues.ts';
import { registerExportCommand } from './commands/export.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerSeedCommand } from './commands/seed.ts';
import { registerStartCommand } from './commands/start.ts';
import { registerUserCommand } from './commands/user.ts';

const program = new Command();
program.name('zhibu').description('支部 · 基层党建信息管理平台').showHelpAfterError();
registerStartCommand(program);
registerSeedCommand(program);
registerImportCommand(program);
registerExportCommand(program);
registerUserCommand(program);
registerCheckCommand(program);
registerDuesCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliError || e instanceof AppError) {
    console.error(`错误：${e.message}`);
    process.exit(e instanceof CliError ? e.exitCode : 1);
  }
  if (e instanceof Error && /数据目录/.test(e.message)) {
    console.error(`错误：${e.message}`);
    process.exit(1);
  }
  // Not the raw error: a failed statement's message and properties carry its parameters.
  const shown = serializeErrorForLog(e) as {
    message?: string;
    code?: string;
    stack?: string;
    cause?: { code?: string; message?: string };
  };
  const code = shown.code ?? shown.cause?.code;
  console.error(
    `错误：内部错误${code ? `（SQLSTATE ${code}）` : ''}：${shown.cause?.message ?? shown.message ?? ''}`,
  );
  if (shown.stack) console.error(shown.stack);
  process.exit(1);
}
