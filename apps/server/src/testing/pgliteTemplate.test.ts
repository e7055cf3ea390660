import { existsSync } from 'node:fs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneStaleTemplates } from './pgliteTemplate.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'zhibu-template-prune-'));
});
afterEach(async () => rm(folder, { recursive: true, force: true }));

describe('the PGlite template cache', () => {
  it('keeps another checkout’s current template and drops only day-old ones', async () => {
    const mine = join(folder, 'pglite-template-aaaa.tar');
    const otherCheckout = join(folder, 'pglite-template-bbbb.tar');
    const abandoned = join(folder, 'pglite-template-cccc.tar');
    const unrelated = join(folder, 'notes.txt');
    for (const file of [mine, otherCheckout, abandoned, unrelated]) await writeFile(file, 'x');
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    await utimes(abandoned, twoDaysAgo, twoDaysAgo);
    await utimes(unrelated, twoDaysAgo, twoDaysAgo);

    await pruneStaleTemplates(folder, mine);

    expect(existsSync(mine)).toBe(true);
    expect(existsSync(otherCheckout)).toBe(true);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
  });
});
