import type { OrgTypeCode } from '@zhibu/shared';
import type { GetOrgResponse } from '@zhibu/shared/api';

/** What the org form is opened for: a new (child) org, or editing one. */
export type OrgFormTarget =
  | { mode: 'create'; parent: { id: string; name: string; type: OrgTypeCode } | null }
  | { mode: 'edit'; org: GetOrgResponse };
