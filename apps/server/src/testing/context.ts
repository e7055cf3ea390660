/** Values the integration projects' global setups hand to the test workers (`inject`). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** int-postgres: superuser URL of the test server's `postgres` database. */
    zhibuPostgresAdminUrl?: string;
    /** int-postgres: name of the migrated template database. */
    zhibuPostgresTemplate?: string;
    /** int-postgres: the server is 15+, so CREATE DATABASE … STRATEGY FILE_COPY (faster for a small template). */
    zhibuPostgresFileCopy?: boolean;
    /** int-pglite: file holding `dumpDataDir()` of a migrated PGlite. */
    zhibuPgliteTemplateFile?: string;
  }
}

export {};
