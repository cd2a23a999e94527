/**
 * Pipeline: router output -> schema check -> policy -> real drivers (the file driver writing into a
 * temp folder, so an executed call is visible on disk) -> result, event and one log line.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, beforeEach, describe, it } from 'node:test';
import { pino } from 'pino';
import { parseConfig, type AgentConfig } from '../src/agent/config.js';
import { toolSchemas } from '../src/agent/daemon.js';
import { Pipeline } from '../src/agent/pipeline.js';
import { Policy } from '../src/agent/policy.js';
import type { AgentEvent } from '../src/agent/result.js';
import type { CommandInput } from '../src/agent/types.js';
import { createDriverRegistry } from '../src/drivers/index.js';
import { fixedRouter, gate, type FixedAnswer } from './helpers/fixed-router.js';

const dir = mkdtempSync(join(tmpdir(), 'needle-pipeline-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const yaml = `
mqtt: { enabled: false }
policy:
  confidenceThreshold: 0.6
  confirm: { tools: [unlock_door], timeoutS: 30 }
  sources:
    http: { allow: [set_light] }
tools:
  - name: set_light
    description: Turn a light on or off
    parameters:
      type: object
      properties:
        room: { type: string, enum: [kitchen, hall] }
        state: { type: string, enum: ["on", "off"] }
        brightness: { type: integer, minimum: 0, maximum: 100 }
      required: [room, state]
    action: { driver: file, path: "${dir}/light-{{room}}", value: "{{state}} {{brightness|100}}" }
  - name: unlock_door
    description: Unlock the front door
    action: { driver: file, path: "${dir}/door", value: unlocked }
  - name: pump_speed
    description: Set the pump speed
    parameters:
      type: object
      properties: { percent: { type: integer, minimum: 0, maximum: 100 } }
      required: [percent]
    action: { driver: file, path: "${dir}/pump", value: "{{percent}}" }
`;

const parsed = parseConfig(yaml, 'pipeline.yaml', dir);
const drivers = createDriverRegistry({ startTimers: false, stateDir: dir });
parsed.checkBindings(drivers);
const config: AgentConfig = parsed.config;
after(() => drivers.close());

const light = (room: string, state: string, extra: Record<string, unknown> = {}) => ({
  name: 'set_light',
  arguments: { room, state, ...extra },
});

const slow = gate();
const table: Record<string, FixedAnswer> = {
  'slow': { calls: [light('hall', 'on')], wait: slow.promise },
  'kitchen on': { calls: [light('kitchen', 'on', { brightness: 40 })] },
  'hall off': { calls: [light('hall', 'off')] },
  'kitchen on unsure': { calls: [light('kitchen', 'on')], confidence: 0.4 },
  'too bright': { calls: [light('kitchen', 'on', { brightness: 250 })] },
  'extra arg': { calls: [light('kitchen', 'on', { colour: 'red' })] },
  'wrong type': { calls: [light('kitchen', 'on', { brightness: '50' })] },
  'unknown tool': { calls: [{ name: 'launch_rocket', arguments: {} }] },
  'garbage': { calls: [null, 'x', { name: 7 }, { name: 'set_light', arguments: [1] }] },
  'injection': { calls: [light('../../etc/passwd', 'on')] },
  'mixed': { calls: [light('hall', 'on'), { name: 'pump_speed', arguments: { percent: 900 } }] },
  'unlock': { calls: [{ name: 'unlock_door', arguments: {} }] },
  'pump 30': { calls: [{ name: 'pump_speed', arguments: { percent: 30 } }] },
  'nothing fits': { calls: [] },
  'crash': { calls: [], throws: 'onnx session exploded' },
};

let events: AgentEvent[] = [];
let logLines: Array<Record<string, unknown>> = [];
let now = 1_000_000;

function makePipeline(routerAvailable = true, maxPending?: number): Pipeline {
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      cb();
    },
  });
  const log = pino({ level: 'info' }, sink);
  return new Pipeline({
    router: routerAvailable ? fixedRouter(toolSchemas(config), table) : null,
    routerError: routerAvailable ? undefined : 'model file missing',
    tools: config.tools,
    drivers,
    policy: new Policy(config.policy, config.tools.filter((t) => t.confirm).map((t) => t.name), () => now),
    driverContext: { log, mqtt: null },
    events: { emit: (e) => events.push(e) },
    log,
    ...(maxPending ? { maxPending } : {}),
  });
}

const cmd = (text: string, extra: Partial<CommandInput> = {}): CommandInput => ({ text, source: 'cli', ...extra });
const read = (name: string): string | undefined => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined);

describe('pipeline', () => {
  let pipeline: Pipeline;
  beforeEach(() => {
    events = [];
    logLines = [];
    for (const f of ['light-kitchen', 'light-hall', 'door', 'pump']) rmSync(join(dir, f), { force: true });
    pipeline = makePipeline();
  });

  it('runs a valid call through its driver and reports calls, confidence and timings', async () => {
    const result = await pipeline.handle(cmd('kitchen on', { id: 'c1' }));
    assert.equal(result.status, 'ok');
    assert.equal(result.id, 'c1');
    assert.equal(read('light-kitchen'), 'on 40');
    assert.equal(result.calls.length, 1);
    assert.equal(result.calls[0]?.status, 'executed');
    assert.deepEqual(result.calls[0]?.arguments, { room: 'kitchen', state: 'on', brightness: 40 });
    assert.equal(result.confidence, 0.97);
    assert.equal(result.timings.encodeMs, 1);
    assert.ok(result.timings.totalMs >= result.timings.driversMs);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.type, 'command');
    const lines = logLines.filter((l) => l.msg === 'command routed');
    assert.equal(lines.length, 1, 'exactly one log line per routed command');
    const logged = lines[0]?.command as Record<string, unknown>;
    assert.equal(logged.text, 'kitchen on');
    assert.equal(logged.confidence, 0.97);
    assert.ok(Array.isArray(logged.calls) && (logged.calls as unknown[]).length === 1);
    assert.ok(typeof (logged.timings as Record<string, number>).totalMs === 'number');
    assert.match(JSON.stringify(logged.calls), /light-kitchen/, 'driver result detail is in the log line');
  });

  for (const [text, why] of [
    ['too bright', /brightness.*<= 100/],
    ['extra arg', /colour/],
    ['wrong type', /integer/],
    ['unknown tool', /unknown tool "launch_rocket"/],
    ['injection', /room.*one of/],
  ] as const) {
    it(`refuses untrusted model output: ${text}`, async () => {
      const result = await pipeline.handle(cmd(text));
      assert.equal(result.status, 'rejected');
      assert.equal(result.calls[0]?.status, 'invalid');
      assert.match(result.calls[0]?.detail ?? '', why);
      assert.equal(read('light-kitchen'), undefined, 'nothing was written');
    });
  }

  it('survives garbage call objects from the router', async () => {
    const result = await pipeline.handle(cmd('garbage'));
    assert.equal(result.status, 'rejected');
    assert.equal(result.calls.length, 4);
    assert.ok(result.calls.every((c) => c.status === 'invalid'));
  });

  it('runs the valid calls of a command and refuses the invalid ones', async () => {
    const result = await pipeline.handle(cmd('mixed'));
    assert.equal(result.status, 'partial');
    assert.deepEqual(result.calls.map((c) => c.status), ['executed', 'invalid']);
    assert.equal(read('light-hall'), 'on 100');
    assert.equal(read('pump'), undefined);
  });

  it('holds everything below the confidence threshold (router x speech confidence)', async () => {
    const low = await pipeline.handle(cmd('kitchen on unsure'));
    assert.equal(low.status, 'low_confidence');
    assert.equal(low.calls[0]?.status, 'skipped');
    const speech = await pipeline.handle(cmd('kitchen on', { source: 'speech', sttConfidence: 0.5 }));
    assert.equal(speech.status, 'low_confidence');
    assert.ok(Math.abs(speech.confidence - 0.485) < 1e-9);
    assert.equal(read('light-kitchen'), undefined);
    const sure = await pipeline.handle(cmd('kitchen on', { source: 'speech', sttConfidence: 0.9 }));
    assert.equal(sure.status, 'ok');
  });

  it('applies the per-source allowlist', async () => {
    const denied = await pipeline.handle(cmd('pump 30', { source: 'http' }));
    assert.equal(denied.status, 'rejected');
    assert.equal(denied.calls[0]?.status, 'not_allowed');
    assert.equal(read('pump'), undefined);
    assert.equal((await pipeline.handle(cmd('hall off', { source: 'http' }))).status, 'ok');
    assert.equal((await pipeline.handle(cmd('pump 30', { source: 'mqtt' }))).status, 'ok', 'unlisted sources may run all tools');
  });

  it('asks for confirmation and runs the held call on "yes" from the same source', async () => {
    const asked = await pipeline.handle(cmd('unlock', { source: 'mqtt' }));
    assert.equal(asked.status, 'confirmation_required');
    assert.equal(asked.calls[0]?.status, 'needs_confirmation');
    assert.ok(asked.confirmation?.id);
    assert.equal(read('door'), undefined);
    // another source's "yes" does not answer it (and is routed as a command of its own)
    const other = await pipeline.handle(cmd('Yes!', { source: 'http' }));
    assert.equal(other.status, 'no_match');
    assert.equal(read('door'), undefined);
    const yes = await pipeline.handle(cmd('Yes!', { source: 'mqtt' }));
    assert.equal(yes.status, 'ok');
    assert.equal(yes.confirmed, asked.confirmation?.id);
    assert.equal(read('door'), 'unlocked');
  });

  it('drops a pending confirmation on "no", on a new command, and on expiry', async () => {
    await pipeline.handle(cmd('unlock'));
    assert.equal((await pipeline.handle(cmd('cancel'))).status, 'cancelled');
    assert.equal((await pipeline.handle(cmd('yes'))).status, 'no_match', 'nothing pending any more');

    await pipeline.handle(cmd('unlock'));
    assert.equal((await pipeline.handle(cmd('hall off'))).status, 'ok');
    assert.equal((await pipeline.handle(cmd('confirm'))).status, 'no_match');

    await pipeline.handle(cmd('unlock'));
    now += 31_000;
    assert.equal((await pipeline.handle(cmd('yes'))).status, 'no_match');
    assert.equal(read('door'), undefined);
  });

  it('answers a pending confirmation by id (confirm topic / HTTP)', async () => {
    const asked = await pipeline.handle(cmd('unlock', { source: 'speech' }));
    const id = asked.confirmation?.id as string;
    assert.equal(await pipeline.answer('no-such-id', true, { source: 'mqtt' }), null);
    const done = await pipeline.answer(id, true, { source: 'mqtt' });
    assert.equal(done?.status, 'ok');
    assert.equal(read('door'), 'unlocked');
    assert.equal(await pipeline.answer(id, true, { source: 'mqtt' }), null, 'a confirmation runs once');
  });

  it('does not let a confirmation by id get round the answering source allowlist', async () => {
    const asked = await pipeline.handle(cmd('unlock', { source: 'mqtt' }));
    const viaHttp = await pipeline.answer(asked.confirmation?.id as string, true, { source: 'http' });
    assert.equal(viaHttp?.status, 'rejected');
    assert.equal(viaHttp?.calls[0]?.status, 'not_allowed');
    assert.equal(read('door'), undefined);
  });

  it('reports no_match and router crashes without running anything', async () => {
    assert.equal((await pipeline.handle(cmd('nothing fits'))).status, 'no_match');
    const crashed = await pipeline.handle(cmd('crash'));
    assert.equal(crashed.status, 'error');
    assert.match(crashed.error ?? '', /onnx session exploded/);
    assert.equal(logLines.filter((l) => l.msg === 'command failed').length, 1);
  });

  it('answers with an error result while the router is unavailable (degraded mode)', async () => {
    const degraded = makePipeline(false);
    const result = await degraded.handle(cmd('kitchen on'));
    assert.equal(result.status, 'error');
    assert.match(result.error ?? '', /router unavailable: model file missing/);
    assert.equal(events.length, 1);
  });

  it('answers an error at once when too many commands are waiting', async () => {
    const small = makePipeline(true, 2);
    const first = small.handle(cmd('slow'));
    const second = small.handle(cmd('kitchen on'));
    const third = await small.handle(cmd('hall off', { id: 'busy' }));
    assert.equal(third.status, 'error');
    assert.match(third.error ?? '', /busy/);
    slow.open();
    assert.equal((await first).status, 'ok');
    assert.equal((await second).status, 'ok');
  });

  it('runs commands one at a time, in order, and drains before closing', async () => {
    const order: string[] = [];
    const all = ['kitchen on', 'hall off', 'pump 30'].map((t) => pipeline.handle(cmd(t)).then((r) => order.push(r.text)));
    await pipeline.drain();
    await Promise.all(all);
    assert.deepEqual(order, ['kitchen on', 'hall off', 'pump 30']);
    await assert.rejects(pipeline.handle(cmd('kitchen on')), /shutting down/);
  });
});
