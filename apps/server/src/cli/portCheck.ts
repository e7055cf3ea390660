import { createServer } from 'node:net';
import { CliError } from './cliError.ts';

/** The Chinese refusal for a port that cannot be bound, naming the variable and option to change. */
export function portProblem(code: string | undefined, port: number, host: string): CliError | null {
  const change = `请停止占用它的程序，或换一个端口：设置环境变量 PORT（例如 PORT=${port + 1} npm start）或使用 --port ${port + 1}`;
  if (code === 'EADDRINUSE') {
    return new CliError(`端口 ${port} 已被占用（${host}），zhibu 可能已在运行。${change}`);
  }
  if (code === 'EACCES') return new CliError(`没有权限监听端口 ${port}（${host}）。${change}`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new CliError(`本机没有地址 ${host}，无法监听。请检查环境变量 HOST 或选项 --host`);
  }
  return null;
}

/**
 * Binds and releases the port once, before the data directory or any account is created, so a busy
 * port is a one-line message rather than a stack trace after the first-start password was made.
 */
export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => reject(portProblem(e.code, port, host) ?? e));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
