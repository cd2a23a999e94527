/**
 * Config loading: the embedded default and config/example.yaml load and bind to the real drivers;
 * every error names the file, the line, the path inside it and what was expected.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig, parseConfig, readConfig, type ConfigIssue } from '../src/agent/config.js';
import { createDriverRegistry } from '../src/drivers/index.js';

const drivers = createDriverRegistry({ startTimers: false });
after(() => drivers.close());

const TOOL = `
  - name: set_light
    description: Turn a light on or off
    parameters:
      type: object
      properties:
        room: { type: string, enum: [kitchen] }
        state: { type: string, enum: ["on", "off"] }
      required: [room, state]
    action: { driver: mqtt, preset: zigbee2mqtt, device: "{{room}}_light" }
`;

function issuesOf(yaml: string, bind = true): ConfigIssue[] {
  try {
    const parsed = parseConfig(yaml, 'bad.yaml', '/tmp');
    if (bind) parsed.checkBindings(drivers);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
    for (const issue of err.issues) assert.equal(issue.file, 'bad.yaml');
    return err.issues;
  }
  assert.fail('config was accepted');
}

describe('config', () => {
  it('loads the embedded default (no hardware: MQTT actions only) with defaults filled in', () => {
    const config = loadConfig(undefined, drivers);
    assert.equal(config.file, '(embedded default)');
    assert.ok(config.tools.length >= 3);
    assert.ok(config.tools.every((t) => t.action.driver === 'mqtt'));
    assert.equal(config.mqtt.baseTopic, 'needle');
    assert.equal(config.policy.confirm.timeoutS, 30);
    assert.match(config.router.modelDir, /models[/\\]needle$/);
    assert.equal(config.tools.find((t) => t.name === 'unlock_door')?.confirm, true);
  });

  it('loads config/example.yaml (home + kiosk/industrial tools)', () => {
    const config = loadConfig('config/example.yaml', drivers);
    const names = config.tools.map((t) => t.name);
    for (const n of ['set_light', 'set_thermostat', 'set_blinds', 'unlock_door', 'set_timer', 'play_media',
      'start_conveyor', 'stop_conveyor', 'set_pump_speed', 'call_staff']) {
      assert.ok(names.includes(n), `example has ${n}`);
    }
    assert.equal(config.tools.find((t) => t.name === 'start_conveyor')?.confirm, true);
    assert.equal(config.tools.find((t) => t.name === 'stop_conveyor')?.confirm, false);
  });

  it('resolves relative paths against the config file folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'needle-config-'));
    try {
      const file = join(dir, 'agent.yaml');
      writeFileSync(file, `router: { modelDir: my-model }\nmqtt: { tls: { ca: ca.pem } }\ndrivers: { stateDir: state }\ntools:${TOOL}`);
      const { config } = readConfig(file);
      assert.equal(config.router.modelDir, resolve(dir, 'my-model'));
      assert.equal(config.mqtt.tls?.ca, resolve(dir, 'ca.pem'));
      assert.equal(config.drivers.stateDir, resolve(dir, 'state'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names file, line, path and expectation for a wrong type', () => {
    const [issue] = issuesOf(`mqtt:\n  url: mqtt://x\n  keepaliveS: soon\ntools:${TOOL}`);
    assert.deepEqual(issue, { file: 'bad.yaml', line: 3, column: 15, path: 'mqtt.keepaliveS', expected: 'integer (got "soon")' });
    assert.match(new ConfigError([issue as ConfigIssue]).message, /bad\.yaml:3:15: mqtt\.keepaliveS: expected integer/);
  });

  it('reports unknown keys with the known ones', () => {
    const [issue] = issuesOf(`polcy: {}\ntools:${TOOL}`);
    assert.equal(issue?.path, 'polcy');
    assert.equal(issue?.line, 1);
    assert.match(issue?.expected ?? '', /no such property.*policy/);
  });

  it('reports a missing required value at its parent', () => {
    const issues = issuesOf(`tools:\n  - name: x\n    action: { driver: mqtt, topic: a }\n`);
    assert.deepEqual(issues.map((i) => [i.path, i.line]), [['tools[0].description', 2]]);
    assert.match(issues[0]?.expected ?? '', /required/);
  });

  it('reports YAML syntax errors with their position', () => {
    const [issue] = issuesOf('tools: [\n  - a\n');
    assert.equal(issue?.path, '(yaml)');
    assert.ok((issue?.line ?? 0) >= 1);
    assert.match(issue?.expected ?? '', /valid YAML/);
  });

  it('reports an unknown driver with the available ones', () => {
    const [issue] = issuesOf(`tools:\n  - name: x\n    description: d\n    action: { driver: zigbee }\n`);
    assert.equal(issue?.path, 'tools[0].action.driver');
    assert.equal(issue?.line, 4);
    assert.match(issue?.expected ?? '', /one of: .*mqtt.*gpio/);
  });

  it("checks each action against its driver's binding schema (closest preset only)", () => {
    const issues = issuesOf(`tools:\n  - name: x\n    description: d\n    action:\n      driver: mqtt\n      preset: tasmota\n      devise: pump\n`);
    assert.deepEqual(issues.map((i) => i.path).sort(), ['tools[0].action.device', 'tools[0].action.devise']);
    assert.equal(issues.find((i) => i.path.endsWith('devise'))?.line, 7);
  });

  it('checks names across the file: duplicates, confirm lists, allowlists, required, enums, ranges', () => {
    const issues = issuesOf(
      `policy:\n  confirm: { tools: [open_vault] }\n  sources: { http: { allow: [nope] } }\ntools:${TOOL}${TOOL}` +
        `  - name: dim\n    description: d\n    parameters:\n      properties:\n        level: { type: string, minimum: 1 }\n` +
        `        n: { type: integer, enum: [1, 2.5], minimum: 5, maximum: 1 }\n      required: [lvl]\n    action: { driver: mqtt, topic: t }\n`,
      false,
    );
    const paths = issues.map((i) => i.path);
    for (const p of ['tools[1].name', 'policy.confirm.tools[0]', 'policy.sources.http.allow[0]',
      'tools[2].parameters.properties.level', 'tools[2].parameters.properties.n.enum[1]',
      'tools[2].parameters.properties.n.minimum', 'tools[2].parameters.required[0]']) {
      assert.ok(paths.includes(p), `${p} in ${JSON.stringify(paths)}`);
    }
  });

  it('only accepts a loopback HTTP host', () => {
    const [issue] = issuesOf(`inputs: { http: { host: 0.0.0.0 } }\ntools:${TOOL}`);
    assert.equal(issue?.path, 'inputs.http.host');
    assert.match(issue?.expected ?? '', /127\.0\.0\.1/);
  });

  it('names an unreadable file', () => {
    assert.throws(() => readConfig('no/such/file.yaml'), (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.issues[0]?.file, 'no/such/file.yaml');
      assert.match(err.message, /ENOENT/);
      return true;
    });
  });
});
