/** Global setup of the `int-postgres` project: one PostgreSQL server and a migrated template per run. */
import type { TestProject } from 'vitest/node';
import {
  createTemplateDatabase,
  dropDatabase,
  serverVersionNum,
  startPostgresServer,
  TEMPLATE_DATABASE,
} from './postgresServer.ts';
import './context.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const server = await startPostgresServer();
  try {
    await createTemplateDatabase(server.url, TEMPLATE_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('zhibuPostgresAdminUrl', server.url);
  project.provide('zhibuPostgresTemplate', TEMPLATE_DATABASE);
  project.provide('zhibuPostgresFileCopy', (await serverVersionNum(server.url)) >= 150000);
  if (process.env.ZHIBU_TEST_VERBOSE) {
    console.log(`[int-postgres] server + template ready in ${Math.round(performance.now() - started)} ms`);
  }
  return async () => {
    if (!server.owned) await dropDatabase(server.url, TEMPLATE_DATABASE).catch(() => {});
    await server.stop();
  };
}
