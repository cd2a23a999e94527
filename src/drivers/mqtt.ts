/**
 * `mqtt` driver: publishes one message on the agent's MQTT connection, either from raw topic and
 * payload templates or through a preset (zigbee2mqtt, tasmota, homeassistant, hermes).
 *
 *   action: { driver: mqtt, topic: "home/{{room}}/light/set", payload: { on: "{{on}}" } }
 *   action: { driver: mqtt, preset: zigbee2mqtt, device: "{{room}}_lamp" }
 *   action: { driver: mqtt, preset: tasmota, device: pump, command: Dimmer, value: "{{speed}}" }
 */
import type { ToolCall } from '../agent/types.js';
import { bindingChecker, errorMessage, fail, ok, clip } from './common.js';
import {
  hermesIntent,
  homeAssistantCommandMessage,
  tasmotaMessage,
  zigbee2mqttMessage,
  type HermesBinding,
  type HomeAssistantCommandBinding,
  type MqttMessage,
  type TasmotaBinding,
  type Zigbee2MqttBinding,
} from './mqtt-presets.js';
import { fillJsonTemplate, fillTopic, transformArgs, transformSchemaProperties, type ArgumentTransforms, type TemplateArgs } from './template.js';
import type { ActionBinding, Driver, DriverContext, DriverResult } from './types.js';

type Common = ArgumentTransforms & { driver: 'mqtt'; qos?: 0 | 1 | 2; retain?: boolean; timeout_ms?: number };
type RawBinding = Common & { preset?: undefined; topic: string; payload?: unknown };
export type MqttBinding =
  | RawBinding
  | (Common & { preset: 'zigbee2mqtt' } & Zigbee2MqttBinding)
  | (Common & { preset: 'tasmota' } & TasmotaBinding)
  | (Common & { preset: 'homeassistant' } & HomeAssistantCommandBinding)
  | (Common & { preset: 'hermes' } & HermesBinding);

const common = {
  driver: { const: 'mqtt' },
  qos: { enum: [0, 1, 2] },
  retain: { type: 'boolean' },
  timeout_ms: { type: 'integer', minimum: 1, maximum: 600000 },
  ...transformSchemaProperties,
};

export const mqttBindingSchema = {
  type: 'object',
  required: ['driver'],
  oneOf: [
    {
      required: ['topic'],
      additionalProperties: false,
      properties: { ...common, topic: { type: 'string', minLength: 1 }, payload: {} },
    },
    {
      required: ['preset', 'device'],
      additionalProperties: false,
      properties: {
        ...common,
        preset: { const: 'zigbee2mqtt' },
        device: { type: 'string', minLength: 1 },
        base_topic: { type: 'string', minLength: 1 },
        payload: { type: 'object' },
      },
    },
    {
      required: ['preset', 'device'],
      additionalProperties: false,
      properties: {
        ...common,
        preset: { const: 'tasmota' },
        device: { type: 'string', minLength: 1 },
        command: { type: 'string', minLength: 1 },
        value: { type: 'string' },
        prefix: { type: 'string', minLength: 1 },
      },
    },
    {
      required: ['preset', 'command_topic'],
      additionalProperties: false,
      properties: {
        ...common,
        preset: { const: 'homeassistant' },
        command_topic: { type: 'string', minLength: 1 },
        payload: { type: 'string' },
        payload_on: { type: 'string' },
        payload_off: { type: 'string' },
      },
    },
    {
      required: ['preset'],
      additionalProperties: false,
      properties: {
        ...common,
        preset: { const: 'hermes' },
        intent: { type: 'string', minLength: 1 },
        site_id: { type: 'string', minLength: 1 },
        topic_prefix: { type: 'string', minLength: 1 },
      },
    },
  ],
} as const;

/** Builds the message for a binding; throws TemplateError on arguments that do not fit. */
export function buildMqttMessage(
  binding: MqttBinding,
  call: ToolCall,
  args: TemplateArgs,
  context: Pick<DriverContext, 'command'>,
): MqttMessage {
  switch (binding.preset) {
    case 'zigbee2mqtt':
      return zigbee2mqttMessage(binding, args);
    case 'tasmota':
      return tasmotaMessage(binding, args);
    case 'homeassistant':
      return homeAssistantCommandMessage(binding, args);
    case 'hermes': {
      const { topic, message } = hermesIntent(call.name, binding, args, context.command);
      return { topic, payload: JSON.stringify(message) };
    }
    default: {
      const topic = fillTopic(binding.topic, args);
      if (binding.payload === undefined) return { topic, payload: JSON.stringify(args) };
      const filled = fillJsonTemplate(binding.payload, args);
      return { topic, payload: typeof filled === 'string' ? filled : JSON.stringify(filled) };
    }
  }
}

export function createMqttDriver(): Driver {
  const check = bindingChecker<MqttBinding>('mqtt', mqttBindingSchema);
  return {
    name: 'mqtt',
    bindingSchema: mqttBindingSchema,
    async execute(raw: ActionBinding, call: ToolCall, context: DriverContext): Promise<DriverResult> {
      const binding = check(raw);
      if (typeof binding === 'string') return fail(binding);
      let message: MqttMessage;
      try {
        message = buildMqttMessage(binding, call, transformArgs(call.arguments, binding), context);
      } catch (e) {
        return fail(`mqtt: ${errorMessage(e)}`);
      }
      if (!context.mqtt) return fail(`mqtt: no MQTT connection configured, cannot publish to ${message.topic}`);
      const qos = binding.qos ?? 1;
      const timeoutMs = binding.timeout_ms ?? 5000;
      const data = { topic: message.topic, payload: clip(message.payload, 500) };
      let timer: NodeJS.Timeout | undefined;
      try {
        const acked = await Promise.race([
          context.mqtt.publish(message.topic, message.payload, { qos, retain: binding.retain ?? false }).then(() => true),
          new Promise<false>((resolve) => {
            timer = setTimeout(() => resolve(false), timeoutMs);
          }),
        ]);
        if (!acked) {
          // The publisher keeps it queued and delivers it when the broker is back.
          return ok(`queued ${message.topic} (broker has not acknowledged within ${timeoutMs} ms)`, { ...data, queued: true });
        }
        return ok(`published ${message.topic} ${clip(message.payload, 120)}`, data);
      } catch (e) {
        return fail(`mqtt: publish to ${message.topic} failed: ${errorMessage(e)}`, data);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
