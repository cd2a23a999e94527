import type { JsonPrimitive, ToolCall } from '../agent/types.js';

/** Publishes on the agent's MQTT connection (queued while the broker is down). */
export interface MqttPublisher {
  publish(topic: string, payload: string | Buffer, options: { qos: 0 | 1 | 2; retain?: boolean }): Promise<void>;
}

/** Minimal structured logger (pino's shape). */
export interface DriverLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The command a call belongs to, when the pipeline knows it (Hermes-style events carry it). */
export interface DriverCommandInfo {
  text: string;
  /** Router confidence 0..1 for the whole answer. */
  confidence?: number;
  id?: string;
  source?: string;
}

export interface DriverContext {
  log: DriverLogger;
  mqtt: MqttPublisher | null;
  /** Optional: filled by the pipeline so drivers can echo the utterance (added after the first contract). */
  command?: DriverCommandInfo;
}

/** A tool's `action:` block from the config; `driver` picks the driver, the rest is the driver's own. */
export interface ActionBinding {
  driver: string;
  [option: string]: unknown;
}

export interface DriverResult {
  ok: boolean;
  /** Human-readable one-line summary, used in logs, result events and spoken feedback. */
  detail: string;
  data?: Record<string, JsonPrimitive | null>;
}

export interface Driver {
  readonly name: string;
  /** JSON schema (ajv) for this driver's action binding; the config loader validates against it. */
  readonly bindingSchema: object;
  /** Runs a validated call. Never throws for device errors: returns ok=false with a detail. */
  execute(binding: ActionBinding, call: ToolCall, context: DriverContext): Promise<DriverResult>;
  close?(): Promise<void>;
}
