/**
 * The CLI as a user runs it: `check` names config errors (exit 2), `route` sends one command through
 * the pipeline and prints the result (degraded here: no model in the configured folder), and the
 * stdin line input answers each line with one JSON result line.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, it } from 'node:test';
import { pino } from 'pino';
import { parseConfig } from '../src/agent/config.js';
import { LineInput } from '../src/agent/inputs/stdin-input.js';
import { Pipeline } from '../src/agent/pipeline.js';
import { Policy } from '../src/agent/policy.js';
import { createDriverRegistry } from '../src/drivers/index.js';
import { fixedRouter } from './helpers/fixed-router.js';

const dir = mkdtempSync(join(tmpdir(), 'needle-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/agent/cli.ts', ...args], { encoding: 'utf8', timeout: 30000 });

const tools = `tools:
  - name: set_pump
    description: Set the pump speed
    parameters:
      type: object
      properties: { percent: { type: integer, minimum: 0, maximum: 100 } }
      required: [percent]
    action: { driver: file, path: "${dir}/pump", value: "{{percent}}" }
`;

describe('cli', () => {
  it('check: exit 2 with file:line: path: expected', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `mqtt:\n  baseTopic: 42\n${tools}`);
    const res = cli('check', '--config', file);
    assert.equal(res.status, 2);
    assert.match(res.stderr, /bad\.yaml:2:14: mqtt\.baseTopic: expected string \(got 42\)/);
  });

  it('route: one command through the pipeline; a missing model gives an error result, exit 1', () => {
    const models = join(dir, 'empty-models');
    mkdirSync(models, { recursive: true });
    const file = join(dir, 'agent.yaml');
    writeFileSync(file, `mqtt: { enabled: false }\nrouter: { modelDir: ${models} }\ndrivers: { stateDir: ${dir} }\n${tools}`);
    const res = cli('route', 'set the pump to forty percent', '--config', file);
    assert.equal(res.status, 1, res.stderr);
    const result = JSON.parse(res.stdout) as Record<string, unknown>;
    assert.equal(result.source, 'cli');
    assert.equal(result.status, 'error');
    assert.match(String(result.error), /router unavailable/);
    assert.match(res.stderr, /Needle router failed to load/);
  });

  it('usage errors exit 2', () => {
    assert.equal(cli('route').status, 2);
    assert.equal(cli('frobnicate').status, 2);
  });

  it('stdin: one JSON result line per input line', async () => {
    const parsed = parseConfig(`mqtt: { enabled: false }\n${tools}`, 'stdin.yaml', dir);
    const drivers = createDriverRegistry({ startTimers: false, stateDir: dir });
    const log = pino({ level: 'silent' });
    const pipeline = new Pipeline({
      router: fixedRouter([], { 'pump 10': { calls: [{ name: 'set_pump', arguments: { percent: 10 } }] } }),
      tools: parsed.config.tools,
      drivers,
      policy: new Policy(parsed.config.policy, []),
      driverContext: { log, mqtt: null },
      events: { emit: () => undefined },
      log,
    });
    const input = new PassThrough();
    const output = new PassThrough();
    const lines: string[] = [];
    output.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    const stdin = new LineInput({ input, output, pipeline, events: { emit: () => undefined }, log });
    await stdin.start();
    input.write('pump 10\n\nsomething else\n');
    input.end();
    await new Promise((r) => setTimeout(r, 50));
    await pipeline.drain();
    await new Promise((r) => setTimeout(r, 20));
    const results = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(results.map((r) => [r.text, r.status, r.source]), [
      ['pump 10', 'ok', 'stdin'],
      ['something else', 'no_match', 'stdin'],
    ]);
    await stdin.stop();
    await drivers.close();
  });
});
