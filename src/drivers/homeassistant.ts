/**
 * Home Assistant MQTT discovery for the agent itself: retained configs on
 * `<prefix>/<component>/<node_id>/<object_id>/config` make HA show one device with
 *  - a connectivity binary_sensor on `<base>/status` (online/offline, the agent's last will),
 *  - a text entity whose command_topic is `<base>/command` (type a command in HA),
 *  - a sensor with the last routed text from `<base>/result` (the full result as attributes),
 *  - an event entity fed by `<base>/event` (HA ≥ 2023.8).
 * The daemon publishes these retained at start-up (QoS 1); an empty retained payload removes them.
 */
import type { MqttPublisher } from './types.js';

export interface HomeAssistantDiscoveryOptions {
  /** The agent's base topic (e.g. `needle`), as in `<base>/status`. */
  baseTopic: string;
  /** Unique per agent: letters, digits, `_` and `-` only (e.g. the MQTT client id). */
  nodeId: string;
  /** Device name shown in HA. */
  name?: string;
  /** Agent version, shown as sw_version. */
  version?: string;
  /** Discovery prefix configured in HA (default `homeassistant`). */
  discoveryPrefix?: string;
}

export interface DiscoveryMessage {
  topic: string;
  payload: string;
  retain: true;
  qos: 1;
}

type Config = Record<string, string | number | boolean | string[] | Record<string, string | string[]>>;

export function sanitizeNodeId(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return clean === '' ? 'needle_agent' : clean;
}

export function buildHomeAssistantDiscovery(options: HomeAssistantDiscoveryOptions): DiscoveryMessage[] {
  const prefix = options.discoveryPrefix ?? 'homeassistant';
  const node = sanitizeNodeId(options.nodeId);
  const base = options.baseTopic.replace(/\/+$/, '');
  const name = options.name ?? 'Needle agent';
  const device: Record<string, string | string[]> = {
    identifiers: [`needle_agent_${node}`],
    name,
    manufacturer: 'needle-agent',
    model: 'offline voice/MQTT agent',
  };
  if (options.version) device.sw_version = options.version;
  const availability = {
    availability_topic: `${base}/status`,
    payload_available: 'online',
    payload_not_available: 'offline',
  };

  const entities: Array<{ component: string; objectId: string; config: Config }> = [
    {
      component: 'binary_sensor',
      objectId: 'status',
      config: {
        name: 'Status',
        state_topic: `${base}/status`,
        payload_on: 'online',
        payload_off: 'offline',
        device_class: 'connectivity',
        entity_category: 'diagnostic',
      },
    },
    {
      component: 'text',
      objectId: 'command',
      config: { name: 'Command', command_topic: `${base}/command`, max: 255, icon: 'mdi:microphone-message', ...availability },
    },
    {
      component: 'sensor',
      objectId: 'last_command',
      config: {
        name: 'Last command',
        state_topic: `${base}/result`,
        value_template: '{{ value_json.text | default("") | truncate(250) }}',
        json_attributes_topic: `${base}/result`,
        icon: 'mdi:text-box-check',
        ...availability,
      },
    },
    {
      component: 'event',
      objectId: 'event',
      config: {
        name: 'Event',
        state_topic: `${base}/event`,
        // The agent's events: `command` (a routed command), `error` (rejected input), `timer` (fired).
        event_types: ['command', 'error', 'timer'],
        value_template: '{{ {"event_type": value_json.type | default("command")} | tojson }}',
        ...availability,
      },
    },
  ];

  return entities.map(({ component, objectId, config }) => ({
    topic: `${prefix}/${component}/${node}/${objectId}/config`,
    payload: JSON.stringify({ ...config, unique_id: `${node}_${objectId}`, object_id: `${node}_${objectId}`, device }),
    retain: true,
    qos: 1,
  }));
}

/** Publishes every discovery config retained; resolves once all are acknowledged (or queued). */
export async function publishHomeAssistantDiscovery(
  publisher: MqttPublisher,
  options: HomeAssistantDiscoveryOptions,
): Promise<DiscoveryMessage[]> {
  const messages = buildHomeAssistantDiscovery(options);
  await Promise.all(messages.map((m) => publisher.publish(m.topic, m.payload, { qos: m.qos, retain: m.retain })));
  return messages;
}
