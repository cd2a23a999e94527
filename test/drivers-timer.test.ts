/**
 * Timers survive a restart: a scheduler is closed with a timer pending, a new one on the same file
 * fires it; timers that came due while nothing ran fire at once on start; the file is valid JSON
 * after every change. Also the timer/alarm drivers through the registry, firing a tool and an MQTT event.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ToolCall } from '../src/agent/types.js';
import { createDriverRegistry } from '../src/drivers/index.js';
import { TimerScheduler, type FiredTimer } from '../src/drivers/scheduler.js';
import { nextClockTime, parseDurationSeconds } from '../src/drivers/timer.js';
import type { DriverContext, DriverResult, MqttPublisher } from '../src/drivers/types.js';

const root = mkdtempSync(join(tmpdir(), 'needle-timer-'));
after(() => rmSync(root, { recursive: true, force: true }));
const ctx: DriverContext = { log: { info: () => undefined, warn: () => undefined, error: () => undefined }, mqtt: null };

function waitFor<T>(get: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const tick = (): void => {
      const v = get();
      if (v !== undefined) resolve(v);
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

test('a persisted timer fires after a restart', async () => {
  const file = join(root, 'restart', 'timers.json');
  const firedBefore: FiredTimer[] = [];
  const first = new TimerScheduler({ file, onFire: (t) => void firedBefore.push(t) });
  await first.start();
  const set = Date.now();
  await first.add({ kind: 'timer', label: 'tea', dueAt: set + 1500, fire: { topic: 'needle/event' } });
  // On disk at once, before any restart.
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { timers: Array<{ label: string }> };
  assert.deepEqual(saved.timers.map((t) => t.label), ['tea']);
  await first.close(); // "agent stops"

  const fired: FiredTimer[] = [];
  const second = new TimerScheduler({ file, onFire: (t) => void fired.push(t) });
  await second.start(); // "agent starts again"
  assert.equal(second.list().length, 1);
  const t = await waitFor(() => fired[0], 4000, 'the restored timer');
  await second.close();
  assert.equal(t.label, 'tea');
  assert.ok(t.firedAt >= set + 1500, 'not early');
  assert.ok(t.firedAt < set + 3000, `not much late (${t.firedAt - set} ms)`);
  assert.equal(firedBefore.length, 0, 'the closed scheduler did not fire it');
  // Fired timers leave the file.
  assert.deepEqual((JSON.parse(readFileSync(file, 'utf8')) as { timers: unknown[] }).timers, []);
  assert.deepEqual(readdirSync(join(root, 'restart')), ['timers.json'], 'no temp files left');
});

test('timers that came due while the agent was down fire immediately on start', async () => {
  const file = join(root, 'overdue', 'timers.json');
  const now = Date.now();
  // The first scheduler's clock runs a minute behind, so it cannot fire the timers itself while
  // they are being saved: each add waits for an fsync, and where those are slow (a fresh CI machine
  // just after npm ci) "first" came due before close and was fired and dropped by this scheduler.
  const first = new TimerScheduler({ file, onFire: () => undefined, now: () => Date.now() - 60_000 });
  await first.add({ kind: 'alarm', label: 'second', dueAt: now + 200, fire: {} });
  await first.add({ kind: 'timer', label: 'first', dueAt: now + 100, fire: {} });
  await first.add({ kind: 'timer', label: 'later', dueAt: now + 60_000, fire: {} });
  await first.close();
  await new Promise((r) => setTimeout(r, 400)); // both come due while "down"

  const fired: FiredTimer[] = [];
  const started = Date.now();
  const second = new TimerScheduler({ file, onFire: (t) => void fired.push(t) });
  await second.start();
  await waitFor(() => (fired.length >= 2 ? true : undefined), 1000, 'overdue timers');
  assert.ok(Date.now() - started < 500, 'fired at once');
  assert.deepEqual(fired.map((t) => t.label).sort(), ['first', 'second']);
  assert.ok(fired.every((t) => t.lateMs >= 150), 'lateness reported');
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(second.list().map((t) => t.label), ['later']);
  await second.close();
});

test('a handler that crashes the process before finishing would see the timer again (at-least-once)', async () => {
  const file = join(root, 'alo', 'timers.json');
  const first = new TimerScheduler({ file, onFire: () => new Promise<void>(() => undefined) }); // never finishes
  await first.add({ kind: 'timer', label: 'stuck', dueAt: Date.now() + 20, fire: {} });
  await new Promise((r) => setTimeout(r, 100));
  // Simulate the crash: we abandon `first` without close(); its file still holds the timer.
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { timers: Array<{ label: string }> };
  assert.deepEqual(saved.timers.map((t) => t.label), ['stuck']);
});

test('an unreadable timer file is moved aside and the scheduler starts empty', async () => {
  const dir = join(root, 'corrupt');
  const file = join(dir, 'timers.json');
  const s0 = new TimerScheduler({ file, onFire: () => undefined });
  await s0.start();
  writeFileSync(file, '{"timers": [ broken');
  const s = new TimerScheduler({ file, onFire: () => undefined });
  await s.start();
  assert.equal(s.list().length, 0);
  assert.ok(readdirSync(dir).some((f) => f.startsWith('timers.json.corrupt-')));
  await s.close();
});

test('durations and clock times', () => {
  assert.equal(parseDurationSeconds(90), 90);
  assert.equal(parseDurationSeconds('90'), 90);
  assert.equal(parseDurationSeconds('5m'), 300);
  assert.equal(parseDurationSeconds('1h30m'), 5400);
  assert.equal(parseDurationSeconds('2 minutes 10 seconds'), 130);
  assert.throws(() => parseDurationSeconds('soon'));
  assert.throws(() => parseDurationSeconds(-1));
  const now = new Date(2025, 0, 10, 8, 0, 0).getTime();
  assert.equal(nextClockTime('07:30', now), new Date(2025, 0, 11, 7, 30).getTime());
  assert.equal(nextClockTime('9:15', now), new Date(2025, 0, 10, 9, 15).getTime());
  assert.equal(nextClockTime('7:45 pm', now), new Date(2025, 0, 10, 19, 45).getTime());
  assert.throws(() => nextClockTime('25:00', now));
});

test('timer and alarm drivers: set, list, cancel, and a fired timer runs its tool and publishes an event', async () => {
  const stateDir = join(root, 'registry');
  const published: Array<{ topic: string; payload: string }> = [];
  const mqtt: MqttPublisher = {
    publish: async (topic, payload) => void published.push({ topic, payload: String(payload) }),
  };
  const ran: ToolCall[] = [];
  const runTool = async (call: ToolCall): Promise<DriverResult> => {
    ran.push(call);
    return { ok: true, detail: 'announced' };
  };
  const registry = createDriverRegistry({ stateDir, mqtt, runTool, eventTopic: 'needle/event' });
  const timer = registry.get('timer')!;
  const alarm = registry.get('alarm')!;
  try {
    const setBinding = {
      driver: 'timer',
      op: 'set',
      duration: '{{seconds}}',
      label: '{{label|timer}}',
      on_fire: { tool: 'announce', arguments: { text: '{{label}} is done', volume: 5 } },
    };
    let r = await timer.execute(setBinding, { name: 'set_timer', arguments: { seconds: 1, label: 'pasta' } }, ctx);
    assert.equal(r.ok, true, r.detail);
    r = await alarm.execute({ driver: 'alarm', op: 'set', at: '{{time}}' }, { name: 'set_alarm', arguments: { time: '06:45' } }, ctx);
    assert.equal(r.ok, true, r.detail);
    r = await timer.execute({ driver: 'timer', op: 'list' }, { name: 'list_timers', arguments: {} }, ctx);
    assert.equal(r.ok, true);
    assert.equal(r.data?.count, 1);
    assert.match(r.detail, /timer "pasta" in 1 s/);

    const call = await waitFor(() => ran[0], 3000, 'the timer action');
    assert.deepEqual(call, { name: 'announce', arguments: { text: 'pasta is done', volume: 5 } });
    const event = await waitFor(() => published.find((p) => p.topic === 'needle/event'), 1000, 'the timer event');
    const body = JSON.parse(event.payload) as Record<string, unknown>;
    assert.equal(body.type, 'timer');
    assert.equal(body.label, 'pasta');
    assert.equal(body.tool, 'announce');

    r = await alarm.execute({ driver: 'alarm', op: 'cancel', label: '{{label|}}' }, { name: 'cancel_alarm', arguments: {} }, ctx);
    assert.equal(r.ok, true, r.detail);
    r = await timer.execute({ driver: 'timer', op: 'cancel', label: 'nothing' }, { name: 'cancel_timer', arguments: {} }, ctx);
    assert.equal(r.ok, false);
    assert.match(r.detail, /no timer named "nothing"/);
    r = await timer.execute({ driver: 'timer', op: 'set', duration: 'whenever' }, { name: 'x', arguments: {} }, ctx);
    assert.equal(r.ok, false);
    assert.match(r.detail, /not a duration/);
  } finally {
    await registry.close();
  }
});
