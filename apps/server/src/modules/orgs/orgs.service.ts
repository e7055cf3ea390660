import { canHaveChild, type OrgTypeCode, orgTypeName } from '@zhibu/shared';
import type {
  CreateOrgRequest,
  DissolveOrgRequest,
  MoveOrgRequest,
  UpdateOrgRequest,
} from '@zhibu/shared/api';
import { eq } from 'drizzle-orm';
import { isPathInScope, requireScope, type Scope } from '../../access/scope.ts';
import { orgs } from '../../db/schema.ts';
import { AppError } from '../../lib/appError.ts';
import { pinyinKeys, pinyinSearchKey } from '../../lib/pinyinKeys.ts';
import { decodeId, encodeId } from '../../lib/publicId.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import { rewriteSubtreePaths } from '../../paths/movePaths.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { moveMemberRollups } from '../stats/stats.queries.ts';
import { childPath, idsOnPath, parentPathOf } from './orgPath.ts';
import {
  countActiveContents,
  nextOrgIds,
  type OrgListRow,
  type OrgRow,
  selectOrgById,
  selectOrgForUpdate,
  selectOrgNames,
  selectOrgPage,
  selectOrgRowById,
  selectOrgsByName,
  selectTypeNeighbours,
} from './orgs.queries.ts';

export type { OrgRow } from './orgs.queries.ts';

export function toOrgDto(row: OrgListRow) {
  return {
    id: encodeId(row.id),
    parentId: row.parentId === null ? null : encodeId(row.parentId),
    name: row.name,
    shortName: row.shortName,
    code: row.code,
    type: row.type,
    category: row.category,
    divisionCode: row.divisionCode,
    establishedOn: row.establishedOn,
    termStartedOn: row.termStartedOn,
    termYears: row.termYears,
    secretaryName: row.secretaryName,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    address: row.address,
    dissolvedOn: row.dissolvedOn,
    dissolvedReason: row.dissolvedReason,
    depth: row.depth,
    hasChildren: row.hasChildren,
    memberCount: Number(row.memberCount),
    version: row.version,
  };
}
export type OrgDto = ReturnType<typeof toOrgDto>;

/** Public id → internal id, or NOT_FOUND (a malformed id looks exactly like a missing one). */
export function orgIdFrom(publicId: string): number {
  const id = decodeId(publicId);
  if (id === null) throw new AppError('NOT_FOUND');
  return id;
}

