/** http driver against a real node:http server on loopback (Shelly- and HA-style endpoints). */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { createHttpDriver } from '../src/drivers/http.js';
import type { DriverContext } from '../src/drivers/types.js';
import { freePort } from './helpers/mosquitto.js';

const ctx: DriverContext = { log: { info: () => undefined, warn: () => undefined, error: () => undefined }, mqtt: null };
const driver = createHttpDriver();

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const seen: Seen[] = [];
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/slow')) {
        const t = setTimeout(() => res.end('late'), 3000);
        res.on('close', () => clearTimeout(t));
        return;
      }
      if (req.url?.startsWith('/fail')) {
        res.writeHead(500).end('relay overheated');
        return;
      }
      if (req.url?.startsWith('/api/')) {
        if (req.headers.authorization !== 'Bearer tok') {
          res.writeHead(401).end('unauthorized');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ison":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

test('Shelly-style GET with percent-encoded query arguments', async () => {
  const r = await driver.execute(
    { driver: 'http', url: `${base}/relay/0?turn={{state}}&note={{note}}` },
    { name: 'relay', arguments: { state: 'on', note: 'a&b c' } },
    ctx,
  );
  assert.equal(r.ok, true, r.detail);
  assert.equal(r.data?.status, 200);
  assert.equal(r.data?.body, '{"ison":true}');
  const req = seen.at(-1)!;
  assert.equal(req.method, 'GET');
  assert.equal(req.url, '/relay/0?turn=on&note=a%26b%20c');
});

test('HA-REST-style POST with a typed JSON body and templated header', async () => {
  const r = await driver.execute(
    {
      driver: 'http',
      method: 'POST',
      url: `${base}/api/services/light/turn_on`,
      headers: { Authorization: 'Bearer {{token}}' },
      body: { entity_id: 'light.{{room}}', brightness_pct: '{{level}}' },
    },
    { name: 'light', arguments: { room: 'kitchen', level: 60, token: 'tok' } },
    ctx,
  );
  assert.equal(r.ok, true, r.detail);
  const req = seen.at(-1)!;
  assert.equal(req.method, 'POST');
  assert.equal(req.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(req.body), { entity_id: 'light.kitchen', brightness_pct: 60 });
});

test('non-2xx status is ok=false with status and body', async () => {
  const r = await driver.execute({ driver: 'http', url: `${base}/fail` }, { name: 'x', arguments: {} }, ctx);
  assert.equal(r.ok, false);
  assert.equal(r.data?.status, 500);
  assert.match(r.detail, /500 relay overheated/);
  const r2 = await driver.execute(
    { driver: 'http', url: `${base}/fail`, expect_status: [500] },
    { name: 'x', arguments: {} },
    ctx,
  );
  assert.equal(r2.ok, true);
});

test('a slow device hits the timeout', async () => {
  const started = Date.now();
  const r = await driver.execute({ driver: 'http', url: `${base}/slow`, timeout_ms: 300 }, { name: 'x', arguments: {} }, ctx);
  assert.equal(r.ok, false);
  assert.match(r.detail, /timed out after 300 ms/);
  assert.ok(Date.now() - started < 2500, 'returned before the server answered');
});

test('an unreachable device and a header injection are ok=false', async () => {
  // A port that was free a moment ago: nothing listens, connection refused.
  const port = await freePort();
  let r = await driver.execute({ driver: 'http', url: `http://127.0.0.1:${port}/x` }, { name: 'x', arguments: {} }, ctx);
  assert.equal(r.ok, false);
  assert.match(r.detail, /ECONNREFUSED/);
  r = await driver.execute(
    { driver: 'http', url: `${base}/x`, headers: { 'X-Note': '{{n}}' } },
    { name: 'x', arguments: { n: 'a\r\nInjected: 1' } },
    ctx,
  );
  assert.equal(r.ok, false);
  assert.match(r.detail, /line break/);
});
