import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { ROLE_ACTIONS } from './policy.ts';
import { isPathInScope, requireScope, scopeFor } from './scope.ts';

const actor = (assignments: Actor['assignments']): Actor => ({ userId: 1, username: 'u', assignments });

describe('scopeFor', () => {
  it('gives a system-wide admin everything', () => {
    expect(scopeFor(actor([{ id: 1, role: 'admin', orgId: null, orgPath: null }]), 'member.write')).toEqual({
      kind: 'all',
    });
  });

  it('limits an officer to the subtrees of their assignments, dropping nested ones', () => {
    const scope = scopeFor(
      actor([
        { id: 1, role: 'officer', orgId: 2, orgPath: '/1/2/' },
        { id: 2, role: 'officer', orgId: 3, orgPath: '/1/2/3/' },
        { id: 3, role: 'officer', orgId: 9, orgPath: '/1/9/' },
      ]),
      'member.read',
    );
    expect(scope).toEqual({ kind: 'paths', paths: ['/1/2/', '/1/9/'] });
    expect(isPathInScope('/1/2/3/4/', scope)).toBe(true);
    expect(isPathInScope('/1/', scope)).toBe(false);
    expect(isPathInScope('/1/21/', scope)).toBe(false);
  });

  it('ignores roles that do not grant the action', () => {
    const a = actor([{ id: 1, role: 'member', orgId: 2, orgPath: '/1/2/' }]);
    expect(scopeFor(a, 'member.read')).toEqual({ kind: 'paths', paths: [] });
    expect(() => requireScope(a, 'member.read')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(scopeFor(a, 'org.read')).toEqual({ kind: 'paths', paths: ['/1/2/'] });
  });

  it('never lets an org-bound role become system-wide', () => {
    for (const role of ['org_admin', 'officer', 'member'] as const) {
      expect(scopeFor(actor([{ id: 1, role, orgId: null, orgPath: null }]), 'org.read')).toEqual({
        kind: 'paths',
        paths: [],
      });
    }
  });

  it('keeps officers and members away from user management and org edits', () => {
    expect(ROLE_ACTIONS.officer).not.toContain('user.manage');
    expect(ROLE_ACTIONS.officer).not.toContain('org.write');
    expect(ROLE_ACTIONS.member).toEqual(['org.read']);
  });
});
