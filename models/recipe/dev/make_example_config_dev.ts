/**
 * Writes example-config-dev.jsonl: commands a user of config/example.yaml would say, written by hand
 * with the answers the daemon should give (a development set for router rules: never the test
 * files). Its tools are the example configuration's own, so the set follows that file.
 * Writes default-config-dev.jsonl the same way for the five tools of the embedded default
 * configuration (what `make setup run` starts with), written before any of them was routed, and
 * spot-check-dev.jsonl: a second set for the example configuration, written the same way.
 * Run: npx tsx models/recipe/dev/make_example_config_dev.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DEFAULT_CONFIG_YAML } from '../../../src/agent/default-config.js';
import type { ToolCall, ToolSchema } from '../../../src/agent/types.js';

const here = dirname(fileURLToPath(import.meta.url));
type ConfigTools = { tools: Array<Partial<ToolSchema> & { name: string }> };
const toolsOf = (config: ConfigTools): ToolSchema[] =>
  config.tools.map((t) => ({ name: t.name, description: t.description ?? '', parameters: t.parameters ?? { type: 'object', properties: {} } }));
const tools = toolsOf(parse(readFileSync(join(here, '../../../config/example.yaml'), 'utf8')) as ConfigTools);
const C = (name: string, args: ToolCall['arguments'] = {}): ToolCall => ({ name, arguments: args });
const rows: Array<[string, ToolCall[]]> = [
  ['turn on the kitchen light', [C('set_light', { room: 'kitchen', state: 'on' })]],
  ['kitchen lights off please', [C('set_light', { room: 'kitchen', state: 'off' })]],
  ['switch off the lights in the bathroom', [C('set_light', { room: 'bathroom', state: 'off' })]],
  ['dim the bedroom light to thirty percent', [C('set_light', { room: 'bedroom', state: 'on', brightness: 30 })]],
  ['can you make the living room a bit brighter like eighty percent', [C('set_light', { room: 'living_room', state: 'on', brightness: 80 })]],
  ['it is too dark in the hallway', [C('set_light', { room: 'hallway', state: 'on' })]],
  ['lights on in the hallway and the kitchen', [C('set_light', { room: 'hallway', state: 'on' }), C('set_light', { room: 'kitchen', state: 'on' })]],
  ['set the heating to twenty one degrees', [C('set_thermostat', { temperature: 21 })]],
  ['make it twenty two and a half degrees', [C('set_thermostat', { temperature: 22.5 })]],
  ['i am cold put the thermostat on twenty three', [C('set_thermostat', { temperature: 23 })]],
  ['open the bedroom blinds', [C('set_blinds', { room: 'bedroom', position: 100 })]],
  ['close the blinds in the living room', [C('set_blinds', { room: 'living_room', position: 0 })]],
  ['living room blinds to forty percent', [C('set_blinds', { room: 'living_room', position: 40 })]],
  ['lock the front door', [C('lock_door')]],
  ['lock up', [C('lock_door')]],
  ['unlock the door', [C('unlock_door')]],
  ['let me in', [C('unlock_door')]],
  ['set a timer for ten minutes', [C('set_timer', { minutes: 10 })]],
  ['timer twenty five minutes for the pizza', [C('set_timer', { minutes: 25, label: 'pizza' })]],
  ['remind me in an hour', [C('set_timer', { minutes: 60 })]],
  ['cancel the pizza timer', [C('cancel_timer', { label: 'pizza' })]],
  ['stop the timer', [C('cancel_timer')]],
  ['play some music in the kitchen', [C('play_media', { action: 'play', room: 'kitchen' })]],
  ['pause the music', [C('play_media', { action: 'pause' })]],
  ['next song', [C('play_media', { action: 'next' })]],
  ['skip this track in the bedroom', [C('play_media', { action: 'next', room: 'bedroom' })]],
  ['stop the music in the living room', [C('play_media', { action: 'stop', room: 'living_room' })]],
  ['volume to fifty in the kitchen', [C('set_volume', { room: 'kitchen', level: 50 })]],
  ['turn the volume down to twenty percent', [C('set_volume', { level: 20 })]],
  ['say dinner is ready', [C('announce', { text: 'dinner is ready' })]],
  ['announce that the meeting starts in five minutes', [C('announce', { text: 'the meeting starts in five minutes' })]],
  ['start conveyor two', [C('start_conveyor', { line: 2 })]],
  ['start belt number one', [C('start_conveyor', { line: 1 })]],
  ['stop line three', [C('stop_conveyor', { line: 3 })]],
  ['halt conveyor one now', [C('stop_conveyor', { line: 1 })]],
  ['pump speed to sixty percent', [C('set_pump_speed', { percent: 60 })]],
  ['run the pump at half speed', [C('set_pump_speed', { percent: 50 })]],
  ['i need help at the checkout', [C('call_staff', { station: 'checkout' })]],
  ['call someone to the entrance', [C('call_staff', { station: 'entrance' })]],
  ['send a member of staff to line two', [C('call_staff', { station: 'line_2' })]],
  ['turn off the bedroom light and lock the front door', [C('set_light', { room: 'bedroom', state: 'off' }), C('lock_door')]],
  ['pause the music and turn on the living room lights', [C('play_media', { action: 'pause' }), C('set_light', { room: 'living_room', state: 'on' })]],
  ['what is the weather tomorrow', []],
  ['tell me a joke', []],
  ['how are you today', []],
  ['i love this song', []],
  ['the kitchen looks nice', []],
  ['turn on the tv', []],
  ['order a pizza', []],
  ['what time is it', []],
  ['thank you', []],
  ['open the garage', []],
  ['water the plants', []],
  ['the light in the bedroom is broken', []],
];
const defaultRows: Array<[string, ToolCall[]]> = [
  ['turn on the kitchen light', [C('set_light', { room: 'kitchen', state: 'on' })]],
  ['bedroom lights off', [C('set_light', { room: 'bedroom', state: 'off' })]],
  ['switch the hallway light on at forty percent', [C('set_light', { room: 'hallway', state: 'on', brightness: 40 })]],
  ['dim the living room to twenty percent', [C('set_light', { room: 'living_room', state: 'on', brightness: 20 })]],
  ["it's too dark in the kitchen", [C('set_light', { room: 'kitchen', state: 'on' })]],
  ['kill the lights in the bedroom', [C('set_light', { room: 'bedroom', state: 'off' })]],
  ['lights out in the lounge', [C('set_light', { room: 'living_room', state: 'off' })]],
  ['turn off the hall light', [C('set_light', { room: 'hallway', state: 'off' })]],
  ['brightness fifty percent in the bedroom', [C('set_light', { room: 'bedroom', state: 'on', brightness: 50 })]],
  ['set the heating to twenty degrees', [C('set_thermostat', { temperature: 20 })]],
  ['make it warmer like twenty two', [C('set_thermostat', { temperature: 22 })]],
  ['thermostat to nineteen and a half', [C('set_thermostat', { temperature: 19.5 })]],
  ["i'm freezing set the temperature to twenty three", [C('set_thermostat', { temperature: 23 })]],
  ['turn on the fan', [C('switch_plug', { plug: 'fan', state: 'on' })]],
  ['switch the heater off', [C('switch_plug', { plug: 'heater', state: 'off' })]],
  ['turn the coffee machine on', [C('switch_plug', { plug: 'coffee_machine', state: 'on' })]],
  ['make me a coffee', [C('switch_plug', { plug: 'coffee_machine', state: 'on' })]],
  ['fan off please', [C('switch_plug', { plug: 'fan', state: 'off' })]],
  ['heater on', [C('switch_plug', { plug: 'heater', state: 'on' })]],
  ['unlock the front door', [C('unlock_door')]],
  ['let me in', [C('unlock_door')]],
  ['open the door', [C('unlock_door')]],
  ['play some music in the kitchen', [C('play_media', { action: 'play', room: 'kitchen' })]],
  ['pause the music', [C('play_media', { action: 'pause' })]],
  ['stop the music in the bedroom', [C('play_media', { action: 'stop', room: 'bedroom' })]],
  ['put some tunes on', [C('play_media', { action: 'play' })]],
  ['turn off the living room light and the fan', [C('set_light', { room: 'living_room', state: 'off' }), C('switch_plug', { plug: 'fan', state: 'off' })]],
  ['turn on the kitchen light and play some music', [C('set_light', { room: 'kitchen', state: 'on' }), C('play_media', { action: 'play' })]],
  ["what's the weather like", []],
  ['tell me a joke', []],
  ['lock the front door', []],
  ['turn on the tv', []],
  ['set a timer for ten minutes', []],
  ['the kitchen light is lovely', []],
  ['good morning', []],
  ['turn on the bathroom light', []],
  ['how warm is it in here', []],
  ['close the blinds', []],
  ["thanks that's all", []],
];

// A second spot check of the example configuration (session of 2026-12-03, sixth stop), written
// before any of it was routed: the same tools in other words, questions, remarks and near misses.
const spotRows: Array<[string, ToolCall[]]> = [
  ['could you put the bathroom light on for me', [C('set_light', { room: 'bathroom', state: 'on' })]],
  ['uh lights off in the kitchen thanks', [C('set_light', { room: 'kitchen', state: 'off' })]],
  ['bedroom light at ten percent please', [C('set_light', { room: 'bedroom', state: 'on', brightness: 10 })]],
  ['hallway lamp on', [C('set_light', { room: 'hallway', state: 'on' })]],
  ['heating to eighteen', [C('set_thermostat', { temperature: 18 })]],
  ["it's chilly bump the heat up to twenty four", [C('set_thermostat', { temperature: 24 })]],
  ['raise the bedroom blinds all the way', [C('set_blinds', { room: 'bedroom', position: 100 })]],
  ['shut the living room blinds', [C('set_blinds', { room: 'living_room', position: 0 })]],
  ['blinds in the bedroom halfway', [C('set_blinds', { room: 'bedroom', position: 50 })]],
  ['make sure the front door is locked', [C('lock_door')]],
  ["i'm going to bed lock the door", [C('lock_door')]],
  ['open up the front door', [C('unlock_door')]],
  ['fifteen minute timer', [C('set_timer', { minutes: 15 })]],
  ['set a timer for two hours', [C('set_timer', { minutes: 120 })]],
  ['timer for the tea three minutes', [C('set_timer', { minutes: 3, label: 'tea' })]],
  ['forget the tea timer', [C('cancel_timer', { label: 'tea' })]],
  ['resume the music in the bedroom', [C('play_media', { action: 'play', room: 'bedroom' })]],
  ['skip', [C('play_media', { action: 'next' })]],
  ['hold the music', [C('play_media', { action: 'pause' })]],
  ['kitchen volume thirty percent', [C('set_volume', { room: 'kitchen', level: 30 })]],
  ['mute the living room speaker', [C('set_volume', { room: 'living_room', level: 0 })]],
  ['tell everyone the shop closes in ten minutes', [C('announce', { text: 'the shop closes in ten minutes' })]],
  ['get belt three moving', [C('start_conveyor', { line: 3 })]],
  ['shut down conveyor two', [C('stop_conveyor', { line: 2 })]],
  ['pump to eighty', [C('set_pump_speed', { percent: 80 })]],
  ['turn the pump off', [C('set_pump_speed', { percent: 0 })]],
  ['we need someone on line one', [C('call_staff', { station: 'line_1' })]],
  ['customer waiting at the entrance', [C('call_staff', { station: 'entrance' })]],
  ['start line two and set the pump to forty percent', [C('start_conveyor', { line: 2 }), C('set_pump_speed', { percent: 40 })]],
  ['lock the door and turn off the hallway light', [C('lock_door'), C('set_light', { room: 'hallway', state: 'off' })]],
  ['is the front door locked', []],
  ['what is the pump speed right now', []],
  ['the music is great', []],
  ['who turned the lights off', []],
  ['the conveyor is so noisy today', []],
  ['open the garage door', []],
  ['play the news on the radio in the garage', []],
  ['how long is left on the timer', []],
  ['are you a robot', []],
];

function write(file: string, setTools: ToolSchema[], setRows: Array<[string, ToolCall[]]>): void {
  const lines = setRows.map(([query, answers]) => JSON.stringify({ query, tools: setTools, answers, meta: { families: [answers[0]?.name ?? 'none'] } }));
  writeFileSync(join(here, file), lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} examples to models/recipe/dev/${file}`);
}
write('example-config-dev.jsonl', tools, rows);
write('default-config-dev.jsonl', toolsOf(parse(DEFAULT_CONFIG_YAML) as ConfigTools), defaultRows);
write('spot-check-dev.jsonl', tools, spotRows);
