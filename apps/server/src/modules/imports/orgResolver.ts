import { normalizeCell } from '@zhibu/shared';
import { isPathInScope, type Scope } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { type OrgCandidate, selectOrgsNamed } from './imports.queries.ts';

export type { OrgCandidate } from './imports.queries.ts';

export type OrgResolution =
  | { ok: true; org: OrgCandidate }
  | { ok: false; code: 'ORG_NOT_FOUND' | 'ORG_AMBIGUOUS'; message: string };

/** Canonical form of an org name from a cell: normalized text with Chinese (full-width) parentheses, as official names are written. */
export function canonicalOrgName(text: string): string {
  return normalizeCell(text).replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Spellings under which a typed org name may be stored: as typed, half-width, and with Chinese parentheses. */
export function orgNameVariants(text: string): string[] {
  const typed = text.replace(/\s+/g, ' ').trim();
  const half = normalizeCell(text);
  return [...new Set([typed, half, canonicalOrgName(text)])].filter((s) => s.length > 0);
}

const MAX_LISTED = 5;

/**
 * Finds orgs by full or short name within a scope, the way spreadsheets name them. A full-name match
 * beats short-name matches; several matches are ambiguous and listed. Orgs created earlier in the
 * same import (or that a dry run would create) are added with `add`. Lookups are cached per name,
 * so a roster of 10⁵ members naming 50 branches costs 50 queries.
 */
export class OrgResolver {
  private readonly cache = new Map<string, OrgCandidate[]>();
  /** Resolutions by cell text; cleared whenever an org is added. */
  private readonly resolved = new Map<string, OrgResolution>();
  /** Orgs added by this import, by full and by short name. */
  private readonly added = new Map<string, OrgCandidate[]>();

  constructor(
    private readonly db: Executor,
    private readonly scope: Scope,
  ) {}

  /** Every org in scope named `text` (full or short name). */
  async candidates(text: string): Promise<OrgCandidate[]> {
    const variants = orgNameVariants(text);
    const key = variants.join('\u0000');
    let found = this.cache.get(key);
    if (!found) {
      found = await selectOrgsNamed(this.db, variants, this.scope);
      this.cache.set(key, found);
    }
    const all = new Map(found.map((o) => [o.id, o]));
    for (const variant of variants) {
      for (const o of this.added.get(variant) ?? []) all.set(o.id, o);
    }
    return [...all.values()];
  }

  async resolve(text: string): Promise<OrgResolution> {
    let resolution = this.resolved.get(text);
    if (!resolution) {
      resolution = await this.resolveUncached(text);
      this.resolved.set(text, resolution);
    }
    return resolution;
  }

  private async resolveUncached(text: string): Promise<OrgResolution> {
    const candidates = await this.candidates(text);
    const variants = orgNameVariants(text);
    const byFullName = candidates.filter((c) => variants.includes(c.name));
    const picked = byFullName.length > 0 ? byFullName : candidates;
    const [only] = picked;
    if (only && picked.length === 1) return { ok: true, org: only };
    const shown = canonicalOrgName(text);
    if (picked.length === 0) {
      return {
        ok: false,
        code: 'ORG_NOT_FOUND',
        message: `找不到党组织“${shown}”，或它不在您的数据权限范围内`,
      };
    }
    const listed = picked
      .slice(0, MAX_LISTED)
      .map((c) =>
        c.parentName && c.parentPath && isPathInScope(c.parentPath, this.scope)
          ? `${c.name}（上级：${c.parentName}）`
          : c.name,
      )
      .join('、');
    const more = picked.length > MAX_LISTED ? ` 等 ${picked.length} 个` : '';
    return {
      ok: false,
      code: 'ORG_AMBIGUOUS',
      message: `“${shown}”对应多个党组织：${listed}${more}，请填写能唯一确定的全称`,
    };
  }

  /** Makes an org created by this import findable by later rows. */
  add(org: OrgCandidate) {
    this.resolved.clear();
    for (const name of new Set([org.name, org.shortName])) {
      if (name === null) continue;
      const list = this.added.get(name);
      if (list) list.push(org);
      else this.added.set(name, [org]);
    }
  }
}
