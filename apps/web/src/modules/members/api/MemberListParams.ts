import type { MemberFilter } from '@zhibu/shared/api';

/** A member list request: filters plus paging. */
export type MemberListParams = MemberFilter & { page: number; pageSize: number };
