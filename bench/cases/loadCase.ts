import autocannon from 'autocannon';
import { summarize } from '../lib/measure.ts';

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
  // Latencies from each response's own timer (fractional ms): autocannon's summary holds whole
  // milliseconds, so a fast route's p99 read 0 and its ratio had no baseline.
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}${path}`,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        headers: options.cookie ? { cookie: options.cookie } : {},
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _statusCode, _bytes, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
  const latency = summarize(latencies);
  return {
    // Completed requests over the run's real duration (the per-second average drops partial seconds).
    requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    p50: latency.p50,
    p99: latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
  };
}
