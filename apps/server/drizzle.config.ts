import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Shared tables in db/schema.ts; each domain module may keep its own tables in <module>.schema.ts.
  schema: ['./apps/server/src/db/schema.ts', './apps/server/src/modules/*/*.schema.ts'],
  out: './apps/server/src/db/migrations',
});
