/**
 * mqtt driver against a real Mosquitto: presets produce the topics and payloads that zigbee2mqtt,
 * Tasmota, Home Assistant and Hermes consumers expect; HA discovery configs arrive retained.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connect, type MqttClient } from 'mqtt';
import { createMqttDriver } from '../src/drivers/mqtt.js';
import { buildHomeAssistantDiscovery, publishHomeAssistantDiscovery } from '../src/drivers/homeassistant.js';
import type { DriverContext, MqttPublisher } from '../src/drivers/types.js';
import { startMosquitto, type Broker } from './helpers/mosquitto.js';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

let broker: Broker;
let pubClient: MqttClient;
let subClient: MqttClient;
let publisher: MqttPublisher;
const received: Array<{ topic: string; payload: string; retain: boolean }> = [];

async function connected(url: string, id: string): Promise<MqttClient> {
  const c = connect(url, { clientId: id, reconnectPeriod: 0 });
  await new Promise<void>((resolve, reject) => {
    c.once('connect', () => resolve());
    c.once('error', reject);
  });
  return c;
}

/** Waits for the next message on `topic` (matching exactly). */
async function next(topic: string, timeoutMs = 3000): Promise<{ topic: string; payload: string; retain: boolean }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const i = received.findIndex((m) => m.topic === topic);
    if (i >= 0) return received.splice(i, 1)[0]!;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no message on ${topic}; got ${received.map((m) => m.topic).join(', ') || 'nothing'}`);
}

before(async () => {
  broker = await startMosquitto();
  pubClient = await connected(broker.url, 'driver-test-pub');
  subClient = await connected(broker.url, 'driver-test-sub');
  subClient.on('message', (topic, payload, packet) => received.push({ topic, payload: payload.toString(), retain: packet.retain }));
  await subClient.subscribeAsync(['zigbee2mqtt/#', 'cmnd/#', 'hermes/#', 'raw/#', 'ha/#'], { qos: 1 });
  publisher = {
    publish: async (topic, payload, options) => {
      await pubClient.publishAsync(topic, payload, { qos: options.qos, retain: options.retain ?? false });
    },
  };
});

after(async () => {
  await pubClient?.endAsync();
  await subClient?.endAsync();
  await broker?.stop();
});

function ctx(extra: Partial<DriverContext> = {}): DriverContext {
  return { log, mqtt: publisher, ...extra };
}

const driver = createMqttDriver();

test('zigbee2mqtt preset: friendly-name topic, ON/OFF state and percent -> 0..254 brightness', async () => {
  const r = await driver.execute(
    { driver: 'mqtt', preset: 'zigbee2mqtt', device: '{{room}}_lamp', payload: { state: '{{state}}', brightness_percent: '{{level}}' } },
    { name: 'light_set', arguments: { room: 'kitchen', state: 'on', level: 50 } },
    ctx(),
  );
  assert.equal(r.ok, true, r.detail);
  const m = await next('zigbee2mqtt/kitchen_lamp/set');
  assert.deepEqual(JSON.parse(m.payload), { state: 'ON', brightness: 127 });

  // No payload template: built from the arguments, without the one that only names the device.
  const r2 = await driver.execute(
    { driver: 'mqtt', preset: 'zigbee2mqtt', device: '{{room}}_lamp' },
    { name: 'light_set', arguments: { room: 'hall', state: 'off' } },
    ctx(),
  );
  assert.equal(r2.ok, true, r2.detail);
  assert.deepEqual(JSON.parse((await next('zigbee2mqtt/hall_lamp/set')).payload), { state: 'OFF' });
});

test('tasmota preset: cmnd/<topic>/POWER ON/OFF and a clamped Dimmer', async () => {
  let r = await driver.execute(
    { driver: 'mqtt', preset: 'tasmota', device: '{{plug}}', command: 'POWER', value: '{{state}}' },
    { name: 'plug', arguments: { plug: 'coffee', state: 'on' } },
    ctx(),
  );
  assert.equal(r.ok, true, r.detail);
  assert.equal((await next('cmnd/coffee/POWER')).payload, 'ON');
  r = await driver.execute(
    { driver: 'mqtt', preset: 'tasmota', device: 'pump', command: 'Dimmer', value: '{{speed}}' },
    { name: 'pump_speed', arguments: { speed: 150 } },
    ctx(),
  );
  assert.equal(r.ok, true, r.detail);
  assert.equal((await next('cmnd/pump/Dimmer')).payload, '100');
  r = await driver.execute(
    { driver: 'mqtt', preset: 'tasmota', device: 'pump', command: 'POWER' },
    { name: 'pump', arguments: { state: 'sideways' } },
    ctx(),
  );
  assert.equal(r.ok, false);
  assert.match(r.detail, /expects on\/off\/toggle/);
});

test('raw topic with a JSON template keeps number types; HA command preset maps on/off', async () => {
  let r = await driver.execute(
    { driver: 'mqtt', topic: 'raw/{{line}}/speed', payload: { rpm: '{{rpm}}', note: 'at {{rpm}} rpm' }, retain: false },
    { name: 'conveyor', arguments: { line: 'l1', rpm: 42 } },
    ctx(),
  );
  assert.equal(r.ok, true, r.detail);
  assert.deepEqual(JSON.parse((await next('raw/l1/speed')).payload), { rpm: 42, note: 'at 42 rpm' });
  r = await driver.execute(
    { driver: 'mqtt', preset: 'homeassistant', command_topic: 'ha/switch/{{name}}/set', payload_on: 'turn_on' },
    { name: 'switch', arguments: { name: 'fan', state: 'on' } },
    ctx(),
  );
  assert.equal(r.ok, true, r.detail);
  assert.equal((await next('ha/switch/fan/set')).payload, 'turn_on');
});

test('hermes preset: hermes/intent/<name> with input, intent and slots', async () => {
  const r = await driver.execute(
    { driver: 'mqtt', preset: 'hermes' },
    { name: 'set_volume', arguments: { level: 30, room: 'kitchen' } },
    ctx({ command: { text: 'set the kitchen volume to 30', confidence: 0.91, id: 'c-1' } }),
  );
  assert.equal(r.ok, true, r.detail);
  const msg = JSON.parse((await next('hermes/intent/set_volume')).payload) as Record<string, unknown>;
  assert.equal(msg.input, 'set the kitchen volume to 30');
  assert.deepEqual(msg.intent, { intentName: 'set_volume', confidenceScore: 0.91 });
  assert.equal(msg.siteId, 'default');
  assert.equal(msg.sessionId, 'c-1');
  const slots = msg.slots as Array<Record<string, unknown>>;
  const level = slots.find((s) => s.slotName === 'level');
  assert.deepEqual(level?.value, { kind: 'Number', value: 30 });
  assert.deepEqual(level?.range, { start: 26, end: 28 });
  assert.equal(slots.find((s) => s.slotName === 'room')?.rawValue, 'kitchen');
});

test('unsafe or impossible publishes are ok=false and publish nothing', async () => {
  const before = received.length;
  let r = await driver.execute(
    { driver: 'mqtt', preset: 'zigbee2mqtt', device: '{{room}}' },
    { name: 'x', arguments: { room: '#' } },
    ctx(),
  );
  assert.equal(r.ok, false);
  assert.match(r.detail, /wildcard/);
  r = await driver.execute({ driver: 'mqtt', topic: 'raw/a' }, { name: 'x', arguments: {} }, ctx({ mqtt: null }));
  assert.equal(r.ok, false);
  assert.match(r.detail, /no MQTT connection/);
  r = await driver.execute({ driver: 'mqtt', topic: 'raw/{{missing}}' }, { name: 'x', arguments: {} }, ctx());
  assert.equal(r.ok, false);
  assert.match(r.detail, /missing/);
  r = await driver.execute({ driver: 'mqtt', preset: 'nope', device: 'x' }, { name: 'x', arguments: {} }, ctx());
  assert.equal(r.ok, false);
  assert.match(r.detail, /invalid mqtt action/);
  await new Promise((res) => setTimeout(res, 100));
  assert.equal(received.length, before);
});

test('a failing publisher gives ok=false; a publisher that never acknowledges reports queued', async () => {
  const failing: MqttPublisher = { publish: () => Promise.reject(new Error('queue full')) };
  let r = await driver.execute({ driver: 'mqtt', topic: 'raw/x' }, { name: 'x', arguments: {} }, ctx({ mqtt: failing }));
  assert.equal(r.ok, false);
  assert.match(r.detail, /queue full/);
  const stuck: MqttPublisher = { publish: () => new Promise(() => undefined) };
  r = await driver.execute({ driver: 'mqtt', topic: 'raw/x', timeout_ms: 50 }, { name: 'x', arguments: {} }, ctx({ mqtt: stuck }));
  assert.equal(r.ok, true);
  assert.equal(r.data?.queued, true);
});

test('Home Assistant discovery configs arrive retained on homeassistant/<component>/<node>/<object>/config', async () => {
  const opts = { baseTopic: 'needle', nodeId: 'kitchen pi', version: '0.1.0' };
  const built = buildHomeAssistantDiscovery(opts);
  assert.ok(built.every((m) => /^homeassistant\/[a-z_]+\/kitchen_pi\/[a-z_]+\/config$/.test(m.topic)));
  await publishHomeAssistantDiscovery(publisher, opts);
  // A client subscribing afterwards still gets them: they are retained.
  const late = await connected(broker.url, 'driver-test-late');
  const got = new Map<string, { payload: string; retain: boolean }>();
  late.on('message', (topic, payload, packet) => got.set(topic, { payload: payload.toString(), retain: packet.retain }));
  await late.subscribeAsync('homeassistant/#', { qos: 1 });
  const deadline = Date.now() + 3000;
  while (got.size < built.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await late.endAsync();
  assert.equal(got.size, built.length);
  const status = got.get('homeassistant/binary_sensor/kitchen_pi/status/config');
  assert.ok(status?.retain);
  const cfg = JSON.parse(status!.payload) as Record<string, unknown>;
  assert.equal(cfg.state_topic, 'needle/status');
  assert.equal(cfg.unique_id, 'kitchen_pi_status');
  const text = JSON.parse(got.get('homeassistant/text/kitchen_pi/command/config')!.payload) as Record<string, unknown>;
  assert.equal(text.command_topic, 'needle/command');
  assert.equal(text.availability_topic, 'needle/status');
  // Clean up the retained configs so other tests on this broker start clean.
  await Promise.all(built.map((m) => pubClient.publishAsync(m.topic, '', { qos: 1, retain: true })));
});
