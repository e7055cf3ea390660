import type { RoleCode } from '@zhibu/shared/api';

export interface ActorAssignment {
  id: number;
  role: RoleCode;
  orgId: number | null;
  /** Materialized path of the org; null only for a system-wide admin. */
  orgPath: string | null;
}

/** Who is acting, with the roles and org subtrees they hold; passed to every service call. */
export interface Actor {
  userId: number | null;
  username: string;
  assignments: ActorAssignment[];
  ip?: string;
  userAgent?: string;
}

/** The command line acts as a system-wide administrator on the local machine. */
export function cliActor(): Actor {
  return {
    userId: null,
    username: 'cli',
    assignments: [{ id: 0, role: 'admin', orgId: null, orgPath: null }],
  };
}
