/**
 * The speech tests' domain: a handful of home/factory tools and spoken commands with the tool call and
 * MQTT publish each one must produce. Shared by test/speech-*.test.ts and bench/speech.ts.
 */
import type { JsonPrimitive, ToolSchema } from '../../src/agent/types.js';
import type { Voice } from './speech-audio.js';

const ROOMS = ['kitchen', 'living_room', 'bedroom', 'hallway', 'garage'];

export const SPEECH_TOOLS: ToolSchema[] = [
  { name: 'set_light', description: 'Switch the light in a room on or off',
    parameters: { type: 'object', properties: {
      room: { type: 'string', enum: ROOMS, description: 'Which room' },
      state: { type: 'string', enum: ['on', 'off'] } }, required: ['room', 'state'] } },
  { name: 'set_brightness', description: 'Set the brightness of the light in a room, in percent',
    parameters: { type: 'object', properties: {
      room: { type: 'string', enum: ROOMS },
      level: { type: 'integer', minimum: 0, maximum: 100, description: 'Brightness in percent' } },
    required: ['room', 'level'] } },
  { name: 'set_thermostat', description: 'Set the thermostat target temperature in degrees celsius',
    parameters: { type: 'object', properties: {
      temperature: { type: 'integer', minimum: 10, maximum: 30 } }, required: ['temperature'] } },
  { name: 'start_conveyor', description: 'Start the conveyor belt', parameters: { type: 'object', properties: {} } },
  { name: 'stop_conveyor', description: 'Stop the conveyor belt', parameters: { type: 'object', properties: {} } },
  { name: 'call_staff', description: 'Call a member of staff to the station',
    parameters: { type: 'object', properties: {} } },
  { name: 'set_timer', description: 'Start a timer for a duration in seconds',
    parameters: { type: 'object', properties: {
      duration: { type: 'integer', minimum: 1, maximum: 7200, description: 'Duration in seconds' } },
    required: ['duration'] } },
];

export interface SpokenCommand {
  /** What is said after the wake phrase. */
  text: string;
  call: { name: string; arguments: Record<string, JsonPrimitive> };
}

export const SPOKEN_COMMANDS: SpokenCommand[] = [
  { text: 'turn on the kitchen light', call: { name: 'set_light', arguments: { room: 'kitchen', state: 'on' } } },
  { text: 'switch off the bedroom light', call: { name: 'set_light', arguments: { room: 'bedroom', state: 'off' } } },
  { text: 'turn the hallway light on', call: { name: 'set_light', arguments: { room: 'hallway', state: 'on' } } },
  { text: 'turn off the garage light', call: { name: 'set_light', arguments: { room: 'garage', state: 'off' } } },
  { text: 'turn on the living room light', call: { name: 'set_light', arguments: { room: 'living_room', state: 'on' } } },
  { text: 'set the kitchen brightness to fifty percent', call: { name: 'set_brightness', arguments: { room: 'kitchen', level: 50 } } },
  { text: 'set the brightness in the bedroom to twenty percent', call: { name: 'set_brightness', arguments: { room: 'bedroom', level: 20 } } },
  { text: 'set the hallway brightness to thirty percent', call: { name: 'set_brightness', arguments: { room: 'hallway', level: 30 } } },
  { text: 'set the thermostat to twenty one degrees', call: { name: 'set_thermostat', arguments: { temperature: 21 } } },
  { text: 'set the thermostat to eighteen degrees', call: { name: 'set_thermostat', arguments: { temperature: 18 } } },
  { text: 'start the conveyor', call: { name: 'start_conveyor', arguments: {} } },
  { text: 'stop the conveyor', call: { name: 'stop_conveyor', arguments: {} } },
  { text: 'please call the staff', call: { name: 'call_staff', arguments: {} } },
  { text: 'set a timer for five minutes', call: { name: 'set_timer', arguments: { duration: 300 } } },
  { text: 'set a timer for ninety seconds', call: { name: 'set_timer', arguments: { duration: 90 } } },
  { text: 'switch on the bedroom light', call: { name: 'set_light', arguments: { room: 'bedroom', state: 'on' } } },
  { text: 'set the living room brightness to seventy five percent', call: { name: 'set_brightness', arguments: { room: 'living_room', level: 75 } } },
  { text: 'set the thermostat to twenty four degrees', call: { name: 'set_thermostat', arguments: { temperature: 24 } } },
  { text: 'turn off the kitchen light', call: { name: 'set_light', arguments: { room: 'kitchen', state: 'off' } } },
  { text: 'stop the conveyor now', call: { name: 'stop_conveyor', arguments: {} } },
  { text: 'start a timer for two minutes', call: { name: 'set_timer', arguments: { duration: 120 } } },
  { text: 'call staff to the station', call: { name: 'call_staff', arguments: {} } },
  { text: 'turn the garage light on', call: { name: 'set_light', arguments: { room: 'garage', state: 'on' } } },
  { text: 'set the garage brightness to ten percent', call: { name: 'set_brightness', arguments: { room: 'garage', level: 10 } } },
];

