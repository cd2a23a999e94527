/**
 * HTTP input on loopback: the daemon (MQTT off, real file driver) answers POST /command with the
 * pipeline's result, refuses bad bodies with an error event and keeps serving, runs held calls via
 * POST /confirm, refuses browser requests, and reports health (degraded without a router).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { parseConfig } from '../src/agent/config.js';
import { Daemon, toolSchemas } from '../src/agent/daemon.js';
import { SystemdNotifier } from '../src/agent/notify.js';
import { fixedRouter } from './helpers/fixed-router.js';

const dir = mkdtempSync(join(tmpdir(), 'needle-http-'));
const logs: Array<Record<string, unknown>> = [];
let daemon: Daemon;
let base = '';

const yaml = `
mqtt: { enabled: false }
inputs: { stdin: { enabled: false }, http: { enabled: true, host: 127.0.0.1, port: 0 } }
drivers: { stateDir: ${dir} }
policy: { confirm: { tools: [open_gate] } }
tools:
  - name: set_pump
    description: Set the pump speed
    parameters:
      type: object
      properties: { percent: { type: integer, minimum: 0, maximum: 100 } }
      required: [percent]
    action: { driver: file, path: "${dir}/pump", value: "{{percent}}" }
  - name: open_gate
    description: Open the gate
    action: { driver: file, path: "${dir}/gate", value: open }
`;

function post(path: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const rejected = () => logs.filter((l) => l.msg === 'input rejected').map((l) => (l.event as Record<string, unknown>).reason);

before(async () => {
  const { config } = parseConfig(yaml, 'http.yaml', dir);
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      cb();
    },
  });
  const router = fixedRouter(toolSchemas(config), {
    'pump to forty': { calls: [{ name: 'set_pump', arguments: { percent: 40 } }] },
    'open the gate': { calls: [{ name: 'open_gate', arguments: {} }] },
  });
  daemon = new Daemon({ config, log: pino({ level: 'info' }, sink), loadRouter: async () => router, notifier: new SystemdNotifier({}) });
  await daemon.start();
  const addr = daemon.httpAddress;
  assert.ok(addr && addr.port > 0);
  base = `http://127.0.0.1:${addr.port}`;
});

after(async () => {
  await daemon.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTP input', () => {
  it('runs a plain-text command and answers with the result', async () => {
    const { status, json } = await post('/command', 'pump to forty');
    assert.equal(status, 200);
    assert.equal(json.status, 'ok');
    assert.equal(json.source, 'http');
    assert.equal(readFileSync(join(dir, 'pump'), 'utf8'), '40');
  });

  it('takes JSON {text, id}', async () => {
    const { json } = await post('/command', JSON.stringify({ text: 'pump to forty', id: 'h-1' }), { 'content-type': 'application/json' });
    assert.equal(json.id, 'h-1');
    assert.equal(json.status, 'ok');
  });

  it('refuses oversized, non-UTF-8 and malformed bodies with error events, and keeps serving', async () => {
    const big = await post('/command', Buffer.alloc(64 * 1024 + 10, 0x61));
    assert.equal(big.status, 413);
    const bin = await post('/command', Buffer.from([0x70, 0xc0, 0xaf]));
    assert.equal(bin.status, 400);
    assert.equal(bin.json.error, 'invalid_utf8');
    const bad = await post('/command', '{"text": ', { 'content-type': 'application/json' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error, 'malformed_json');
    assert.deepEqual(rejected(), ['payload_too_large', 'invalid_utf8', 'malformed_json']);
    assert.equal((await post('/command', 'pump to forty')).json.status, 'ok');
  });

  it('holds a dangerous tool until POST /confirm', async () => {
    const asked = await post('/command', 'open the gate');
    assert.equal(asked.json.status, 'confirmation_required');
    assert.equal(existsSync(join(dir, 'gate')), false);
    const id = (asked.json.confirmation as { id: string }).id;
    const done = await post('/confirm', JSON.stringify({ id, confirm: true }));
    assert.equal(done.status, 200);
    assert.equal(done.json.status, 'ok');
    assert.equal(readFileSync(join(dir, 'gate'), 'utf8'), 'open');
    assert.equal((await post('/confirm', JSON.stringify({ id }))).status, 404, 'only once');
  });

  it('refuses requests from web pages (Origin) and non-loopback Host headers', async () => {
    assert.equal((await post('/command', 'pump to forty', { origin: 'http://evil.example' })).status, 403);
    assert.equal((await post('/command', 'pump to forty', { host: 'evil.example' })).status, 403);
  });

  it('reports health', async () => {
    const res = await fetch(`${base}/health`);
    const health = (await res.json()) as Record<string, unknown>;
    assert.equal(health.status, 'ok');
    assert.equal(health.router, true);
  });
});
