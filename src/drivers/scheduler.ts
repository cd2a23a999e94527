/**
 * A small local scheduler whose timers survive restarts. Every change is persisted atomically to a
 * JSON file (write a temporary file, fsync, rename over the old one), so a crash leaves either the
 * old or the new list, never a torn one. On start the file is loaded and every timer re-armed;
 * timers that came due while the agent was down fire at once (with `lateMs` saying how late).
 *
 * Delivery is at-least-once: a timer is removed from the file only after its handler returned, so a
 * crash in between fires it again after the restart rather than losing it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { JsonPrimitive } from '../agent/types.js';
import type { DriverLogger } from './types.js';

export type TimerKind = 'timer' | 'alarm';

/** What happens when a timer is due. */
export interface TimerFireAction {
  /** Another tool to run (through the pipeline's callback), with its arguments. */
  tool?: { name: string; arguments: Record<string, JsonPrimitive> };
  /** MQTT topic for the fire event (default: the agent's event topic). */
  topic?: string;
}

export interface StoredTimer {
  id: string;
  kind: TimerKind;
  label: string;
  /** Epoch milliseconds. */
  createdAt: number;
  dueAt: number;
  fire: TimerFireAction;
}

export interface FiredTimer extends StoredTimer {
  firedAt: number;
  /** How late the timer fired (large after a restart past its due time). */
  lateMs: number;
}

export interface TimerSchedulerOptions {
  /** JSON file holding the timers (its folder is created). */
  file: string;
  onFire: (timer: FiredTimer) => Promise<void> | void;
  log?: DriverLogger;
  now?: () => number;
}

interface TimerFile {
  version: 1;
  timers: StoredTimer[];
}

/** setTimeout's ceiling (~24.8 days); longer timers are re-armed in steps. */
const MAX_DELAY = 2 ** 31 - 1;

const silent: DriverLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function isStoredTimer(v: unknown): v is StoredTimer {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return (
    typeof t.id === 'string' &&
    (t.kind === 'timer' || t.kind === 'alarm') &&
    typeof t.label === 'string' &&
    typeof t.createdAt === 'number' &&
    typeof t.dueAt === 'number' &&
    Number.isFinite(t.dueAt) &&
    typeof t.fire === 'object' &&
    t.fire !== null
  );
}

export class TimerScheduler {
  private readonly file: string;
  private readonly onFire: TimerSchedulerOptions['onFire'];
  private readonly log: DriverLogger;
  private readonly now: () => number;
  private readonly timers = new Map<string, StoredTimer>();
  private readonly handles = new Map<string, NodeJS.Timeout>();
  private readonly firing = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private writes: Promise<void> = Promise.resolve();
  private started: Promise<void> | null = null;
  private closed = false;

  constructor(options: TimerSchedulerOptions) {
    this.file = options.file;
    this.onFire = options.onFire;
    this.log = options.log ?? silent;
    this.now = options.now ?? Date.now;
  }

  /** Loads the file and arms every timer; idempotent. */
  start(): Promise<void> {
    this.started ??= this.load();
    return this.started;
  }

  private async load(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    let text: string | null = null;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (text !== null) {
      try {
        const parsed = JSON.parse(text) as Partial<TimerFile>;
        const list = Array.isArray(parsed.timers) ? parsed.timers : [];
        for (const t of list) if (isStoredTimer(t)) this.timers.set(t.id, t);
      } catch (e) {
        // Keep the unreadable file for inspection and start empty rather than refusing to run.
        const aside = `${this.file}.corrupt-${this.now()}`;
        await rename(this.file, aside).catch(() => undefined);
        this.log.error({ file: this.file, aside, err: String(e) }, 'timer file unreadable, moved aside');
      }
    }
    if (this.closed) return;
    for (const t of this.timers.values()) this.arm(t);
    if (this.timers.size > 0) this.log.info({ count: this.timers.size, file: this.file }, 'timers restored');
  }

  async add(input: { kind: TimerKind; label: string; dueAt: number; fire: TimerFireAction }): Promise<StoredTimer> {
    await this.start();
    if (this.closed) throw new Error('timer scheduler is closed');
    const timer: StoredTimer = { id: randomUUID(), createdAt: this.now(), ...input };
    this.timers.set(timer.id, timer);
    await this.persist();
    this.arm(timer);
    return timer;
  }

  /** Cancels by id, or by label (case-insensitive) within a kind, or every timer of a kind. */
  async cancel(match: { id?: string; kind?: TimerKind; label?: string }): Promise<StoredTimer[]> {
    await this.start();
    const label = match.label?.trim().toLowerCase();
    const hits = [...this.timers.values()].filter(
      (t) =>
        (match.id === undefined || t.id === match.id) &&
        (match.kind === undefined || t.kind === match.kind) &&
        (label === undefined || label === '' || t.label.toLowerCase() === label),
    );
    for (const t of hits) {
      this.timers.delete(t.id);
      clearTimeout(this.handles.get(t.id));
      this.handles.delete(t.id);
    }
    if (hits.length > 0) await this.persist();
    return hits;
  }

  /** Pending timers, soonest first. */
  list(kind?: TimerKind): StoredTimer[] {
    return [...this.timers.values()].filter((t) => kind === undefined || t.kind === kind).sort((a, b) => a.dueAt - b.dueAt);
  }

  private arm(timer: StoredTimer): void {
    clearTimeout(this.handles.get(timer.id));
    const delay = Math.max(0, timer.dueAt - this.now());
    const handle = setTimeout(() => {
      this.handles.delete(timer.id);
      if (timer.dueAt > this.now()) this.arm(timer); // long timer: next step
      else this.track(this.fire(timer.id));
    }, Math.min(delay, MAX_DELAY));
    // Pending timers alone never keep the process alive: a one-shot CLI run must be able to exit.
    handle.unref();
    this.handles.set(timer.id, handle);
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.catch(() => undefined).finally(() => this.inFlight.delete(p));
  }

  private async fire(id: string): Promise<void> {
    const timer = this.timers.get(id);
    if (!timer || this.closed || this.firing.has(id)) return;
    this.firing.add(id);
    const firedAt = this.now();
    try {
      await this.onFire({ ...timer, firedAt, lateMs: Math.max(0, firedAt - timer.dueAt) });
    } catch (e) {
      this.log.error({ timer: timer.id, label: timer.label, err: String(e) }, 'timer handler failed');
    } finally {
      this.firing.delete(id);
    }
    if (this.closed) return; // the next start fires it again (at-least-once)
    if (this.timers.delete(id)) await this.persist().catch(() => undefined); // logged by persist
  }

  /** Serialised atomic write of the current list. */
  private persist(): Promise<void> {
    const body: TimerFile = { version: 1, timers: this.list() };
    const next = this.writes.then(() => writeFileAtomic(this.file, `${JSON.stringify(body, null, 2)}\n`));
    this.writes = next.catch((e) => this.log.error({ file: this.file, err: String(e) }, 'saving timers failed'));
    return next;
  }

  /** Stops all timers (they stay in the file) and waits for pending writes and handlers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const h of this.handles.values()) clearTimeout(h);
    this.handles.clear();
    await Promise.allSettled([...this.inFlight]);
    await this.writes;
  }
}

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  // Make the rename itself durable (best effort: not every filesystem allows fsync on a directory).
  try {
    const dir = await open(path.dirname(file), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    /* ignore */
  }
}
