/**
 * exec driver: arguments reach the program as single argv elements and no shell ever runs.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createExecDriver } from '../src/drivers/exec.js';
import type { DriverContext } from '../src/drivers/types.js';

const ctx: DriverContext = { log: { info: () => undefined, warn: () => undefined, error: () => undefined }, mqtt: null };
const driver = createExecDriver();
const dir = mkdtempSync(join(tmpdir(), 'needle-exec-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A program that prints its own argv (after the script) as JSON. */
const PRINT_ARGV = ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))'];

test('"; rm -rf /" and $(...) reach the program as ONE argv element each, and no shell runs', async () => {
  const nasty = '"; rm -rf /';
  const subst = `$(touch ${join(dir, 'marker1')})`;
  const backtick = `\`touch ${join(dir, 'marker2')}\``;
  const r = await driver.execute(
    { driver: 'exec', command: process.execPath, args: [...PRINT_ARGV, '{{a}}', '{{b}}', 'pre {{c}} post'], cwd: dir },
    { name: 'run', arguments: { a: nasty, b: subst, c: backtick } },
    ctx,
  );
  assert.equal(r.ok, true, r.detail);
  assert.deepEqual(JSON.parse(String(r.data?.stdout)), [nasty, subst, `pre ${backtick} post`]);
  // Had any shell parsed the arguments, the command substitutions would have created these files.
  assert.equal(existsSync(join(dir, 'marker1')), false);
  assert.equal(existsSync(join(dir, 'marker2')), false);
  assert.deepEqual(readdirSync(dir), []);
});

test('printf receives the argument verbatim (a real non-node program)', async () => {
  const value = `it's "quoted"; echo $HOME && $(id) | cat`;
  const r = await driver.execute(
    { driver: 'exec', command: '/usr/bin/printf', args: ['[%s]', '{{v}}'] },
    { name: 'p', arguments: { v: value } },
    ctx,
  );
  assert.equal(r.ok, true, r.detail);
  assert.equal(r.data?.stdout, `[${value}]`);
});

test('a program over its timeout is killed and reported', async () => {
  const started = Date.now();
  const r = await driver.execute(
    { driver: 'exec', command: process.execPath, args: ['-e', 'setTimeout(() => {}, 10000)'], timeout_ms: 300 },
    { name: 'slow', arguments: {} },
    ctx,
  );
  assert.equal(r.ok, false);
  assert.match(r.detail, /timed out/);
  assert.ok(Date.now() - started < 5000);
});

test('missing programs, failing exits and bad bindings are ok=false with a clear detail', async () => {
  let r = await driver.execute({ driver: 'exec', command: join(dir, 'no-such-program') }, { name: 'x', arguments: {} }, ctx);
  assert.equal(r.ok, false);
  assert.match(r.detail, /could not start.*ENOENT/);
  r = await driver.execute(
    { driver: 'exec', command: process.execPath, args: ['-e', 'console.error("pump jammed"); process.exit(3)'] },
    { name: 'x', arguments: {} },
    ctx,
  );
  assert.equal(r.ok, false);
  assert.equal(r.data?.exitCode, 3);
  assert.match(r.detail, /exited with code 3: pump jammed/);
  r = await driver.execute(
    { driver: 'exec', command: process.execPath, args: ['-e', 'process.exit(1)'], ok_codes: [0, 1] },
    { name: 'x', arguments: {} },
    ctx,
  );
  assert.equal(r.ok, true, r.detail);
  // The program itself is never templated.
  r = await driver.execute({ driver: 'exec', command: '{{prog}}' }, { name: 'x', arguments: { prog: '/bin/sh' } }, ctx);
  assert.equal(r.ok, false);
  assert.match(r.detail, /invalid exec action/);
});

test('stdin and env templates are passed without a shell', async () => {
  const r = await driver.execute(
    {
      driver: 'exec',
      command: process.execPath,
      args: ['-e', 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(s+"|"+process.env.NEEDLE_LEVEL))'],
      stdin: 'level={{level}}',
      env: { NEEDLE_LEVEL: '{{level}}' },
    },
    { name: 'x', arguments: { level: 7 } },
    ctx,
  );
  assert.equal(r.ok, true, r.detail);
  assert.equal(r.data?.stdout, 'level=7|7');
});
