/**
 * `make run` on a bare machine: the embedded default config starts with no broker and no model,
 * decides "degraded" within connectTimeoutMs, answers commands, queues its MQTT traffic, and
 * delivers it once a broker appears.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { connect } from 'mqtt';
import { pino } from 'pino';
import { readConfig } from '../src/agent/config.js';
import { Daemon, toolSchemas } from '../src/agent/daemon.js';
import { SystemdNotifier } from '../src/agent/notify.js';
import { startMosquitto } from './helpers/mosquitto.js';
import { fixedRouter } from './helpers/fixed-router.js';

const dir = mkdtempSync(join(tmpdir(), 'needle-degraded-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('embedded default: starts without a broker, serves, and delivers queued messages when one appears', async () => {
  const broker = await startMosquitto();
  await broker.kill(); // the port is known but nothing listens
  const { config } = readConfig(); // the embedded default
  config.mqtt = { ...config.mqtt, url: broker.url, clientId: `degraded-${process.pid}`, connectTimeoutMs: 300,
    reconnect: { minMs: 1500, maxMs: 1500 }, homeAssistant: { ...config.mqtt.homeAssistant, discovery: true } };
  config.inputs = { ...config.inputs, stdin: { enabled: false }, http: { ...config.inputs.http, port: 0 } };
  config.drivers = { stateDir: dir };
  const router = fixedRouter(toolSchemas(config), {
    'kitchen light on': { calls: [{ name: 'set_light', arguments: { room: 'kitchen', state: 'on' } }] },
  });
  const daemon = new Daemon({ config, log: pino({ level: 'silent' }), loadRouter: async () => router, notifier: new SystemdNotifier({}) });
  const t0 = Date.now();
  try {
    await daemon.start();
    assert.ok(Date.now() - t0 < 3000, 'start-up does not hang on the missing broker');
    assert.match(daemon.status().degraded.join(';'), /MQTT broker .* not connected/);

    const result = await daemon.pipeline.handle({ text: 'kitchen light on', source: 'http', id: 'offline-1' });
    assert.equal(result.status, 'ok', JSON.stringify(result)); // the mqtt driver reports it queued
    assert.ok(daemon.status().mqtt.queued >= 2, 'device message and event are queued');

    await broker.restart();
    const seen: Array<{ topic: string; payload: string }> = [];
    const observer = connect(broker.url, { clientId: `observer-degraded-${process.pid}` });
    await new Promise<void>((resolve) =>
      observer.once('connect', () => observer.subscribe(['zigbee2mqtt/#', 'needle/#', 'homeassistant/#'], { qos: 1 }, () => resolve())),
    );
    observer.on('message', (topic, payload) => seen.push({ topic, payload: payload.toString() }));
    const deadline = Date.now() + 8000;
    // the queue flushes in its own order: wait for all three kinds before judging any of them
    const delivered = (): boolean => seen.some((m) => m.topic === 'zigbee2mqtt/kitchen_light/set')
      && seen.some((m) => m.topic.startsWith('homeassistant/')) && seen.some((m) => m.topic === 'needle/event' && m.payload.includes('offline-1'));
    while (!delivered()) {
      assert.ok(Date.now() < deadline, `queued messages not delivered: ${JSON.stringify(seen.map((m) => m.topic))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(JSON.parse(seen.find((m) => m.topic === 'zigbee2mqtt/kitchen_light/set')?.payload ?? '{}'), { state: 'ON' });
    const event = seen.find((m) => m.topic === 'needle/event' && m.payload.includes('offline-1'));
    assert.ok(event, 'the command event was delivered too');
    assert.ok(
      seen.some((m) => m.topic.startsWith('homeassistant/') && m.payload.includes('needle/command')),
      'Home Assistant discovery points at the command topic',
    );
    observer.end(true);
  } finally {
    await daemon.stop();
    await broker.stop();
  }
});
