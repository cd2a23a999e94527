/** The driver registry: every driver present, every binding schema sound under strict ajv. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Ajv } from 'ajv';
import { createDriverRegistry } from '../src/drivers/index.js';

const stateDir = mkdtempSync(join(tmpdir(), 'needle-registry-'));
after(() => rmSync(stateDir, { recursive: true, force: true }));

test('the registry has one driver per action name and closes cleanly (twice)', async () => {
  const registry = createDriverRegistry({ stateDir, startTimers: false });
  assert.deepEqual([...registry.keys()].sort(), ['alarm', 'exec', 'file', 'gpio', 'http', 'mqtt', 'speak', 'timer']);
  for (const [name, driver] of registry) assert.equal(driver.name, name);
  await registry.close();
  await registry.close();
});

test('binding schemas compile under strict ajv and accept/refuse typical actions', async () => {
  const registry = createDriverRegistry({ stateDir, startTimers: false });
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  const accept: Record<string, object[]> = {
    mqtt: [
      { driver: 'mqtt', topic: 'a/b', payload: { x: '{{x}}' }, qos: 0, retain: true },
      { driver: 'mqtt', preset: 'zigbee2mqtt', device: '{{room}}_light', map: { state: { on: 'ON' } } },
      { driver: 'mqtt', preset: 'tasmota', device: 'plug', command: 'POWER2' },
      { driver: 'mqtt', preset: 'homeassistant', command_topic: 'x/set' },
      { driver: 'mqtt', preset: 'hermes' },
    ],
    gpio: [{ driver: 'gpio', chip: 'gpiochip0', line: 17 }, { driver: 'gpio', chip: 'gpiochip0', line: '{{n}}', op: 'get' }],
    file: [{ driver: 'file', path: '/sys/class/leds/led0/brightness', value: 1 }],
    exec: [{ driver: 'exec', command: '/usr/bin/mpc', args: ['volume', '{{level}}'], timeout_ms: 1000 }],
    http: [{ driver: 'http', url: 'http://10.0.0.2/relay/0?turn={{state}}', method: 'GET' }],
    speak: [{ driver: 'speak', text: 'hello {{name}}', voice: 'en-us' }],
    timer: [{ driver: 'timer', op: 'set', duration: '{{minutes}}m', on_fire: { tool: 'announce', arguments: { text: 'done' } } }],
    alarm: [{ driver: 'alarm', op: 'set', at: '{{time}}' }],
  };
  const refuse: Record<string, object[]> = {
    mqtt: [{ driver: 'mqtt' }, { driver: 'mqtt', preset: 'zigbee2mqtt' }, { driver: 'mqtt', topic: 'a', qos: 3 }],
    gpio: [{ driver: 'gpio', chip: 'gpiochip0' }, { driver: 'gpio', chip: 'c', line: 1, op: 'blink' }],
    file: [{ driver: 'file', path: 'relative', value: 1 }],
    exec: [{ driver: 'exec', command: '{{prog}}' }, { driver: 'exec', command: '/bin/true', shell: true }],
    http: [{ driver: 'http', url: 'ftp://x/' }],
    speak: [{ driver: 'speak', text: '' }],
    timer: [{ driver: 'timer', op: 'snooze' }],
    alarm: [{ driver: 'alarm', extra: 1 }],
  };
  try {
    for (const [name, driver] of registry) {
      const validate = ajv.compile(driver.bindingSchema);
      for (const b of accept[name] ?? []) assert.ok(validate(b), `${name} should accept ${JSON.stringify(b)}: ${ajv.errorsText(validate.errors)}`);
      for (const b of refuse[name] ?? []) assert.ok(!validate(b), `${name} should refuse ${JSON.stringify(b)}`);
    }
  } finally {
    await registry.close();
  }
});
