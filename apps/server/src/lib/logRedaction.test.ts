import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { redactingLoggerOptions, serializeErrorForLog } from './logRedaction.ts';
import { maskPersonalText, redactPersonalData, redactUrl } from './personalDataRedaction.ts';

const ID = '110105197902030714';
const PHONE = '13912345678';

describe('personal data redaction', () => {
  it('masks ID numbers and mobile numbers in text, not timestamps or other digit runs', () => {
    expect(maskPersonalText(`身份证 ${ID}，手机${PHONE}。`)).toBe(
      '身份证 110105********0714，手机139****5678。',
    );
    expect(maskPersonalText('11010519790203071X')).toBe('110105********071X');
    expect(maskPersonalText('time 1796400806023 id 12345678901234567890')).toBe(
      'time 1796400806023 id 12345678901234567890',
    );
  });

  it('blanks personal query parameters and masks identifiers elsewhere in a URL', () => {
    expect(redactUrl(`/api/v1/members?idNumber=${ID}&page=2`)).toBe(
      '/api/v1/members?idNumber=[REDACTED]&page=2',
    );
    expect(redactUrl(`/api/v1/members?q=${PHONE}`)).toBe('/api/v1/members?q=[REDACTED]');
    expect(redactUrl(`/api/v1/x?note=${encodeURIComponent(`电话 ${PHONE}`)}`)).not.toContain(PHONE);
    expect(redactUrl(`/api/v1/members/${ID}`)).toBe('/api/v1/members/110105********0714');
  });

  it('masks deep inside plain values and leaves class instances to their serializers', () => {
    const error = new Error(ID);
    const out = redactPersonalData({ a: [{ b: PHONE }], n: 5, error });
    expect(out).toEqual({ a: [{ b: '139****5678' }], n: 5, error });
    expect(out.error).toBe(error);
  });
});

describe('error serialization for logs', () => {
  const failed = () => {
    const cause = Object.assign(
      new Error('insert or update on table "members" violates foreign key constraint'),
      {
        code: '23503',
        constraint: 'members_org_id_orgs_id_fk',
        table: 'members',
        detail: `Failing row contains (张三, ${ID}, 幸福路 8 号).`,
        severity: 'ERROR',
      },
    );
    return new DrizzleQueryError(
      'insert into "users" ("username", "password_hash") values ($1, $2)',
      ['zhangsan', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'],
      cause,
    );
  };

  it('keeps the SQLSTATE and statement, drops parameters and the row detail', () => {
    const out = JSON.stringify(serializeErrorForLog(failed()));
    expect(out).toContain('"code":"23503"');
    expect(out).toContain('"constraint":"members_org_id_orgs_id_fk"');
    expect(out).toContain('insert into \\"users\\"');
    for (const secret of ['argon2id', 'zhangsan', '张三', ID, '幸福路']) expect(out).not.toContain(secret);
  });

  it('is what the app logger writes, with stray identifiers in messages masked', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino(redactingLoggerOptions('trace'), stream);
    log.error({ err: failed() }, 'unhandled error');
    log.info({ extra: { phone: PHONE } }, `looked up ${ID}`);
    const text = lines.join('');
    expect(text).toContain('"code":"23503"');
    for (const secret of ['argon2id', 'zhangsan', ID, PHONE]) expect(text).not.toContain(secret);
  });
});
