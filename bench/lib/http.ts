import http from 'node:http';

/**
 * One keep-alive connection per server at a time: latency samples are sequential requests, as a
 * dashboard makes them. Agents are per port so that two servers' runs never share sockets.
 */
const agents = new Map<number, http.Agent>();
function agentFor(port: number): http.Agent {
  let agent = agents.get(port);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.set(port, agent);
  }
  return agent;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request to 127.0.0.1:port (loopback only). */
export function request(
  port: number,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: { cookie?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<HttpResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((done, fail) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: agentFor(port),
        headers: {
          // The server refuses writes without a same-origin Origin (CSRF defence).
          origin: `http://127.0.0.1:${port}`,
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
        timeout: options.timeoutMs ?? 120_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', fail);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', fail);
    req.end(payload);
  });
}

export async function getJson(
  port: number,
  path: string,
  options: { cookie?: string; timeoutMs?: number } = {},
): Promise<{ status: number; json: unknown }> {
  const res = await request(port, 'GET', path, options);
  return { status: res.status, json: res.body ? JSON.parse(res.body) : null };
}

/** Signs in through the API; returns the `cookie` header value of the session. */
export async function login(port: number, username: string, password: string): Promise<string> {
  const res = await request(port, 'POST', '/api/v1/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.body}`);
  const setCookie = res.headers['set-cookie'] ?? [];
  const session = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('zhibu_session='));
  if (!session) throw new Error('login answered without a session cookie');
  return session;
}

/** Closes the keep-alive sockets to a server (before it stops). */
export function closeSockets(port: number) {
  agents.get(port)?.destroy();
  agents.delete(port);
}
