import {
  EDUCATION_LEVELS,
  ethnicityName,
  GENDERS,
  MEMBER_STATUSES,
  ORG_CATEGORIES,
  todayInShanghai,
} from '@zhibu/shared';
import type { MemberStructureResponse, StructureItem } from '@zhibu/shared/api';
import { requireScope } from '../../access/scope.ts';
import { AppError } from '../../lib/appError.ts';
import { encodeId } from '../../lib/publicId.ts';
import type { ServiceContext } from '../../lib/serviceContext.ts';
import { orgIdFrom } from '../orgs/orgs.service.ts';
import {
  AGE_BANDS,
  type AgeBand,
  type StructureCount,
  type StructureDimension,
  selectMemberStructure,
  selectOrgInScope,
} from './stats.queries.ts';

const AGE_BAND_NAMES: Record<AgeBand, string> = {
  le35: '35岁及以下',
  '36to45': '36至45岁',
  '46to60': '46至60岁',
  ge61: '61岁及以上',
};

const HAN = '01';
/** GB/T 3304 codes 97 (其他) and 98 (外国血统中国籍人士) are neither 汉族 nor one of the 55 minorities. */
const NOT_MINORITY = new Set(['97', '98']);
const TOP_MINORITIES = 5;
const UNKNOWN = { code: 'unknown', name: '未填写' };

/** Fixed entries first (zeros kept, so charts keep their shape), then any stored code outside the table. */
function itemsOf(
  counts: Map<string | null, number>,
  entries: readonly { code: string; name: string }[],
): StructureItem[] {
  const items = entries.map((e) => ({ code: e.code, name: e.name, count: counts.get(e.code) ?? 0 }));
  const known = new Set(entries.map((e) => e.code));
  for (const [key, n] of counts) {
    if (key !== null && !known.has(key)) items.push({ code: key, name: key, count: n });
  }
  const unknown = counts.get(null);
  if (unknown) items.push({ ...UNKNOWN, count: unknown });
  return items;
}

/** Builds the response from the grouped counts (pure; exported for tests). */
export function toMemberStructure(
  counts: readonly StructureCount[],
  org: { id: number; name: string } | null,
  asOf: string,
): MemberStructureResponse {
  const by = new Map<StructureDimension, Map<string | null, number>>();
  for (const c of counts) {
    let dim = by.get(c.dimension);
    if (!dim) {
      dim = new Map();
      by.set(c.dimension, dim);
    }
    dim.set(c.key, (dim.get(c.key) ?? 0) + c.n);
  }
  const of = (d: StructureDimension) => by.get(d) ?? new Map<string | null, number>();
  let total = 0;
  for (const n of of('status').values()) total += n;

  const ethnicity = { han: 0, minority: 0, other: 0, unknown: 0 };
  const minorities: StructureItem[] = [];
  for (const [code, n] of of('ethnicity')) {
    if (code === null) ethnicity.unknown += n;
    else if (code === HAN) ethnicity.han += n;
    else if (NOT_MINORITY.has(code)) ethnicity.other += n;
    else {
      ethnicity.minority += n;
      minorities.push({ code, name: ethnicityName(code) ?? code, count: n });
    }
  }
  minorities.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  return {
    org: org ? { id: encodeId(org.id), name: org.name } : null,
    asOf,
    total,
    byStatus: itemsOf(of('status'), MEMBER_STATUSES),
    byGender: itemsOf(of('gender'), GENDERS),
    byAgeBand: itemsOf(
      of('ageBand'),
      AGE_BANDS.map((code) => ({ code, name: AGE_BAND_NAMES[code] })),
    ),
    byEducation: itemsOf(
      of('education'),
      EDUCATION_LEVELS.filter((e) => !e.parent),
    ),
    ethnicity: { ...ethnicity, topMinorities: minorities.slice(0, TOP_MINORITIES) },
    byOrgCategory: itemsOf(of('category'), ORG_CATEGORIES),
  };
}

/**
 * Member structure (status, gender, age band, education, ethnicity, org category) of an org's
 * subtree, or of the caller's whole data scope when `orgId` is omitted. Counts members in the
 * register (not those who left), read from the maintained rollup: the cost does not grow with the
 * number of members.
 */
export async function getMemberStructure(
  ctx: ServiceContext,
  input: { orgId?: string },
): Promise<MemberStructureResponse> {
  const scope = requireScope(ctx.actor, 'member.read');
  const today = todayInShanghai();
  let org: { id: number; name: string; path: string } | null = null;
  if (input.orgId !== undefined) {
    org = (await selectOrgInScope(ctx.db, orgIdFrom(input.orgId), scope)) ?? null;
    if (!org) throw new AppError('NOT_FOUND');
  }
  // No fold here: a GET never writes. Reads add the pending deltas; the server folds them in the background.
  const counts = await selectMemberStructure(ctx.db, {
    scope,
    subtreePath: org?.path,
    subtreeOrgId: org?.id,
    today,
  });
  return toMemberStructure(counts, org, today);
}
