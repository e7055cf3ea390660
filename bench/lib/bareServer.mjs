// The baseline of the footprint case: the least a Node process needs to answer over HTTP from the
// same database. Plain Node (no TypeScript loader, no framework), the engine's own driver, one route.
import http from 'node:http';

const port = Number(process.env.BENCH_BARE_PORT);
let query;
let close;
if (process.env.BENCH_BARE_PGLITE) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(process.env.BENCH_BARE_PGLITE);
  query = () => db.query('select 1');
  close = () => db.close();
} else {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: process.env.BENCH_BARE_DATABASE_URL, max: 10 });
  query = () => pool.query('select 1');
  close = () => pool.end();
}

const server = http.createServer((_req, res) => {
  query().then(
    () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    },
    () => {
      res.writeHead(500);
      res.end();
    },
  );
});
server.listen(port, '127.0.0.1');

const shutdown = () => server.close(() => close().finally(() => process.exit(0)));
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
