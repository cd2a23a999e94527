/**
 * The config used when no `--config` is given. It needs no hardware: every tool publishes MQTT
 * messages (zigbee2mqtt, Tasmota and Hermes-style topics), which are queued while no broker is
 * reachable, so `make run` starts on any machine (degraded until a broker appears on localhost).
 * `timeout_ms: 1000`: with no broker a command is answered "queued" after 1 s instead of 5 s.
 * Embedded as text so a single-file build carries it.
 */
export const DEFAULT_CONFIG_NAME = '(embedded default)';

export const DEFAULT_CONFIG_YAML = `
mqtt:
  url: mqtt://127.0.0.1:1883
  baseTopic: needle
  connectTimeoutMs: 3000
inputs:
  stdin: { enabled: true }
  mqtt: { enabled: true }
  http: { enabled: true, host: 127.0.0.1, port: 8787 }
policy:
  confidenceThreshold: 0.5
  confirm:
    tools: [unlock_door]
tools:
  - name: set_light
    description: Turn a light on or off, optionally at a brightness in percent
    parameters:
      type: object
      properties:
        room: { type: string, enum: [kitchen, living_room, bedroom, hallway], description: Which room }
        state: { type: string, enum: ["on", "off"], description: On or off }
        brightness: { type: integer, minimum: 0, maximum: 100, description: Brightness in percent }
      required: [room, state]
    action: { driver: mqtt, preset: zigbee2mqtt, device: "{{room}}_light", timeout_ms: 1000 }

  - name: set_thermostat
    description: Set the heating target temperature in degrees Celsius
    parameters:
      type: object
      properties:
        temperature: { type: number, minimum: 5, maximum: 30, description: Target temperature }
      required: [temperature]
    action: { driver: mqtt, preset: zigbee2mqtt, device: thermostat, payload: { current_heating_setpoint: "{{temperature}}" }, timeout_ms: 1000 }

  - name: switch_plug
    description: Switch a smart plug on or off
    parameters:
      type: object
      properties:
        plug: { type: string, enum: [fan, heater, coffee_machine], description: Which plug }
        state: { type: string, enum: ["on", "off"], description: On or off }
      required: [plug, state]
    action: { driver: mqtt, preset: tasmota, device: "{{plug}}", command: POWER, value: "{{state}}", timeout_ms: 1000 }

  - name: unlock_door
    description: Unlock the front door
    parameters: { type: object, properties: {} }
    action: { driver: mqtt, preset: hermes, intent: unlock_door, timeout_ms: 1000 }

  - name: play_media
    description: Play, pause or stop music in a room
    parameters:
      type: object
      properties:
        action: { type: string, enum: [play, pause, stop], description: What to do }
        room: { type: string, enum: [kitchen, living_room, bedroom], description: Which room }
      required: [action]
    action: { driver: mqtt, preset: hermes, intent: media, timeout_ms: 1000 }
`;
