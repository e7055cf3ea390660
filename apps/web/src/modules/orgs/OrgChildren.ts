import type { Org } from '@zhibu/shared/api';

/** One level of the org tree: the children loaded, and how many there are in all. */
export interface OrgChildren {
  items: Org[];
  total: number;
}
