/**
 * `timer` and `alarm` drivers over one persistent TimerScheduler.
 *
 *   - name: set_timer           # parameters: seconds (integer), label (string, optional)
 *     action: { driver: timer, op: set, duration: "{{seconds}}", label: "{{label|timer}}",
 *               on_fire: { tool: announce, arguments: { text: "{{label}} timer is done" } } }
 *   - name: set_alarm           # parameters: time ("07:30")
 *     action: { driver: alarm, op: set, at: "{{time}}" }
 *   - name: cancel_timer
 *     action: { driver: timer, op: cancel, label: "{{label|}}" }
 *   - name: list_timers
 *     action: { driver: timer, op: list }
 *
 * When a timer is due the scheduler publishes an event (`type: "timer"`) on the agent's event topic
 * (or `on_fire.topic`) and, when `on_fire.tool` is set, runs that tool through the callback the
 * daemon passes in (so the fired action goes through the same drivers). `on_fire.arguments` are
 * filled when the timer is set, from the call's arguments plus `label`.
 */
import type { JsonPrimitive, ToolCall } from '../agent/types.js';
import { bindingChecker, errorMessage, fail, ok } from './common.js';
import type { FiredTimer, StoredTimer, TimerFireAction, TimerKind, TimerScheduler } from './scheduler.js';
import { fillJsonTemplate, fillTemplate, fillTopic, transformArgs, transformSchemaProperties, type ArgumentTransforms } from './template.js';
import type { ActionBinding, Driver, DriverContext, DriverResult, MqttPublisher } from './types.js';

export interface TimerBinding extends ArgumentTransforms {
  driver: TimerKind;
  op?: 'set' | 'cancel' | 'list';
  /** Seconds, or a duration like "90", "5m", "1h30m", "2 minutes". */
  duration?: string | number;
  /** Clock time "HH:MM[:SS]" (24 h, or with am/pm): the next such time. */
  at?: string;
  label?: string;
  on_fire?: { tool?: string; arguments?: Record<string, unknown>; topic?: string };
}

export const timerBindingSchema = {
  type: 'object',
  required: ['driver'],
  additionalProperties: false,
  properties: {
    driver: { enum: ['timer', 'alarm'] },
    op: { enum: ['set', 'cancel', 'list'] },
    duration: { type: ['string', 'number'] },
    at: { type: 'string', minLength: 1 },
    label: { type: 'string' },
    on_fire: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tool: { type: 'string', minLength: 1 },
        arguments: { type: 'object' },
        topic: { type: 'string', minLength: 1 },
      },
    },
    ...transformSchemaProperties,
  },
} as const;

const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
};

/** Seconds from 90, "90", "5m", "1h30m", "2 minutes 10 seconds"; throws on anything else. */
export function parseDurationSeconds(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`duration must be positive, got ${value}`);
    return value;
  }
  const text = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return parseDurationSeconds(Number(text));
  const re = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*(?:and\s*)?/gy;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    const unit = UNIT_SECONDS[m[2] as string];
    if (unit === undefined) throw new Error(`unknown duration unit "${m[2]}"`);
    total += Number(m[1]) * unit;
    consumed += m[0].length;
  }
  if (consumed !== text.length || total <= 0) throw new Error(`not a duration: ${JSON.stringify(value)}`);
  return total;
}

/** Epoch ms of the next local clock time "HH:MM[:SS]" (optionally "am"/"pm") strictly after `now`. */
export function nextClockTime(value: string, now: number): number {
  const m = /^(\d{1,2})(?::|\.|h)?(\d{2})?(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(value.trim());
  if (!m) throw new Error(`not a clock time: ${JSON.stringify(value)} (use HH:MM)`);
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const second = m[3] ? Number(m[3]) : 0;
  const half = m[4]?.toLowerCase().replace(/\./g, '');
  if (half) {
    if (hour < 1 || hour > 12) throw new Error(`bad 12-hour time: ${value}`);
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) throw new Error(`not a clock time: ${value}`);
  const due = new Date(now);
  due.setHours(hour, minute, second, 0);
  if (due.getTime() <= now) due.setDate(due.getDate() + 1);
  return due.getTime();
}

export function formatDuration(ms: number): string {
  let s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : ''].filter(Boolean);
  return parts.join(' ');
}

function clock(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8);
}

function describe(t: StoredTimer, now: number): string {
  return t.kind === 'alarm' ? `alarm "${t.label}" at ${clock(t.dueAt)}` : `timer "${t.label}" in ${formatDuration(t.dueAt - now)}`;
}

export interface TimerServices {
  scheduler: TimerScheduler;
  now?: () => number;
}

