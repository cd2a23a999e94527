/**
 * The daemon against a real Mosquitto (started here on a free loopback port): MQTT command in ->
 * calls -> zigbee2mqtt / Tasmota topics out (through the real mqtt driver) -> result and event;
 * bad payloads become error events while the daemon keeps serving; a broker crash and restart
 * loses no QoS 1 result.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect, type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { parseConfig } from '../src/agent/config.js';
import { Daemon, toolSchemas } from '../src/agent/daemon.js';
import { SystemdNotifier } from '../src/agent/notify.js';
import { startMosquitto, type Broker } from './helpers/mosquitto.js';
import { fixedRouter, gate, type FixedAnswer } from './helpers/fixed-router.js';

interface Received {
  topic: string;
  payload: Buffer;
  retain: boolean;
}

const dir = mkdtempSync(join(tmpdir(), 'needle-mqtt-it-'));
let broker: Broker;
let daemon: Daemon;
let observer: MqttClient;
const received: Received[] = [];
const held = gate();
let routerSeen: string[] = [];

function configYaml(url: string): string {
  return `
mqtt:
  url: ${url}
  clientId: needle-it-${process.pid}
  baseTopic: it/agent
  connectTimeoutMs: 3000
  # the observer reconnects every 50 ms; the agent waits >= 1.2 s, so the observer is back first
  reconnect: { minMs: 1500, maxMs: 1500 }
inputs:
  stdin: { enabled: false }
  http: { enabled: false }
drivers: { stateDir: ${dir} }
tools:
  - name: set_light
    description: Turn a light on or off, optionally dimmed
    parameters:
      type: object
      properties:
        room: { type: string, enum: [kitchen, bedroom] }
        state: { type: string, enum: ["on", "off"] }
        brightness: { type: integer, minimum: 0, maximum: 100 }
      required: [room, state]
    action: { driver: mqtt, preset: zigbee2mqtt, device: "{{room}}_lamp", payload: { state: "{{state}}", brightness_percent: "{{brightness|100}}" } }
  - name: conveyor
    description: Start or stop the conveyor
    parameters:
      type: object
      properties: { state: { type: string, enum: ["on", "off"] } }
      required: [state]
    action: { driver: mqtt, preset: tasmota, device: conveyor_1, command: POWER, value: "{{state}}", timeout_ms: 300 }
`;
}

function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 8000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      const found = find();
      if (found !== undefined) resolve(found);
      else if (Date.now() - started > timeoutMs) reject(new Error(`timed out waiting for ${what}\nbroker log:\n${broker.output()}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

const on = (topic: string) => received.filter((m) => m.topic === topic);
const json = (m: Received): Record<string, unknown> => JSON.parse(m.payload.toString('utf8')) as Record<string, unknown>;
const resultFor = (id: string) => () => on('it/agent/result').map(json).find((r) => r.id === id);

function send(payload: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    observer.publish('it/agent/command', payload, { qos: 1 }, (err) => (err ? reject(err) : resolve())),
  );
}

before(async () => {
  broker = await startMosquitto();
  const parsed = parseConfig(configYaml(broker.url), 'it.yaml', dir);
  const config = parsed.config;
  const table: Record<string, FixedAnswer> = {
    'dim the kitchen light to half': {
      calls: [{ name: 'set_light', arguments: { room: 'kitchen', state: 'on', brightness: 50 } }],
    },
    'start the conveyor': { calls: [{ name: 'conveyor', arguments: { state: 'on' } }] },
    'bedroom off and stop the conveyor': {
      calls: [
        { name: 'set_light', arguments: { room: 'bedroom', state: 'off' } },
        { name: 'conveyor', arguments: { state: 'off' } },
      ],
    },
  };
  for (let i = 1; i <= 3; i++) {
    table[`held ${i}`] = { calls: [{ name: 'conveyor', arguments: { state: i % 2 ? 'on' : 'off' } }], wait: held.promise };
  }
  const router = fixedRouter(toolSchemas(config), table);
  routerSeen = router.seen;
  daemon = new Daemon({
    config,
    log: pino({ level: process.env.TEST_LOG ? 'debug' : 'silent' }),
    loadRouter: async () => router,
    notifier: new SystemdNotifier({}),
  });
  parsed.checkBindings(new Map([['mqtt', { bindingSchema: (await import('../src/drivers/mqtt.js')).mqttBindingSchema }]]));
  observer = connect(broker.url, { clientId: `observer-${process.pid}`, reconnectPeriod: 50, clean: true });
  observer.on('error', () => undefined);
  observer.on('message', (topic, payload, packet) => received.push({ topic, payload, retain: packet.retain }));
  await new Promise<void>((resolve, reject) =>
    observer.once('connect', () =>
      observer.subscribe(['it/agent/#', 'zigbee2mqtt/#', 'cmnd/#'], { qos: 1 }, (err) => (err ? reject(err) : resolve())),
    ),
  );
  await daemon.start();
  assert.equal(daemon.status().mqtt.connected, true);
});

after(async () => {
  held.open();
  await daemon?.stop('test done');
  observer?.end(true);
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('daemon over MQTT', () => {
  it('announces itself online (retained) on <base>/status', async () => {
    const status = await waitFor('status online', () => on('it/agent/status').find((m) => m.payload.toString() === 'online'));
    assert.ok(status);
  });

  it('turns a JSON command into a zigbee2mqtt message and replies on <base>/result', async () => {
    await send(JSON.stringify({ text: 'dim the kitchen light to half', id: 'cmd-1' }));
    const z = await waitFor('zigbee2mqtt message', () => on('zigbee2mqtt/kitchen_lamp/set')[0]);
    assert.deepEqual(json(z), { state: 'ON', brightness: 127 });
    const result = await waitFor('result cmd-1', resultFor('cmd-1'));
    assert.equal(result.status, 'ok');
    assert.equal(result.source, 'mqtt');
    assert.equal(result.confidence, 0.97);
    const calls = result.calls as Array<Record<string, unknown>>;
    assert.equal(calls[0]?.name, 'set_light');
    assert.equal(calls[0]?.status, 'executed');
    assert.ok((result.timings as Record<string, number>).totalMs > 0);
    const event = await waitFor('command event', () => on('it/agent/event').map(json).find((e) => e.id === 'cmd-1'));
    assert.equal(event.type, 'command');
  });

  it('turns a plain-text command into a Tasmota command', async () => {
    await send('start the conveyor');
    const t = await waitFor('tasmota message', () => on('cmnd/conveyor_1/POWER')[0]);
    assert.equal(t.payload.toString(), 'ON');
    const result = await waitFor('result', () => on('it/agent/result').map(json).find((r) => r.text === 'start the conveyor'));
    assert.equal(result.status, 'ok');
  });

  it('runs several calls from one command, in order', async () => {
    await send(JSON.stringify({ text: 'bedroom off and stop the conveyor', id: 'cmd-2' }));
    await waitFor('result cmd-2', resultFor('cmd-2'));
    assert.deepEqual(json(on('zigbee2mqtt/bedroom_lamp/set')[0] as Received), { state: 'OFF', brightness: 254 });
    assert.equal(on('cmnd/conveyor_1/POWER').at(-1)?.payload.toString(), 'OFF');
  });

  it('rejects malformed, oversized and non-UTF-8 payloads with error events and keeps serving', async () => {
    const before = on('it/agent/event').length;
    await send('{"text": "unterminated');
    await send(Buffer.alloc(64 * 1024 + 1, 0x61));
    await send(Buffer.from([0x74, 0x75, 0x72, 0x6e, 0xff, 0xfe, 0x20, 0xc3]));
    await send(JSON.stringify({ id: 'no-text' }));
    const errors = await waitFor('4 error events', () => {
      const e = on('it/agent/event').slice(before).map(json).filter((x) => x.type === 'error');
      return e.length >= 4 ? e : undefined;
    });
    assert.deepEqual(
      errors.map((e) => e.reason),
      ['malformed_json', 'payload_too_large', 'invalid_utf8', 'invalid_command'],
    );
    assert.ok(errors.every((e) => e.source === 'mqtt'));
    assert.equal(routerSeen.filter((t) => t.includes('unterminated')).length, 0, 'nothing bad reached the router');
    await send(JSON.stringify({ text: 'start the conveyor', id: 'after-bad' }));
    const result = await waitFor('result after bad payloads', resultFor('after-bad'));
    assert.equal(result.status, 'ok');
  });

  it('loses no QoS 1 result when the broker is killed and restarted mid-command', async () => {
    const ids = ['held-1', 'held-2', 'held-3'];
    for (const [i, id] of ids.entries()) await send(JSON.stringify({ text: `held ${i + 1}`, id }));
    await waitFor('router holding the first command', () => (routerSeen.includes('held 1') ? true : undefined));
    const conveyorBefore = on('cmnd/conveyor_1/POWER').length;

    await broker.kill();
    await waitFor('agent noticing the broker is gone', () => (daemon.status().mqtt.connected ? undefined : true));
    held.open(); // the three commands finish while the broker is down: results, events, driver messages queue
    await waitFor('3 results queued', () => (daemon.status().mqtt.queued >= 3 * 3 ? true : undefined));
    await broker.restart();
    await waitFor('observer back', () => (observer.connected ? true : undefined));

    for (const id of ids) {
      const result = await waitFor(`result ${id}`, resultFor(id));
      assert.equal(result.status, 'ok', `result ${id}: ${JSON.stringify(result)}`);
    }
    // the agent reconnected after the observer was listening again (else the test proves nothing)
    const online = on('it/agent/status').filter((m) => m.payload.toString() === 'online');
    assert.equal(online.at(-1)?.retain, false, 'observer was subscribed before the agent came back');
    // the devices got their (queued) commands too, in order
    await waitFor('3 conveyor commands', () => (on('cmnd/conveyor_1/POWER').length >= conveyorBefore + 3 ? true : undefined));
    assert.deepEqual(
      on('cmnd/conveyor_1/POWER').slice(conveyorBefore).map((m) => m.payload.toString()),
      ['ON', 'OFF', 'ON'],
    );
    await waitFor('queue empty', () => (daemon.status().mqtt.queued === 0 ? true : undefined));
    // and it still takes commands after the restart (re-subscribed)
    await send(JSON.stringify({ text: 'start the conveyor', id: 'after-restart' }));
    assert.equal((await waitFor('result after restart', resultFor('after-restart'))).status, 'ok');
  });

  it('never acts on a retained command replayed at (re)subscribe', async () => {
    await new Promise<void>((resolve, reject) =>
      observer.publish('it/agent/command', JSON.stringify({ text: 'start the conveyor', id: 'kept' }), { qos: 1, retain: true }, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    await waitFor('live copy handled once', resultFor('kept'));
    const conveyorBefore = on('cmnd/conveyor_1/POWER').length;
    const eventsBefore = on('it/agent/event').length;
    // a second agent subscribing now gets the broker's retained copy: it must refuse it
    const { config } = parseConfig(configYaml(broker.url).replace(`needle-it-${process.pid}`, `needle-it2-${process.pid}`), 'it2.yaml', dir);
    const second = new Daemon({
      config,
      log: pino({ level: 'silent' }),
      loadRouter: async () => fixedRouter(toolSchemas(config), { 'start the conveyor': { calls: [{ name: 'conveyor', arguments: { state: 'on' } }] } }),
      notifier: new SystemdNotifier({}),
    });
    try {
      await second.start();
      const refused = await waitFor('retained command refused', () =>
        on('it/agent/event').slice(eventsBefore).map(json).find((e) => e.reason === 'retained_command'),
      );
      assert.equal(refused.source, 'mqtt');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(on('cmnd/conveyor_1/POWER').length, conveyorBefore, 'no device command from the replay');
    } finally {
      observer.publish('it/agent/command', '', { qos: 1, retain: true });
      await second.stop();
    }
  });
});
