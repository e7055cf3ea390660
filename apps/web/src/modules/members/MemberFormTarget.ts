import type { Member } from '@zhibu/shared/api';
import type { OrgOption } from '../orgs/OrgOption.ts';

/** What the member form is opened for: adding (optionally in a given org), or editing one. */
export type MemberFormTarget = { mode: 'create'; org: OrgOption | null } | { mode: 'edit'; member: Member };
