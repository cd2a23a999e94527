/**
 * gpio driver. What runs here: argv construction for libgpiod v1 and v2, the real `gpioset` /
 * `gpioget` (v1 on Debian 12) failing on a chip that does not exist (ok=false with the tool's error),
 * and the hold/replace/pulse process handling against stand-in v2 tools that record their argv.
 * With the gpio-sim kernel module (configfs) available, a last test drives a simulated chip for
 * real; it is skipped where the module cannot be loaded (as on this project's CI kernel).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  createGpioDriver,
  gpiogetArgs,
  gpiosetArgs,
  parseGpiodVersion,
  parseGpiogetOutput,
  parseLineValue,
} from '../src/drivers/gpio.js';
import type { DriverContext } from '../src/drivers/types.js';

const ctx: DriverContext = { log: { info: () => undefined, warn: () => undefined, error: () => undefined }, mqtt: null };
const dir = mkdtempSync(join(tmpdir(), 'needle-gpio-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const req = { chip: 'gpiochip0', line: 17, value: 1 as const, activeLow: false, consumer: 'needle-agent' };

test('argv for libgpiod v1 and v2', () => {
  assert.deepEqual(gpiosetArgs(1, req, 'exit'), ['gpiochip0', '17=1']);
  assert.deepEqual(gpiosetArgs(1, req, 'hold'), ['--mode=signal', 'gpiochip0', '17=1']);
  assert.deepEqual(gpiosetArgs(1, { ...req, activeLow: true, bias: 'pull-up' }, { pulseMs: 250 }), [
    '--active-low', '--bias=pull-up', '--mode=time', '--usec=250000', 'gpiochip0', '17=1',
  ]);
  assert.deepEqual(gpiosetArgs(2, req, 'hold'), ['--chip', 'gpiochip0', '--consumer', 'needle-agent', '17=1']);
  assert.deepEqual(gpiosetArgs(2, req, 'exit'), ['--chip', 'gpiochip0', '--consumer', 'needle-agent', '--toggle', '0', '17=1']);
  assert.deepEqual(gpiosetArgs(2, { ...req, bias: 'disable' }, { pulseMs: 500 }), [
    '--chip', 'gpiochip0', '--consumer', 'needle-agent', '--bias=disabled', '--toggle', '500ms,0', '17=1',
  ]);
  assert.deepEqual(gpiogetArgs(1, req), ['gpiochip0', '17']);
  assert.deepEqual(gpiogetArgs(2, req), ['--chip', 'gpiochip0', '--consumer', 'needle-agent', '--numeric', '17']);
});

test('version and output parsing', () => {
  assert.equal(parseGpiodVersion('gpioset (libgpiod) v1.6.3\nCopyright (C) 2017-2018'), 1);
  assert.equal(parseGpiodVersion('gpioset (libgpiod) v2.1.3'), 2);
  assert.equal(parseGpiodVersion('something else'), null);
  assert.equal(parseGpiogetOutput('1\n'), 1);
  assert.equal(parseGpiogetOutput('"17"=inactive\n'), 0);
  assert.equal(parseGpiogetOutput('GPIO17=active'), 1);
  assert.equal(parseGpiogetOutput('garbage'), null);
  assert.equal(parseLineValue('ON'), 1);
  assert.equal(parseLineValue('low'), 0);
  assert.throws(() => parseLineValue('maybe'));
});

const hasGpioset = spawnSync('gpioset', ['--version']).status === 0;

test('the real gpioset/gpioget on a missing chip: ok=false naming the tool error', { skip: !hasGpioset && 'gpiod not installed' }, async () => {
  const driver = createGpioDriver();
  try {
    const chip = 'needle-test-no-such-chip';
    for (const binding of [
      { driver: 'gpio', chip, line: 5, value: '{{state}}' }, // held set
      { driver: 'gpio', chip, line: 5, value: 1, hold: false },
      { driver: 'gpio', chip, line: 5, op: 'pulse', value: 1, pulse_ms: 10 },
      { driver: 'gpio', chip, line: 5, op: 'get' },
    ]) {
      const r = await driver.execute(binding, { name: 'relay', arguments: { state: 'on' } }, ctx);
      assert.equal(r.ok, false, `${JSON.stringify(binding)} -> ${r.detail}`);
      assert.match(r.detail, new RegExp(`${chip} line 5: gpio(set|get) (exited with code \\d+|was killed).*`), r.detail);
      assert.match(r.detail, /No such file or directory|cannot find|not found|error/i, r.detail);
      assert.match(r.detail, /list chips with gpiodetect/, r.detail);
    }
    assert.equal(driver.heldLines, 0);
  } finally {
    await driver.close();
  }
});

/** Stand-in libgpiod v2 tools: record argv, hold until SIGTERM when asked to, print gpioget output. */
function fakeTools(): { gpiosetPath: string; gpiogetPath: string; calls: () => Array<{ argv: string[]; event: string }> } {
  const log = join(dir, 'calls.jsonl');
  writeFileSync(log, '');
  const common = `#!${process.execPath}
const fs = require('fs');
const argv = process.argv.slice(2);
const rec = (event) => fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv, event }) + '\\n');
if (argv[0] === '--version') { console.log(process.argv[1].endsWith('gpioset') ? 'gpioset (libgpiod) v2.1' : 'gpioget (libgpiod) v2.1'); process.exit(0); }
`;
  const gpiosetPath = join(dir, 'gpioset');
  writeFileSync(
    gpiosetPath,
    `${common}
rec('start');
if (argv.includes('--toggle')) { setTimeout(() => { rec('exit'); process.exit(0); }, 20); }
else { process.on('SIGTERM', () => { rec('term'); process.exit(0); }); setInterval(() => {}, 1000); }
`,
  );
  const gpiogetPath = join(dir, 'gpioget');
  writeFileSync(gpiogetPath, `${common}\nrec('get');\nconsole.log('"' + argv[argv.length - 1] + '"=active');\n`);
  chmodSync(gpiosetPath, 0o755);
  chmodSync(gpiogetPath, 0o755);
  const calls = (): Array<{ argv: string[]; event: string }> =>
    readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { argv: string[]; event: string });
  return { gpiosetPath, gpiogetPath, calls };
}