export const WAKE_PHRASE = 'computer';

export const FLITE_VOICES: Voice[] = ['slt', 'rms', 'awb', 'kal16'];
export const ALL_VOICES: Voice[] = [...FLITE_VOICES, 'espeak-en-us'];

/**
 * Development commands: the same tools, other phrasings and values. Decoder and front-end settings
 * are chosen on these (`tsx bench/speech.ts --dev`), so SPOKEN_COMMANDS stay a test.
 */
export const DEV_SPOKEN_COMMANDS: SpokenCommand[] = [
  { text: 'turn off the hallway light', call: { name: 'set_light', arguments: { room: 'hallway', state: 'off' } } },
  { text: 'switch the kitchen light off', call: { name: 'set_light', arguments: { room: 'kitchen', state: 'off' } } },
  { text: 'lights on in the garage', call: { name: 'set_light', arguments: { room: 'garage', state: 'on' } } },
  { text: 'turn off the living room light', call: { name: 'set_light', arguments: { room: 'living_room', state: 'off' } } },
  { text: 'switch on the hallway light please', call: { name: 'set_light', arguments: { room: 'hallway', state: 'on' } } },
  { text: 'set the bedroom brightness to forty percent', call: { name: 'set_brightness', arguments: { room: 'bedroom', level: 40 } } },
  { text: 'dim the kitchen light to fifteen percent', call: { name: 'set_brightness', arguments: { room: 'kitchen', level: 15 } } },
  { text: 'set the brightness in the garage to sixty percent', call: { name: 'set_brightness', arguments: { room: 'garage', level: 60 } } },
  { text: 'living room brightness eighty percent', call: { name: 'set_brightness', arguments: { room: 'living_room', level: 80 } } },
  { text: 'set the thermostat to nineteen degrees', call: { name: 'set_thermostat', arguments: { temperature: 19 } } },
  { text: 'make it twenty two degrees', call: { name: 'set_thermostat', arguments: { temperature: 22 } } },
  { text: 'set the temperature to twenty five degrees', call: { name: 'set_thermostat', arguments: { temperature: 25 } } },
  { text: 'start the conveyor belt', call: { name: 'start_conveyor', arguments: {} } },
  { text: 'stop the belt', call: { name: 'stop_conveyor', arguments: {} } },
  { text: 'halt the conveyor', call: { name: 'stop_conveyor', arguments: {} } },
  { text: 'we need staff at the station', call: { name: 'call_staff', arguments: {} } },
  { text: 'set a timer for ten minutes', call: { name: 'set_timer', arguments: { duration: 600 } } },
  { text: 'timer for thirty seconds', call: { name: 'set_timer', arguments: { duration: 30 } } },
  { text: 'start a timer for three minutes', call: { name: 'set_timer', arguments: { duration: 180 } } },
  { text: 'set a timer for forty five seconds', call: { name: 'set_timer', arguments: { duration: 45 } } },
];
