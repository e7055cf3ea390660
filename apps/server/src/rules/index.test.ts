import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isValidIsoDate } from '@zhibu/shared';
import { describe, expect, it } from 'vitest';
import { allRules } from './index.ts';
import { ruleFamily } from './ruleFamilies.ts';

const here = dirname(fileURLToPath(import.meta.url));

describe('rule registry', () => {
  it('imports every *.rules.ts family in index.ts', () => {
    const index = readFileSync(join(here, 'index.ts'), 'utf8');
    const families = readdirSync(here).filter((f) => f.endsWith('.rules.ts'));
    expect(families.length).toBeGreaterThan(0);
    for (const f of families) expect(index, f).toContain(`'./${f}'`);
  });

  it('gives every rule a DOMAIN.md number, a citation, valid dates and defaults that fit its schema', () => {
    for (const rule of allRules()) {
      expect(rule.id, rule.id).toMatch(/^[A-Z]\d+\./);
      expect(ruleFamily(rule.id), rule.id).not.toBe('其他');
      expect(rule.citation.document.length, rule.id).toBeGreaterThan(0);
      expect(isValidIsoDate(rule.effectiveFrom), rule.id).toBe(true);
      expect(rule.paramsSchema.safeParse(rule.defaults).success, rule.id).toBe(true);
    }
  });
});
