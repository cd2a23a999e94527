/**
 * The driver registry: one instance of each driver, keyed by the `driver:` name used in a tool's
 * `action:` block. `timer` and `alarm` share one persistent scheduler whose file lives in the state
 * directory (systemd's StateDirectory= sets STATE_DIRECTORY).
 */
import os from 'node:os';
import path from 'node:path';
import type { ToolCall } from '../agent/types.js';
import { createExecDriver } from './exec.js';
import { createFileDriver } from './file.js';
import { createGpioDriver, type GpioDriverOptions } from './gpio.js';
import { createHttpDriver } from './http.js';
import { createMqttDriver } from './mqtt.js';
import { TimerScheduler } from './scheduler.js';
import { createSpeakDriver, type SpeakOptions } from './speak.js';
import { createTimerDriver, timerFireHandler } from './timer.js';
import type { Driver, DriverLogger, DriverResult, MqttPublisher } from './types.js';

export type { ActionBinding, Driver, DriverContext, DriverLogger, DriverResult, MqttPublisher } from './types.js';
export { buildHomeAssistantDiscovery, publishHomeAssistantDiscovery } from './homeassistant.js';
export type { DiscoveryMessage, HomeAssistantDiscoveryOptions } from './homeassistant.js';
export { speak } from './speak.js';
export { TimerScheduler } from './scheduler.js';

export interface DriverRegistryOptions {
  /** Where timers.json lives (default: $STATE_DIRECTORY, else ~/.local/state/needle-agent). */
  stateDir?: string;
  log?: DriverLogger;
  /** The agent's MQTT publisher, or a getter when it is created later; used when timers fire. */
  mqtt?: MqttPublisher | null | (() => MqttPublisher | null);
  /** Topic for timer events (default `needle/event`; the daemon passes `<base>/event`). */
  eventTopic?: string;
  /** Runs another tool's binding when a timer with `on_fire.tool` is due. */
  runTool?: (call: ToolCall) => Promise<DriverResult>;
  gpio?: GpioDriverOptions;
  speak?: Pick<SpeakOptions, 'espeakPath' | 'voice' | 'device'>;
  /**
   * Load persisted timers at once and fire overdue ones (default true). A one-shot CLI run should
   * pass false so it does not fire the daemon's timers; its timer tools then load the file lazily.
   */
  startTimers?: boolean;
  /** Clock for timers (tests). */
  now?: () => number;
}

const silent: DriverLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function defaultStateDir(): string {
  return process.env.STATE_DIRECTORY?.split(':')[0] || path.join(os.homedir(), '.local', 'state', 'needle-agent');
}

/** A Map of drivers by name; `close()` stops timers and releases held GPIO lines. */
export class DriverRegistry extends Map<string, Driver> {
  constructor(readonly scheduler: TimerScheduler) {
    super();
  }

  /** Closes every driver once (timer and alarm share their scheduler). */
  async close(): Promise<void> {
    await Promise.allSettled([...new Set(this.values())].map((d) => d.close?.()));
  }
}

export function createDriverRegistry(options: DriverRegistryOptions = {}): DriverRegistry {
  const log = options.log ?? silent;
  const mqttOption = options.mqtt;
  const mqtt = typeof mqttOption === 'function' ? mqttOption : () => mqttOption ?? null;
  const scheduler = new TimerScheduler({
    file: path.join(options.stateDir ?? defaultStateDir(), 'timers.json'),
    log,
    now: options.now,
    onFire: timerFireHandler({ eventTopic: options.eventTopic ?? 'needle/event', mqtt, runTool: options.runTool, log }),
  });
  const registry = new DriverRegistry(scheduler);
  const drivers: Driver[] = [
    createMqttDriver(),
    createGpioDriver(options.gpio),
    createFileDriver(),
    createExecDriver(),
    createHttpDriver(),
    createSpeakDriver(options.speak),
  ];
  for (const d of drivers) registry.set(d.name, d);
  let closed: Promise<void> | null = null;
  const closeScheduler = (): Promise<void> => (closed ??= scheduler.close());
  for (const kind of ['timer', 'alarm'] as const) {
    const d = createTimerDriver(kind, { scheduler, now: options.now });
    registry.set(kind, { ...d, execute: d.execute, close: closeScheduler });
  }
  // Restore persisted timers now; overdue ones fire on the next turn of the event loop.
  if (options.startTimers !== false) {
    scheduler.start().catch((e: unknown) => log.error({ err: String(e) }, 'loading timers failed'));
  }
  return registry;
}