test('v2 tools: a held set keeps one process per line, the next set replaces it, close releases it', async () => {
  const tools = fakeTools();
  const driver = createGpioDriver({ gpiosetPath: tools.gpiosetPath, gpiogetPath: tools.gpiogetPath, settleMs: 1500 });
  const binding = { driver: 'gpio', chip: 'gpiochip0', line: '{{relay}}', value: '{{state}}', active_low: true };
  try {
    let r = await driver.execute(binding, { name: 'relay', arguments: { relay: 17, state: 'on' } }, ctx);
    assert.equal(r.ok, true, r.detail);
    assert.equal(driver.heldLines, 1);
    r = await driver.execute(binding, { name: 'relay', arguments: { relay: 17, state: 'off' } }, ctx);
    assert.equal(r.ok, true, r.detail);
    assert.equal(driver.heldLines, 1);
    r = await driver.execute(
      { driver: 'gpio', chip: 'gpiochip0', line: 27, op: 'pulse', value: 1, pulse_ms: 300 },
      { name: 'bell', arguments: {} },
      ctx,
    );
    assert.equal(r.ok, true, r.detail);
    r = await driver.execute({ driver: 'gpio', chip: 'gpiochip0', line: 22, op: 'get' }, { name: 'door', arguments: {} }, ctx);
    assert.equal(r.ok, true, r.detail);
    assert.equal(r.data?.value, 1);
    r = await driver.execute(binding, { name: 'relay', arguments: { relay: 'x; reboot', state: 'on' } }, ctx);
    assert.equal(r.ok, false);
    assert.match(r.detail, /line must be a line offset/);
  } finally {
    await driver.close();
  }
  assert.equal(driver.heldLines, 0);
  const calls = tools.calls();
  const starts = calls.filter((c) => c.event === 'start').map((c) => c.argv);
  assert.deepEqual(starts, [
    ['--chip', 'gpiochip0', '--consumer', 'needle-agent', '--active-low', '17=1'],
    ['--chip', 'gpiochip0', '--consumer', 'needle-agent', '--active-low', '17=0'],
    ['--chip', 'gpiochip0', '--consumer', 'needle-agent', '--toggle', '300ms,0', '27=1'],
  ]);
  // Both held processes were terminated: the first by the replacing set, the second by close().
  assert.equal(calls.filter((c) => c.event === 'term').length, 2);
  assert.deepEqual(calls.find((c) => c.event === 'get')?.argv, ['--chip', 'gpiochip0', '--consumer', 'needle-agent', '--numeric', '22']);
});

// ------------------------------------------------------------------ gpio-sim (real kernel GPIO)

const SIM_ROOT = '/sys/kernel/config/gpio-sim';
function gpioSimAvailable(): boolean {
  if (!hasGpioset) return false;
  if (!existsSync(SIM_ROOT)) spawnSync('modprobe', ['gpio-sim'], { stdio: 'ignore' });
  return existsSync(SIM_ROOT);
}
const simReason = gpioSimAvailable() ? false : 'gpio-sim kernel module not available on this kernel (modprobe gpio-sim failed)';

test('gpio-sim: a held set drives a simulated line for real', { skip: simReason }, async () => {
  const dev = join(SIM_ROOT, `needle${process.pid}`);
  const bank = join(dev, 'bank0');
  mkdirSync(dev);
  mkdirSync(bank);
  writeFileSync(join(bank, 'num_lines'), '8');
  writeFileSync(join(dev, 'live'), '1');
  const driver = createGpioDriver();
  try {
    const chip = readFileSync(join(bank, 'chip_name'), 'utf8').trim();
    const devName = readFileSync(join(dev, 'dev_name'), 'utf8').trim();
    const valueFile = join('/sys/devices/platform', devName, chip, 'sim_gpio3', 'value');
    let r = await driver.execute({ driver: 'gpio', chip, line: 3, value: 1 }, { name: 'x', arguments: {} }, ctx);
    assert.equal(r.ok, true, r.detail);
    assert.equal(readFileSync(valueFile, 'utf8').trim(), '1');
    r = await driver.execute({ driver: 'gpio', chip, line: 3, value: 0 }, { name: 'x', arguments: {} }, ctx);
    assert.equal(r.ok, true, r.detail);
    assert.equal(readFileSync(valueFile, 'utf8').trim(), '0');
    await driver.close();
    // Input: pull the simulated line up and read it.
    writeFileSync(join('/sys/devices/platform', devName, chip, 'sim_gpio4', 'pull'), 'pull-up');
    r = await driver.execute({ driver: 'gpio', chip, line: 4, op: 'get' }, { name: 'x', arguments: {} }, ctx);
    assert.equal(r.ok, true, r.detail);
    assert.equal(r.data?.value, 1);
  } finally {
    await driver.close();
    writeFileSync(join(dev, 'live'), '0');
    rmdirSync(bank);
    rmdirSync(dev);
  }
});
