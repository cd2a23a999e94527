/** file driver against real temp files standing in for sysfs attributes. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFileDriver } from '../src/drivers/file.js';
import type { DriverContext } from '../src/drivers/types.js';

const ctx: DriverContext = { log: { info: () => undefined, warn: () => undefined, error: () => undefined }, mqtt: null };
const driver = createFileDriver();
const root = mkdtempSync(join(tmpdir(), 'needle-file-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('writes a mapped value into an LED brightness attribute chosen by argument', async () => {
  mkdirSync(join(root, 'leds', 'led0'), { recursive: true });
  writeFileSync(join(root, 'leds', 'led0', 'brightness'), '0');
  const binding = {
    driver: 'file',
    path: `${root}/leds/{{led}}/brightness`,
    value: '{{state}}',
    map: { state: { on: 255, off: 0 } },
  };
  let r = await driver.execute(binding, { name: 'led', arguments: { led: 'led0', state: 'ON' } }, ctx);
  assert.equal(r.ok, true, r.detail);
  assert.equal(readFileSync(join(root, 'leds', 'led0', 'brightness'), 'utf8'), '255');
  r = await driver.execute(binding, { name: 'led', arguments: { led: 'led0', state: 'off' } }, ctx);
  assert.equal(r.ok, true, r.detail);
  assert.equal(readFileSync(join(root, 'leds', 'led0', 'brightness'), 'utf8'), '0');
});

test('scales a percentage to a backlight range, with newline and atomic replace', async () => {
  const target = join(root, 'backlight');
  writeFileSync(target, '10\n');
  const r = await driver.execute(
    { driver: 'file', path: target, value: '{{level}}', newline: true, atomic: true, scale: { level: { from: [0, 100], to: [0, 255] } } },
    { name: 'backlight', arguments: { level: 40 } },
    ctx,
  );
  assert.equal(r.ok, true, r.detail);
  assert.equal(readFileSync(target, 'utf8'), '102\n');
  assert.deepEqual(readdirSync(root).filter((f) => f.endsWith('.tmp')), []);
});

test('append mode adds lines', async () => {
  const target = join(root, 'log.txt');
  const binding = { driver: 'file', path: target, value: 'call {{n}}', append: true, newline: true };
  await driver.execute(binding, { name: 'x', arguments: { n: 1 } }, ctx);
  await driver.execute(binding, { name: 'x', arguments: { n: 2 } }, ctx);
  assert.equal(readFileSync(target, 'utf8'), 'call 1\ncall 2\n');
});

test('path traversal through an argument is refused and writes nothing', async () => {
  const r = await driver.execute(
    { driver: 'file', path: `${root}/leds/{{led}}/brightness`, value: '1' },
    { name: 'led', arguments: { led: '../../escape' } },
    ctx,
  );
  assert.equal(r.ok, false);
  assert.match(r.detail, /single path segment/);
  assert.equal(existsSync(join(root, '..', 'escape')), false);
});

test('device errors are ok=false naming the path and the error', async () => {
  let r = await driver.execute(
    { driver: 'file', path: join(root, 'missing-dir', 'brightness'), value: '1' },
    { name: 'x', arguments: {} },
    ctx,
  );
  assert.equal(r.ok, false);
  assert.match(r.detail, /missing-dir\/brightness failed: ENOENT/);
  mkdirSync(join(root, 'adir'));
  r = await driver.execute({ driver: 'file', path: join(root, 'adir'), value: '1' }, { name: 'x', arguments: {} }, ctx);
  assert.equal(r.ok, false);
  assert.match(r.detail, /EISDIR/);
  r = await driver.execute({ driver: 'file', path: 'relative/path', value: '1' }, { name: 'x', arguments: {} }, ctx);
  assert.equal(r.ok, false);
  assert.match(r.detail, /invalid file action/);
});
