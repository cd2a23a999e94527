/**
 * Topic and payload conventions of common MQTT ecosystems, as pure functions from a binding and the
 * (already transformed) call arguments to one message:
 *  - zigbee2mqtt: `<base>/<friendly_name>/set` with a JSON object ({"state":"ON","brightness":128});
 *  - Tasmota: `cmnd/<topic>/<Command>` with a plain payload (POWER ON/OFF/TOGGLE, Dimmer 0..100);
 *  - Home Assistant MQTT entities: their `command_topic` with payload_on/payload_off mapping;
 *  - Hermes (Snips/Rhasspy) intent events: `hermes/intent/<intentName>` with the NLU JSON shape.
 */
import type { JsonPrimitive } from '../agent/types.js';
import {
  fillJsonTemplate,
  fillTemplate,
  fillTopic,
  placeholders,
  TemplateError,
  type JsonValue,
  type TemplateArgs,
} from './template.js';
import type { DriverCommandInfo } from './types.js';

export interface MqttMessage {
  topic: string;
  payload: string;
}

// ------------------------------------------------------------------ zigbee2mqtt

export interface Zigbee2MqttBinding {
  device: string;
  base_topic?: string;
  payload?: Record<string, unknown>;
}

const Z2M_STATES: Record<string, string> = {
  on: 'ON', off: 'OFF', toggle: 'TOGGLE', true: 'ON', false: 'OFF', '1': 'ON', '0': 'OFF',
  open: 'OPEN', close: 'CLOSE', closed: 'CLOSE', stop: 'STOP', lock: 'LOCK', unlock: 'UNLOCK',
};

/** zigbee2mqtt brightness runs 0..254. */
export function percentToZigbeeBrightness(percent: number): number {
  return Math.round((Math.min(Math.max(percent, 0), 100) * 254) / 100);
}

/**
 * Payload from the arguments when the binding gives none (state, brightness, percent, colour,
 * position...), leaving out the arguments that only pick the device.
 */
function defaultZigbeePayload(args: TemplateArgs, skip: ReadonlySet<string>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(args)) {
    if (skip.has(name)) continue;
    if (name === 'percent' || name === 'level' || name === 'brightness_percent') out.brightness_percent = value;
    else out[name] = value;
  }
  return out;
}

/** Applies zigbee2mqtt value conventions to a filled payload object. */
export function normalizeZigbeePayload(payload: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = { ...payload };
  if (typeof out.state === 'string' || typeof out.state === 'boolean') {
    const mapped = Z2M_STATES[String(out.state).toLowerCase()];
    if (mapped) out.state = mapped;
  }
  if (out.brightness_percent !== undefined) {
    const p = Number(out.brightness_percent);
    if (!Number.isFinite(p)) throw new TemplateError('brightness_percent is not a number');
    delete out.brightness_percent;
    out.brightness = percentToZigbeeBrightness(p);
  }
  if (typeof out.brightness === 'string' && out.brightness.trim() !== '' && Number.isFinite(Number(out.brightness))) {
    out.brightness = Number(out.brightness);
  }
  if (typeof out.brightness === 'number') out.brightness = Math.min(Math.max(Math.round(out.brightness), 0), 254);
  return out;
}

export function zigbee2mqttMessage(binding: Zigbee2MqttBinding, args: TemplateArgs): MqttMessage {
  const base = binding.base_topic ?? 'zigbee2mqtt';
  const device = fillTopic(binding.device, args);
  const filled = binding.payload
    ? fillJsonTemplate(binding.payload, args)
    : defaultZigbeePayload(args, new Set(placeholders(binding.device)));
  if (filled === null || typeof filled !== 'object' || Array.isArray(filled)) {
    throw new TemplateError('zigbee2mqtt payload must be a JSON object');
  }
  return { topic: `${base}/${device}/set`, payload: JSON.stringify(normalizeZigbeePayload(filled)) };
}

// ------------------------------------------------------------------ Tasmota

export interface TasmotaBinding {
  device: string;
  command?: string;
  value?: string;
  prefix?: string;
}

