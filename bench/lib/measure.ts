/** Latency samples of one operation, in milliseconds. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of ascending samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export interface SampleBudget {
  /** Unmeasured runs first (plans, caches, JIT). */
  warmup: number;
  /** Stop after this many measured runs … */
  maxIterations: number;
  /** … or once this much time has passed with at least `minIterations` runs. */
  maxMs: number;
  minIterations: number;
}

/** Times `fn` repeatedly, one call at a time, within the budget (never longer than about 3 × maxMs). */
export async function sampleLatency(fn: () => Promise<unknown>, budget: SampleBudget): Promise<Latency> {
  const started = performance.now();
  for (let i = 0; i < budget.warmup; i++) {
    await fn();
    if (performance.now() - started > budget.maxMs) break;
  }
  const samples: number[] = [];
  const measuring = performance.now();
  while (samples.length < budget.maxIterations) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
    const elapsed = performance.now() - measuring;
    if (elapsed > budget.maxMs && samples.length >= budget.minIterations) break;
    if (elapsed > 3 * budget.maxMs) break;
  }
  return summarize(samples);
}

/** Wall time of one call, in milliseconds. */
export async function timeOnce<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export const round = (x: number, digits = 2): number => {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Resident set size of a process in MiB (Linux /proc), or NaN when it cannot be read. */
export async function rssMiB(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak in MiB. */
export function watchRss(pid: number, everyMs = 100): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const mib = await rssMiB(pid);
      if (Number.isFinite(mib)) peak = Math.max(peak, mib);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

/**
 * Times several operations in turns (a, b, c, a, b, c …) so that they share whatever the machine
 * is doing meanwhile: their ratios hold on a busy machine. Same budget rules as sampleLatency,
 * counted in rounds.
 */
export async function sampleInTurns(
  fns: (() => Promise<unknown>)[],
  budget: SampleBudget,
): Promise<Latency[]> {
  const started = performance.now();
  for (let i = 0; i < budget.warmup; i++) {
    for (const fn of fns) await fn();
    if (performance.now() - started > budget.maxMs) break;
  }
  const samples: number[][] = fns.map(() => []);
  const measuring = performance.now();
  for (let round = 0; round < budget.maxIterations; round++) {
    for (const [i, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      samples[i]?.push(performance.now() - t0);
    }
    const elapsed = performance.now() - measuring;
    // The budget is per operation, as in sampleLatency.
    if (elapsed > budget.maxMs * fns.length && round + 1 >= budget.minIterations) break;
    if (elapsed > 3 * budget.maxMs * fns.length) break;
  }
  return samples.map(summarize);
}
