export * from './audit.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './enums.ts';
export * from './imports.ts';
export * from './members.ts';
export * from './orgs.ts';
export * from './users.ts';
