import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
}

/** Closed-loop load on one path over loopback: `connections` concurrent keep-alive clients for `seconds`. */
export async function loadPath(
  port: number,
  path: string,
  options: { connections: number; seconds: number; cookie?: string },
): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  return {
    // Completed requests over the run's real duration (the per-second average drops partial seconds).
    requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
  };
}
