import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;

/**
 * AES-256-GCM for personal data at rest, plus a keyed hash (HMAC-SHA256) for exact look-up and
 * de-duplication. Both keys derive from one 32-byte master key with HKDF.
 */
export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'zhibu:pii:enc:v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'zhibu:pii:mac:v1', 32));
  }

  /** Random bytes drawn in bulk: one call per 1,024 IVs instead of one per field (imports seal two a row). */
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_BYTES * 1024);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  encrypt(plain: string): string {
    // Every IV is used once: the pool is fresh random bytes, each slice handed out once.
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    if (!sealed.startsWith('v1:')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash; `kind` separates domains so an ID number and a phone never collide. */
  hash(kind: 'idNumber' | 'phone', value: string): string {
    return createHmac('sha256', this.macKey).update(`${kind}:${value}`).digest('base64url');
  }
}
