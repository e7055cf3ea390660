import { normalizeCell } from '@zhibu/shared';
import { isPathInScope, type Scope } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { idsOnPath } from '../orgs/orgPath.ts';
import {
  type OrgCandidate,
  selectOrgNamesByIds,
  selectOrgsNameContaining,
  selectOrgsNamed,
} from './imports.queries.ts';

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
/** Loose candidates read per unresolved name; more than this many near-namesakes is a bad cell. */
const MAX_LOOSE = 500;

/** The kind word at the end of an org name and the one spelling each variant is compared under. */
const KIND_SUFFIXES: readonly [RegExp, string][] = [
  [/党?总支部?(委员会)?$/, '总支'],
  [/党?支部(委员会)?$/, '支部'],
  [/(党工委|党的工作委员会|工作委员会)$/, '党工委'],
  [/(党?委员会|党委)$/, '党委'],
];

/**
 * The form two spellings of one org name share: no 中共/中国共产党 in front, and the kind word at the
 * end written one way (党支部/支部/支部委员会 → 支部, 党总支/总支/总支部委员会 → 总支, 委员会/党委 → 党委).
 */
export function orgNameCore(text: string): string {
  let core = canonicalOrgName(text)
    .replace(/\s+/g, '')
    .replace(/^(中国共产党|中共)/, '');
  for (const [suffix, written] of KIND_SUFFIXES) {
    if (suffix.test(core)) {
      core = core.replace(suffix, written);
      break;
    }
  }
  return core;
}

/** A name without its kind word: "中共某某县委员会" → "某某县", the prefix it lends its children's names. */
function orgNameStem(text: string): string {
  let core = orgNameCore(text);
  for (const [, written] of KIND_SUFFIXES) {
    if (core.endsWith(written)) {
      core = core.slice(0, -written.length);
      break;
    }
  }
  return core;
}

/** `core` with any leading run of the ancestors' stems cut off (the county prefix, the town's). */
function withoutAncestorPrefixes(core: string, stems: readonly string[]): string {
  let rest = core;
  let cut = true;
  while (cut) {
    cut = false;
    for (const stem of stems) {
      if (stem.length > 0 && rest.startsWith(stem) && rest.length > stem.length) {
        rest = rest.slice(stem.length);
        cut = true;
      }
    }
  }
  return rest;
}

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

  /**
   * Orgs whose name is another spelling of `text`: compared by {@link orgNameCore}, with the 中共 and
   * any ancestor's name in front (the county, the town) taken off both sides.
   */
  private async looseCandidates(text: string): Promise<OrgCandidate[]> {
    const typedCore = orgNameCore(text);
    const stem = orgNameStem(text);
    // The last two characters of the stem are in every spelling (a prefix may be missing).
    const fragment = [...stem].slice(-2).join('');
    if (fragment.length === 0) return [];
    const found = await selectOrgsNameContaining(this.db, fragment, this.scope, MAX_LOOSE);
    const added = [...this.added.values()]
      .flat()
      .filter((o) => o.name.includes(fragment) || o.shortName?.includes(fragment));
    const all = [...new Map([...found, ...added].map((o) => [o.id, o])).values()];
    const ancestorIds = [...new Set(all.flatMap((o) => idsOnPath(o.path).slice(0, -1)))];
    const names = new Map(
      (await selectOrgNamesByIds(this.db, ancestorIds)).map((a) => [a.id, [a.name, a.shortName]] as const),
    );
    return all.filter((o) => {
      const stems = idsOnPath(o.path)
        .slice(0, -1)
        .flatMap((id) => names.get(id) ?? [])
        .filter((n): n is string => !!n)
        .map(orgNameStem);
      const typed = withoutAncestorPrefixes(typedCore, stems);
      return [o.name, o.shortName].some(
        (n) => n !== null && withoutAncestorPrefixes(orgNameCore(n), stems) === typed,
      );
    });
  }

  private async resolveUncached(text: string): Promise<OrgResolution> {
    const candidates = await this.candidates(text);
    const variants = orgNameVariants(text);
    const byFullName = candidates.filter((c) => variants.includes(c.name));
    const picked =
      byFullName.length > 0
        ? byFullName
        : candidates.length > 0
          ? candidates
          : await this.looseCandidates(text);
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