export function createTimerDriver(kind: TimerKind, services: TimerServices): Driver {
  const check = bindingChecker<TimerBinding>(kind, timerBindingSchema);
  const now = services.now ?? Date.now;
  return {
    name: kind,
    bindingSchema: timerBindingSchema,
    async execute(raw: ActionBinding, call: ToolCall, _context: DriverContext): Promise<DriverResult> {
      const binding = check(raw);
      if (typeof binding === 'string') return fail(binding);
      const op = binding.op ?? 'set';
      try {
        const args = transformArgs(call.arguments, binding);
        const scheduler = services.scheduler;
        if (op === 'list') {
          const list = scheduler.list(kind);
          const t = now();
          if (list.length === 0) return ok(`no ${kind}s set`, { count: 0 });
          return ok(`${list.length} ${kind}${list.length > 1 ? 's' : ''}: ${list.map((x) => describe(x, t)).join(', ')}`, {
            count: list.length,
            next_label: list[0]?.label ?? null,
            next_due: list[0] ? new Date(list[0].dueAt).toISOString() : null,
          });
        }
        if (op === 'cancel') {
          const label = binding.label !== undefined ? fillTemplate(binding.label, args).trim() : '';
          const gone = await scheduler.cancel({ kind, label: label || undefined });
          if (gone.length === 0) return fail(label ? `no ${kind} named "${label}"` : `no ${kind}s to cancel`);
          return ok(`cancelled ${gone.map((x) => `"${x.label}"`).join(', ')}`, { count: gone.length });
        }
        // set
        const label = (binding.label !== undefined ? fillTemplate(binding.label, args).trim() : '') || kind;
        let dueAt: number;
        if (binding.at !== undefined) dueAt = nextClockTime(fillTemplate(binding.at, args), now());
        else if (binding.duration !== undefined) {
          const d = typeof binding.duration === 'number' ? binding.duration : fillJsonTemplate(binding.duration, args);
          if (typeof d !== 'number' && typeof d !== 'string') throw new Error('duration must be a number or a text');
          dueAt = now() + Math.round(parseDurationSeconds(d) * 1000);
        } else throw new Error(`${kind} set needs "duration" or "at"`);
        const fire: TimerFireAction = {};
        const fillArgs: Record<string, JsonPrimitive> = { ...args, label };
        if (binding.on_fire?.tool) {
          const filled = fillJsonTemplate(binding.on_fire.arguments ?? {}, fillArgs);
          const toolArgs: Record<string, JsonPrimitive> = {};
          if (filled && typeof filled === 'object' && !Array.isArray(filled)) {
            for (const [k, v] of Object.entries(filled)) {
              if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') toolArgs[k] = v;
            }
          }
          fire.tool = { name: binding.on_fire.tool, arguments: toolArgs };
        }
        if (binding.on_fire?.topic) fire.topic = fillTopic(binding.on_fire.topic, fillArgs);
        const timer = await scheduler.add({ kind, label, dueAt, fire });
        return ok(`${describe(timer, now())} set (due ${clock(dueAt)})`, {
          id: timer.id,
          label,
          due: new Date(dueAt).toISOString(),
        });
      } catch (e) {
        return fail(`${kind}: ${errorMessage(e)}`);
      }
    },
  };
}

/** Payload of the MQTT event published when a timer fires. */
export function timerEvent(t: FiredTimer): Record<string, JsonPrimitive | null> {
  return {
    type: 'timer',
    kind: t.kind,
    id: t.id,
    label: t.label,
    due: new Date(t.dueAt).toISOString(),
    fired: new Date(t.firedAt).toISOString(),
    lateMs: t.lateMs,
    tool: t.fire.tool?.name ?? null,
  };
}

export interface TimerFireDeps {
  eventTopic: string;
  mqtt: () => MqttPublisher | null;
  runTool?: (call: ToolCall) => Promise<DriverResult>;
  log: DriverContext['log'];
}

/** The scheduler's onFire: MQTT event (when connected) and the configured tool (when any). */
export function timerFireHandler(deps: TimerFireDeps): (t: FiredTimer) => Promise<void> {
  return async (t) => {
    const event = timerEvent(t);
    const publisher = deps.mqtt();
    const tasks: Array<Promise<unknown>> = [];
    if (publisher) {
      tasks.push(
        publisher
          .publish(t.fire.topic ?? deps.eventTopic, JSON.stringify(event), { qos: 1 })
          .catch((e: unknown) => deps.log.warn({ timer: t.id, err: errorMessage(e) }, 'timer event publish failed')),
      );
    }
    if (t.fire.tool && deps.runTool) {
      const call: ToolCall = { name: t.fire.tool.name, arguments: t.fire.tool.arguments };
      tasks.push(
        deps.runTool(call).then(
          (r) => deps.log.info({ timer: t.id, label: t.label, tool: call.name, ok: r.ok, detail: r.detail }, 'timer action ran'),
          (e: unknown) => deps.log.error({ timer: t.id, tool: call.name, err: errorMessage(e) }, 'timer action failed'),
        ),
      );
    } else if (t.fire.tool) {
      deps.log.warn({ timer: t.id, tool: t.fire.tool.name }, 'timer has an action but no tool runner was given');
    }
    deps.log.info({ ...event }, 'timer fired');
    await Promise.all(tasks);
  };
}
