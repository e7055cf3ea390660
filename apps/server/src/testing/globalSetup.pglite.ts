/** Global setup of the `int-pglite` project: one migrated PGlite dump per run (cached across runs). */
import type { TestProject } from 'vitest/node';
import { pgliteTemplateFile } from './pgliteTemplate.ts';
import './context.ts';

export default async function setup(project: TestProject): Promise<void> {
  const started = performance.now();
  project.provide('zhibuPgliteTemplateFile', await pgliteTemplateFile());
  if (process.env.ZHIBU_TEST_VERBOSE) {
    console.log(`[int-pglite] template ready in ${Math.round(performance.now() - started)} ms`);
  }
}
