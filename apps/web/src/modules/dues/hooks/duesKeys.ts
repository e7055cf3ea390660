/** Query keys of dues; every write invalidates 'dues' (and warnings, which read the ledger). */
export const duesKeys = {
  all: ['dues'] as const,
  member: (memberId: string) => ['dues', 'member', memberId] as const,
  sheet: (orgId: string, month: string) => ['dues', 'sheet', orgId, month] as const,
  arrears: (params: object) => ['dues', 'arrears', params] as const,
  summary: (orgId: string, year: number) => ['dues', 'summary', orgId, year] as const,
};
