import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Config {
  /** Where the embedded database, the key file and attachments live. */
  dataDir: string;
  /** postgres://… when a PostgreSQL server is used instead of the embedded engine. */
  databaseUrl?: string;
  host: string;
  port: number;
  masterKey: Buffer;
  sessionTtlHours: number;
  /** Failed sign-ins of one account before each further attempt waits (1 s, 2 s, 4 s …). */
  lockoutThreshold: number;
  /** The longest such wait, in minutes. */
  lockoutMinutes: number;
  /** Sign-ins per minute for one username from one address (ZHIBU_LOGIN_PER_MINUTE). */
  loginPerMinute: number;
  /** Sign-ins per minute from one address across usernames (ZHIBU_LOGIN_PER_ADDRESS_PER_MINUTE). */
  loginPerAddressPerMinute?: number;
  /** Serve cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
}

export interface ConfigOverrides {
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  host?: string;
  masterKey?: Buffer;
}

/**
 * The master key comes from ZHIBU_SECRET_KEY (base64, 32 bytes) or from `<dataDir>/secret.key`,
 * created on first start with mode 600. Losing it makes encrypted personal data unreadable.
 */
export function loadMasterKey(dataDir: string): Buffer {
  const fromEnv = process.env.ZHIBU_SECRET_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error('ZHIBU_SECRET_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Where to listen (HOST, PORT); read without touching the data directory. */
export function listenAddress(overrides: Pick<ConfigOverrides, 'host' | 'port'> = {}): {
  host: string;
  port: number;
} {
  return {
    host: overrides.host ?? process.env.HOST ?? '127.0.0.1',
    port: overrides.port ?? Number(process.env.PORT ?? 5300),
  };
}

export function loadConfig(overrides: ConfigOverrides = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? process.env.ZHIBU_DATA_DIR ?? 'data');
  const databaseUrl = overrides.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  return {
    dataDir,
    databaseUrl,
    ...listenAddress(overrides),
    masterKey: overrides.masterKey ?? loadMasterKey(dataDir),
    sessionTtlHours: Number(process.env.ZHIBU_SESSION_TTL_HOURS ?? 8),
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    loginPerMinute: positiveInteger(process.env.ZHIBU_LOGIN_PER_MINUTE, 10),
    loginPerAddressPerMinute: positiveInteger(process.env.ZHIBU_LOGIN_PER_ADDRESS_PER_MINUTE, 60),
    secureCookies: process.env.ZHIBU_SECURE_COOKIES === '1',
  };
}
