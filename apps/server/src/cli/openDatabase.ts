import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, loadConfig } from '../config/loadConfig.ts';
import { createDatabase, type Database } from '../db/createDatabase.ts';

export interface DataOptions {
  data?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded engine is a single process's files: a second process opening the same data
 * directory would corrupt it, so a lock file with the owner's pid guards it.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'zhibu.lock');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `数据目录 ${dataDir} 正被进程 ${pid} 使用（zhibu 是否正在运行？）。请先停止它，或改用 PostgreSQL（DATABASE_URL）。`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/** `--data DIR` means the embedded engine at DIR; otherwise DATABASE_URL, otherwise ./data. */
export async function openDatabase(options: DataOptions): Promise<{ config: Config; database: Database }> {
  const config = loadConfig({
    dataDir: options.data,
    databaseUrl: options.data ? undefined : process.env.DATABASE_URL || undefined,
  });
  if (!options.data && config.databaseUrl) {
    const database = await createDatabase({
      url: config.databaseUrl,
      ownerUrl: process.env.ZHIBU_OWNER_DATABASE_URL || undefined,
    });
    return { config: { ...config }, database };
  }
  const unlock = lockDataDir(config.dataDir);
  const database = await createDatabase({ dataDir: join(config.dataDir, 'pglite') });
  const close = database.close;
  return {
    config: { ...config, databaseUrl: undefined },
    database: {
      ...database,
      close: async () => {
        await close();
        unlock();
      },
    },
  };
}