function auditView(row: OrgRow) {
  const { namePinyin: _p, nameInitials: _i, nameSearch: _s, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** Lists orgs in the caller's scope: children of `parentId`, matches of `q`, or the scope's top orgs. */
export async function findOrgs(
  ctx: ServiceContext,
  input: { q?: string; parentId?: string; includeDissolved?: boolean; page: number; pageSize: number },
) {
  const scope = requireScope(ctx.actor, 'org.read');
  const parentId = input.parentId === undefined ? undefined : orgIdFrom(input.parentId);
  const page = await selectOrgPage(ctx.db, {
    scope,
    q: input.q || undefined,
    parentId,
    scopeRootsOnly: parentId === undefined && !input.q,
    includeDissolved: input.includeDissolved,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { total: page.total, items: page.items.map(toOrgDto) };
}

/** One org with its ancestors (only those the caller may see). */
export async function getOrg(ctx: ServiceContext, publicId: string) {
  const scope = requireScope(ctx.actor, 'org.read');
  const row = await selectOrgById(ctx.db, orgIdFrom(publicId), scope);
  if (!row) throw new AppError('NOT_FOUND');
  const ancestorIds = idsOnPath(row.path).slice(0, -1);
  const names = await selectOrgNames(ctx.db, ancestorIds);
  const visible = names
    .filter((n) => scope.kind === 'all' || isPathInScope(pathOfAncestor(row.path, n.id), scope))
    .sort((a, b) => a.depth - b.depth)
    .map((n) => ({ id: encodeId(n.id), name: n.name }));
  return { ...toOrgDto(row), ancestors: visible };
}

function pathOfAncestor(path: string, id: number): string {
  const label = `/${id.toString(36)}/`;
  return path.slice(0, path.indexOf(label) + label.length);
}

/** Loads an org the caller may act on, locking it, or throws NOT_FOUND. */
export async function loadOrgForWrite(ctx: ServiceContext, id: number, scope?: Scope): Promise<OrgRow> {
  const row = await selectOrgForUpdate(ctx.db, id, scope ?? requireScope(ctx.actor, 'org.write'));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Loads an org within a scope, without the subtree counts of the list view: callers need its
 * path, name or type, and counting a county's members on every member-list request cost 12–25 ms.
 */
export async function loadOrgInScope(ctx: ServiceContext, id: number, scope: Scope): Promise<OrgRow> {
  const row = await selectOrgRowById(ctx.db, id, scope);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function assertCanHaveChild(parent: OrgRow, childType: OrgTypeCode) {
  if (parent.dissolvedOn) throw new AppError('ORG_DISSOLVED', `上级组织“${parent.name}”已撤销`);
  if (!canHaveChild(parent.type, childType)) {
    throw new AppError('ORG_TYPE_NO_CHILDREN', `“${parent.name}”下不能设立此类型的组织`);
  }
}

/**
 * A type change keeps the tree valid: the parent may hold the new type, and the new type may hold
 * every active child (a 支部 under a 总支 cannot become a 党委; a 总支 with 支部 cannot become a 支部).
 * The parent is named by its type only: it may lie outside the caller's scope. Throws
 * ORG_TYPE_CHANGE_INVALID; the import's dry run calls it to predict what the real run refuses.
 */
export async function assertTypeFits(
  tx: ServiceContext,
  org: Pick<OrgRow, 'id' | 'parentId' | 'name'>,
  type: OrgTypeCode,
) {
  const { parentType, childTypes } = await selectTypeNeighbours(tx.db, org);
  const newName = orgTypeName(type);
  if (parentType !== null && !canHaveChild(parentType, type)) {
    throw new AppError(
      'ORG_TYPE_CHANGE_INVALID',
      `上级组织是${orgTypeName(parentType)}，其下不能设立${newName}，不能把“${org.name}”改为${newName}`,
    );
  }
  const misfits = childTypes.filter((child) => !canHaveChild(type, child));
  if (misfits.length > 0) {
    throw new AppError(
      'ORG_TYPE_CHANGE_INVALID',
      `“${org.name}”下设有${misfits.map(orgTypeName).join('、')}，${newName}下不能设立这类组织；请先调整或撤销下级组织再修改类型`,
    );
  }
}

function nameKeys(name: string, shortName: string | null | undefined) {
  const keys = pinyinKeys(name);
  return {
    namePinyin: keys.pinyin,
    nameInitials: keys.initials,
    nameSearch: pinyinSearchKey([name, shortName]),
  };
}

/** Creates an org under `parentId` (or at the top level, system administrators only). */
export async function createOrg(ctx: ServiceContext, input: CreateOrgRequest): Promise<OrgDto> {
  const scope = requireScope(ctx.actor, 'org.write');
  return inTransaction(ctx, async (tx) => {
    let parent: OrgRow | null = null;
    if (input.parentId === null) {
      if (scope.kind !== 'all') throw new AppError('FORBIDDEN', '只有系统管理员可以创建顶级组织');
    } else {
      parent = await loadOrgForWrite(tx, orgIdFrom(input.parentId), scope);
      assertCanHaveChild(parent, input.type);
    }
    const [id] = await nextOrgIds(tx.db, 1);
    if (id === undefined) throw new AppError('INTERNAL');
    const path = childPath(parent?.path ?? null, id);
    const [row] = await tx.db
      .insert(orgs)
      .values({
        id,
        parentId: parent?.id ?? null,
        path,
        depth: (parent?.depth ?? -1) + 1,
        ...nameKeys(input.name, input.shortName),
        name: input.name,
        shortName: input.shortName ?? null,
        code: input.code ?? null,
        type: input.type,
        category: input.category,
        divisionCode: input.divisionCode ?? null,
        establishedOn: input.establishedOn ?? null,
        termStartedOn: input.termStartedOn ?? null,
        termYears: input.termYears ?? null,
        secretaryName: input.secretaryName ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        address: input.address ?? null,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx.db, tx.actor, {
      action: 'org.create',
      entityType: 'org',
      entityId: row.id,
      orgPath: row.path,
      summary: `新建组织“${row.name}”`,
      after: auditView(row),
    });
    return toOrgDto({ ...row, hasChildren: false, memberCount: 0 });
  });
}

/** Edits an org's fields; `version` must match the stored one. */
export async function updateOrg(
  ctx: ServiceContext,
  publicId: string,
  input: UpdateOrgRequest,
): Promise<OrgDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadOrgForWrite(tx, orgIdFrom(publicId));
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (before.dissolvedOn) throw new AppError('ORG_DISSOLVED');
    const { version: _v, ...fields } = input;
    if (fields.type && fields.type !== before.type) await assertTypeFits(tx, before, fields.type);
    const [row] = await tx.db
      .update(orgs)
      .set({
        ...fields,
        ...(fields.name !== undefined || fields.shortName !== undefined
          ? nameKeys(
              fields.name ?? before.name,
              fields.shortName === undefined ? before.shortName : fields.shortName,
            )
          : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(orgs.id, before.id))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx.db, tx.actor, {
      action: 'org.update',
      entityType: 'org',
      entityId: row.id,
      orgPath: row.path,
      summary: `修改组织“${row.name}”`,
      before: auditView(before),
      after: auditView(row),
    });
    const fresh = await selectOrgById(tx.db, row.id, { kind: 'all' });
    if (!fresh) throw new AppError('INTERNAL');
    return toOrgDto(fresh);
  });
}

/** Re-parents an org; the whole subtree's paths are rewritten in the same transaction. */
export async function moveOrg(ctx: ServiceContext, publicId: string, input: MoveOrgRequest): Promise<OrgDto> {
  const scope = requireScope(ctx.actor, 'org.write');
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrgForWrite(tx, orgIdFrom(publicId), scope);
    if (org.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (org.dissolvedOn) throw new AppError('ORG_DISSOLVED');
    // The root of one's own scope cannot be moved: it would leave the scope.
    if (scope.kind === 'paths' && scope.paths.includes(org.path)) throw new AppError('FORBIDDEN');
    const parent = await loadOrgForWrite(tx, orgIdFrom(input.parentId), scope);
    if (parent.path.startsWith(org.path)) throw new AppError('ORG_MOVE_INVALID');
    assertCanHaveChild(parent, org.type);
    const newPath = childPath(parent.path, org.id);
    if (newPath !== org.path) {
      await moveMemberRollups(tx.db, org.id, parentPathOf(org.path), parent.path);
      await rewriteSubtreePaths(tx.db, org.path, newPath, parent.depth + 1 - org.depth);
    }
    const [row] = await tx.db
      .update(orgs)
      .set({ parentId: parent.id, version: org.version + 1, updatedAt: new Date() })
      .where(eq(orgs.id, org.id))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx.db, tx.actor, {
      action: 'org.move',
      entityType: 'org',
      entityId: org.id,
      orgPath: newPath,
      summary: `将“${org.name}”移至“${parent.name}”之下`,
      before: { parentId: org.parentId === null ? null : encodeId(org.parentId), path: org.path },
      after: { parentId: encodeId(parent.id), path: newPath },
    });
    const fresh = await selectOrgById(tx.db, org.id, { kind: 'all' });
    if (!fresh) throw new AppError('INTERNAL');
    return toOrgDto(fresh);
  });
}

/** Dissolves an empty org; it stays in history with its date and reason. */
export async function dissolveOrg(
  ctx: ServiceContext,
  publicId: string,
  input: DissolveOrgRequest,
): Promise<OrgDto> {
  const scope = requireScope(ctx.actor, 'org.write');
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrgForWrite(tx, orgIdFrom(publicId), scope);
    if (org.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (org.dissolvedOn) throw new AppError('ORG_DISSOLVED');
    if (scope.kind === 'paths' && scope.paths.includes(org.path)) throw new AppError('FORBIDDEN');
    const contents = await countActiveContents(tx.db, org);
    if (contents.children > 0 || contents.members > 0) {
      throw new AppError(
        'ORG_NOT_EMPTY',
        `该组织下还有 ${contents.members} 名在册党员、${contents.children} 个下级组织，请先转出或撤销后再撤销本组织`,
      );
    }
    const [row] = await tx.db
      .update(orgs)
      .set({
        dissolvedOn: input.dissolvedOn,
        dissolvedReason: input.reason,
        version: org.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(orgs.id, org.id))
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx.db, tx.actor, {
      action: 'org.dissolve',
      entityType: 'org',
      entityId: org.id,
      orgPath: org.path,
      summary: `撤销组织“${org.name}”：${input.reason}`,
      before: auditView(org),
      after: auditView(row),
    });
    return toOrgDto({ ...row, hasChildren: false, memberCount: 0 });
  });
}

/** Active orgs in the caller's scope named `name` (full or short name); used by imports and the CLI. */
export async function findOrgsByName(
  ctx: ServiceContext,
  name: string,
  action: 'org.read' | 'member.write' | 'org.write',
) {
  const scope = requireScope(ctx.actor, action);
  return selectOrgsByName(ctx.db, name, scope);
}