const POWER_VALUES: Record<string, string> = {
  on: 'ON', off: 'OFF', toggle: 'TOGGLE', true: 'ON', false: 'OFF', '1': 'ON', '0': 'OFF', blink: 'BLINK',
};

export function tasmotaMessage(binding: TasmotaBinding, args: TemplateArgs): MqttMessage {
  const prefix = binding.prefix ?? 'cmnd';
  const device = fillTopic(binding.device, args);
  const command = fillTopic(binding.command ?? 'POWER', args);
  if (command.includes('/')) throw new TemplateError(`Tasmota command "${command}" may not contain "/"`);
  let value = fillTemplate(binding.value ?? '{{state}}', args);
  if (/^power\d*$/i.test(command)) {
    const mapped = POWER_VALUES[value.trim().toLowerCase()];
    if (!mapped) throw new TemplateError(`Tasmota ${command} expects on/off/toggle, got ${JSON.stringify(value)}`);
    value = mapped;
  } else if (/^dimmer\d*$/i.test(command) && value.trim() !== '' && Number.isFinite(Number(value))) {
    value = String(Math.min(Math.max(Math.round(Number(value)), 0), 100));
  }
  return { topic: `${prefix}/${device}/${command}`, payload: value };
}

// ------------------------------------------------------------------ Home Assistant entity commands

export interface HomeAssistantCommandBinding {
  command_topic: string;
  payload?: string;
  payload_on?: string;
  payload_off?: string;
}

export function homeAssistantCommandMessage(binding: HomeAssistantCommandBinding, args: TemplateArgs): MqttMessage {
  const topic = fillTopic(binding.command_topic, args);
  let payload = fillTemplate(binding.payload ?? '{{state}}', args);
  const key = payload.trim().toLowerCase();
  if (key === 'on' || key === 'true') payload = binding.payload_on ?? 'ON';
  else if (key === 'off' || key === 'false') payload = binding.payload_off ?? 'OFF';
  return { topic, payload };
}

// ------------------------------------------------------------------ Hermes intent events

export interface HermesBinding {
  intent?: string;
  site_id?: string;
  topic_prefix?: string;
}

export interface HermesSlot {
  entity: string;
  slotName: string;
  rawValue: string;
  value: { kind: 'Number' | 'Custom'; value: JsonPrimitive };
  confidence: number;
  range?: { start: number; end: number };
}

export interface HermesIntentMessage {
  input: string;
  intent: { intentName: string; confidenceScore: number };
  slots: HermesSlot[];
  siteId: string;
  sessionId: string | null;
  id: string | null;
  customData: null;
}

/** Builds the NLU intent message; slot ranges point into the input when the raw value occurs there. */
export function hermesIntent(
  toolName: string,
  binding: HermesBinding,
  args: TemplateArgs,
  command: DriverCommandInfo | undefined,
): { topic: string; message: HermesIntentMessage } {
  const intentName = binding.intent ? fillTopic(binding.intent, args) : toolName;
  if (intentName.includes('/')) throw new TemplateError(`Hermes intent name "${intentName}" may not contain "/"`);
  const input = command?.text ?? '';
  const lower = input.toLowerCase();
  const slots: HermesSlot[] = Object.entries(args).map(([name, value]) => {
    const rawValue = String(value);
    const slot: HermesSlot = {
      entity: name,
      slotName: name,
      rawValue,
      value: { kind: typeof value === 'number' ? 'Number' : 'Custom', value },
      confidence: 1,
    };
    const at = rawValue === '' ? -1 : lower.indexOf(rawValue.toLowerCase());
    if (at >= 0) slot.range = { start: at, end: at + rawValue.length };
    return slot;
  });
  const message: HermesIntentMessage = {
    input,
    intent: { intentName, confidenceScore: command?.confidence ?? 1 },
    slots,
    siteId: binding.site_id ?? 'default',
    sessionId: command?.id ?? null,
    id: command?.id ?? null,
    customData: null,
  };
  return { topic: `${binding.topic_prefix ?? 'hermes/intent'}/${intentName}`, message };
}
