/**
 * The Needle router with the shipped ONNX model in onnxruntime-node: agreement with the PyTorch
 * model it was exported from, accuracy floors on held-out fixtures, the int8 variant, schema-valid
 * output, and clear errors for missing or corrupt model files.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { DEFAULT_CONFIG_YAML } from '../src/agent/default-config.js';
import { NeedleOnnx } from '../src/agent/needle/onnx-model.js';
import { loadNeedleRouter, NeedleRuntime } from '../src/agent/needle/router.js';
import { pointerTags } from '../src/agent/needle/serialize.js';
import type { ParameterSchema, ToolCall, ToolSchema } from '../src/agent/types.js';
import { sameCall } from '../models/recipe/metrics.js';
import { CallValidator } from '../src/agent/call-validator.js';
import { testModelDir as modelDir } from './helpers/model-dir.js';

const root = join(import.meta.dirname, '..');
type Fixture = { query: string; tools: ToolSchema[]; answers: ToolCall[] };
/** The tools of config/example.yaml as the router sees them (the daemon's example configuration). */
const exampleConfigTools = (): ToolSchema[] => {
  const config = parse(readFileSync(join(root, 'config/example.yaml'), 'utf8')) as { tools: Array<Partial<ToolSchema> & { name: string }> };
  return config.tools.map((t) => ({ name: t.name, description: t.description ?? '', parameters: t.parameters ?? { type: 'object', properties: {} } }));
};
const load = (name: string, n: number): Fixture[] =>
  readFileSync(join(root, `test/fixtures/needle/${name}.jsonl`), 'utf8').split('\n').filter(Boolean).slice(0, n).map((l) => JSON.parse(l) as Fixture);

const tmp = mkdtempSync(join(tmpdir(), 'needle-model-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('Needle ONNX model', () => {
  let fp32: NeedleRuntime;
  let int8: NeedleRuntime;
  before(async () => {
    fp32 = await NeedleRuntime.load(modelDir, 'fp32');
    int8 = await NeedleRuntime.load(modelDir, 'int8');
  });
  after(async () => {
    await fp32.model.release();
    await int8.model.release();
  });

  it('reproduces the PyTorch model it was exported from (greedy tokens)', async () => {
    const refs = JSON.parse(readFileSync(join(modelDir, 'reference.json'), 'utf8')) as Array<{ src: number[]; greedy: number[] }>;
    assert.ok(refs.length >= 3);
    const m: NeedleOnnx = fp32.model;
    for (const ref of refs) {
      const cross = await m.encode(ref.src, pointerTags(fp32.tok, ref.src));
      let past = m.emptyCache();
      let token = m.meta.bos;
      const out: number[] = [];
      for (let i = 0; i < ref.greedy.length; i++) {
        const step = await m.step(token, i, past, cross);
        past = step.present;
        token = step.logits.indexOf(Math.max(...step.logits));
        out.push(token);
      }
      assert.deepEqual(out, ref.greedy);
    }
  });

  /** Routes the first n examples of a fixture, checks every call against its schema, counts right names and exact answers. */
  async function scoreFixture(name: string, n: number): Promise<{ names: number; exact: number; total: number }> {
    const ajv = new Ajv({ strict: false });
    const rows = load(name, n);
    let names = 0;
    let exact = 0;
    for (const ex of rows) {
      const router = await fp32.bind(ex.tools);
      const r = await router.route(ex.query);
      assert.ok(r.confidence >= 0 && r.confidence <= 1);
      for (const call of r.calls) {
        const tool = ex.tools.find((t) => t.name === call.name);
        assert.ok(tool, `unknown tool ${call.name}`);
        assert.ok(ajv.validate({ ...tool.parameters, additionalProperties: false }, call.arguments), JSON.stringify(call));
      }
      if (r.calls.length === ex.answers.length && r.calls.every((c, i) => c.name === ex.answers[i].name)) names++;
      if (r.calls.length === ex.answers.length && r.calls.every((c, i) => sameCall(c, ex.answers[i]))) exact++;
    }
    return { names, exact, total: rows.length };
  }

  // regression floors a little under what the shipped model (v6) measures on the first 120 examples
  // of each file; the bars and the full figures come from `make eval`
  it('routes held-out phrasings above the floor, every call valid for its schema', async () => {
    const { names, exact, total } = await scoreFixture('heldout_templates', 120);
    // v6: 86.7% / 82.5% (v5: 74.2% / 70.0%)
    assert.ok(names / total >= 0.8, `tool-name accuracy ${names}/${total}`);
    assert.ok(exact / total >= 0.75, `exact match ${exact}/${total}`);
  });

  it('routes held-out tool families above the floor, every call valid for its schema', async () => {
    const { names, exact, total } = await scoreFixture('heldout_families', 120);
    // v6: 86.7% / 67.5%; v5: 87.5% / 71.7% (v4: 74.5% / 60.5% on the whole file)
    assert.ok(names / total >= 0.82, `tool-name accuracy ${names}/${total}`);
    assert.ok(exact / total >= 0.64, `exact match ${exact}/${total}`);
  });

  /** Routes hand-written rows, checking every answer and every routed call against its schema; counts right tool names and exact calls. */
  async function scoreValidated(rows: readonly Fixture[]): Promise<{ names: number; exact: number }> {
    let names = 0;
    let exact = 0;
    for (const ex of rows) {
      const validator = new CallValidator(ex.tools);
      for (const answer of ex.answers) assert.ok(validator.check(answer).ok, `fixture answer invalid: ${JSON.stringify(answer)}`);
      const r = await (await fp32.bind(ex.tools)).route(ex.query);
      for (const call of r.calls) assert.ok(validator.check(call).ok, `routed call invalid: ${JSON.stringify(call)}`);
      if (r.calls.length === ex.answers.length && r.calls.every((c, i) => c.name === ex.answers[i].name)) names++;
      if (r.calls.length === ex.answers.length && r.calls.every((c, i) => sameCall(c, ex.answers[i]))) exact++;
    }
    return { names, exact };
  }

  it('routes the hand-written tool sets (not generated) above the floor', async () => {
    const rows = load('handwritten', 1000);
    const { names } = await scoreValidated(rows);
    // v6: 72 of 89 (80.9%); v5: 73 (82.0%); v4: 68 (76.4%)
    assert.ok(names / rows.length >= 0.76, `tool-name accuracy ${names}/${rows.length}`);
  });

  it('routes the hand-written development set above the floor (models/recipe/dev)', async () => {
    const rows = readFileSync(join(root, 'models/recipe/dev/handwritten-dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Fixture);
    const { exact } = await scoreValidated(rows);
    // the router rules of this stop took exact match from 172 to 194 of 279 (61.6 -> 69.5%)
    assert.ok(exact / rows.length >= 0.66, `exact match ${exact}/${rows.length}`);
  });

  it('runs several calls in the order they were said', async () => {
    // multi-call examples whose right tools come out in another order than said, per call order
    const rows = load('heldout_templates', 800).filter((ex) => ex.answers.length > 1).slice(0, 60);
    const misordered = { model: 0, mention: 0 };
    for (const order of ['model', 'mention'] as const) {
      for (const ex of rows) {
        const r = await (await fp32.bind(ex.tools, 4, undefined, order)).route(ex.query);
        const said = ex.answers.map((c) => c.name);
        const routed = r.calls.map((c) => c.name);
        if (routed.join() !== said.join() && [...routed].sort().join() === [...said].sort().join()) misordered[order]++;
      }
    }
    assert.ok(misordered.model > 0, 'the model alone keeps the order on these; pick harder examples');
    assert.ok(misordered.mention <= misordered.model / 2, `misordered: ${JSON.stringify(misordered)} of ${rows.length}`);
  });

  it('the int8 model agrees with fp32 on held-out tool families', async () => {
    const rows = load('heldout_families', 60);
    let same = 0;
    for (const ex of rows) {
      const a = await (await fp32.bind(ex.tools)).route(ex.query);
      const b = await (await int8.bind(ex.tools)).route(ex.query);
      if (a.calls.length === b.calls.length && a.calls.every((c, i) => sameCall(c, b.calls[i]))) same++;
    }
    assert.ok(same / rows.length >= 0.9, `int8 agrees with fp32 on ${same}/${rows.length}`);
  });

  it('answers [] for chit-chat and survives garbage text', async () => {
    const tools = load('heldout_templates', 1)[0].tools;
    const router = await fp32.bind(tools);
    for (const text of ['tell me a joke', '', '   ', 'ksjdf qpwoe zxcmv', '!!!???', 'a'.repeat(2000)]) {
      const r = await router.route(text);
      assert.ok(Array.isArray(r.calls));
    }
    assert.deepEqual((await router.route('tell me a joke')).calls, []);
  });

  it('does not act on chit-chat that names nothing of the offered tools (unsaid-tool confidence)', async () => {
    const tools: ToolSchema[] = [
      { name: 'start_scene', description: 'Activate a scene', parameters: { type: 'object', properties: { scene: { type: 'string', enum: ['away', 'movie_night', 'bedtime', 'party'] } }, required: ['scene'] } },
      { name: 'set_volume', description: 'Set the speaker volume in percent', parameters: { type: 'object', properties: { level: { type: 'integer', minimum: 0, maximum: 100 } }, required: ['level'] } },
      { name: 'intercom', description: 'Handle the door intercom', parameters: { type: 'object', properties: { command: { type: 'string', enum: ['answer', 'decline', 'unlock'] } }, required: ['command'] } },
    ];
    const router = await fp32.bind(tools);
    // v6 alone calls intercom(decline) at 0.89 on "who made you" and intercom(unlock) at 0.55 on "wait a second"
    for (const text of ['are you listening', 'wow', 'who made you', 'wait a second', 'is it friday yet', 'oops']) {
      const r = await router.route(text);
      assert.ok(r.calls.length === 0 || r.confidence < 0.5, `${text} -> ${JSON.stringify(r.calls)} at ${r.confidence.toFixed(2)}`);
    }
    const said = await router.route('activate the party scene');
    assert.deepEqual(said.calls, [{ name: 'start_scene', arguments: { scene: 'party' } }]);
    assert.ok(said.confidence >= 0.5);
  });

  it('does not run a duration said without a unit (a recogniser cut "two minutes" short)', async () => {
    const tools: ToolSchema[] = [
      { name: 'set_timer', description: 'Start a timer for a duration in seconds', parameters: { type: 'object', properties: {
        duration: { type: 'integer', minimum: 1, maximum: 7200, description: 'Duration in seconds' } }, required: ['duration'] } },
      { name: 'set_thermostat', description: 'Set the thermostat target temperature', parameters: { type: 'object', properties: {
        temperature: { type: 'integer', minimum: 10, maximum: 30 } }, required: ['temperature'] } },
    ];
    const router = await fp32.bind(tools);
    const cut = await router.route('start a timer for two');
    assert.ok(cut.calls.length === 0 || cut.confidence < 0.5, `${JSON.stringify(cut.calls)} at ${cut.confidence.toFixed(2)}`);
    const whole = await router.route('start a timer for two minutes');
    assert.deepEqual(whole.calls, [{ name: 'set_timer', arguments: { duration: 120 } }]);
    assert.ok(whole.confidence >= 0.5);
    // a number that is not a duration needs no unit
    const degrees = await router.route('set the thermostat to twenty two');
    assert.deepEqual(degrees.calls, [{ name: 'set_thermostat', arguments: { temperature: 22 } }]);
    assert.ok(degrees.confidence >= 0.5);
  });

  it('takes the tool whose own enum value the utterance names', async () => {
    const tools: ToolSchema[] = [
      { name: 'set_socket', description: 'Controls wall sockets and smart plugs', parameters: { type: 'object', properties: {
        name: { type: 'string', description: 'Appliance plugged in', enum: ['Router', 'Printer', 'Coffee Machine', 'Tv', 'Christmas Tree', 'Kettle'] },
        is_on: { type: 'boolean', description: 'Power state (true = on)' } }, required: ['name', 'is_on'] } },
      { name: 'PreheatOven', description: 'Preheat the oven to a temperature in degrees celsius', parameters: { type: 'object', properties: {
        temperature: { type: 'integer', minimum: 100, maximum: 250 } }, required: ['temperature'] } },
      { name: 'gasFire', description: 'Fireplace control', parameters: { type: 'object', properties: {
        Action: { type: 'string', description: 'on or off', enum: ['on', 'off'] } }, required: ['Action'] } },
    ];
    const router = await fp32.bind(tools);
    // v6 alone turns the fire off
    assert.deepEqual((await router.route('can you please turn off my kettle for me')).calls, [{ name: 'set_socket', arguments: { name: 'Kettle', is_on: false } }]);
    assert.deepEqual((await router.route('turn off the fire')).calls, [{ name: 'gasFire', arguments: { Action: 'off' } }]);
  });

  it('takes the number said with a unit, not the number of the device', async () => {
    const pump = await fp32.bind([{ name: 'pump1Speed', description: 'Sets pump state and speed (pump 1)', parameters: { type: 'object', properties: {
      speed: { type: 'integer', description: 'Pump speed percent' } }, required: [] } }]);
    // v6 alone takes the 1 of "pump one"
    assert.deepEqual((await pump.route('start the pump one at 66 percent would you')).calls, [{ name: 'pump1Speed', arguments: { speed: 66 } }]);
    const tv = await fp32.bind([{ name: 'set_channel', description: 'Change the TV channel', parameters: { type: 'object', properties: {
      channel: { type: 'integer', minimum: 1, maximum: 999 } }, required: ['channel'] } }]);
    assert.deepEqual((await tv.route('switch to channel 5')).calls, [{ name: 'set_channel', arguments: { channel: 5 } }]);
  });

  it('gives a place the words after "in the", and a number said with a unit to the number', async () => {
    const router = await fp32.bind([{ name: 'set_white_temperature', description: 'Adjust warm/cool white in K', parameters: { type: 'object', properties: {
      area: { type: 'string', description: 'The area of the house' }, color_temp: { type: 'integer', description: 'Kelvin 2000-6500' } }, required: ['area', 'color_temp'] } }]);
    // v6 alone answers area "4900", color_temp 100
    assert.deepEqual((await router.route('white temperature to four thousand nine hundred kelvin in the library')).calls,
      [{ name: 'set_white_temperature', arguments: { area: 'library', color_temp: 4900 } }]);
  });

  it('takes the sibling tool named for the side the utterance asks for', async () => {
    const router = await fp32.bind([
      { name: 'enable_focus_mode', description: 'On only. Do not disturb mode', parameters: { type: 'object', properties: { for: { type: 'integer', description: 'How long in seconds' } }, required: [] } },
      { name: 'disable_dnd', description: 'Performs "off". Silence announcements and notifications for a while', parameters: { type: 'object', properties: { duration: { type: 'integer', description: 'How long in seconds' } }, required: [] } },
      { name: 'CounterReset', description: 'Reset a production counter to zero', parameters: { type: 'object', properties: { counter: { type: 'string', enum: ['TICKETS', 'VISITORS'] } }, required: ['counter'] } },
    ]);
    // v6 alone enables focus mode
    assert.deepEqual((await router.route('switch off do not disturb')).calls, [{ name: 'disable_dnd', arguments: {} }]);
    assert.deepEqual((await router.route('turn on do not disturb')).calls, [{ name: 'enable_focus_mode', arguments: {} }]);
  });

  it('calls a tool the utterance names with one of its own values', async () => {
    const router = await fp32.bind([
      { name: 'setLight', description: 'Switch or dim a light', parameters: { type: 'object', properties: { room: { type: 'string', description: 'room name' },
        on: { type: 'boolean', description: 'true for on' }, level: { type: 'integer', description: 'brightness percent', minimum: 0, maximum: 100 } }, required: ['room', 'on'] } },
      { name: 'openBlinds', description: 'Open the blinds', parameters: { type: 'object', properties: { room: { type: 'string', description: 'room name' } }, required: ['room'] } },
      { name: 'addToShopping', description: 'Add an item to the shopping list', parameters: { type: 'object', properties: { item: { type: 'string', description: 'the item' } }, required: ['item'] } },
    ]);
    // v6 alone answers [] with confidence 1
    const result = await router.route('lights off in the hallway');
    assert.deepEqual(result.calls, [{ name: 'setLight', arguments: { room: 'hallway', on: false } }]);
    assert.ok(result.confidence >= 0.5, `confidence ${result.confidence}`);
    assert.deepEqual((await router.route('i love this song')).calls, []);
  });

  it('copies a free string to the end of what the utterance says for it', async () => {
    const tools: ToolSchema[] = [
      { name: 'add_todo', description: 'Add a task to the to-do list', parameters: { type: 'object', properties: {
        task: { type: 'string', description: 'The task' } }, required: ['task'] } },
      { name: 'set_volume', description: 'Set the speaker volume in percent', parameters: { type: 'object', properties: { level: { type: 'integer', minimum: 0, maximum: 100 } }, required: ['level'] } },
    ];
    const router = await fp32.bind(tools);
    // v6 alone stops after "renew"
    assert.deepEqual((await router.route('add renew passport to my to do list')).calls, [{ name: 'add_todo', arguments: { task: 'renew passport' } }]);
    // ...but not over a preposition: v6 with the extension rule alone answered "toothpaste on the"
    const text = (description: string): ToolSchema['parameters']['properties'][string] => ({ type: 'string', description });
    const hass = (name: string, description: string, properties: ToolSchema['parameters']['properties'] = {}, required: string[] = []): ToolSchema =>
      ({ name, description, parameters: { type: 'object', properties, required } });
    const shopping = await fp32.bind([
      hass('HassTurnOn', 'Turns on/opens a device or entity', { name: text('Name of a device or entity'), area: text('Name of an area') }),
      hass('HassTurnOff', 'Turns off/closes a device or entity', { name: text('Name of a device or entity'), area: text('Name of an area') }),
      hass('HassLightSet', 'Sets the brightness or color of a light', { area: text('Name of an area'), brightness: { type: 'integer', description: 'Brightness percentage', minimum: 0, maximum: 100 }, color: text('Color name') }),
      hass('HassStartTimer', 'Starts a timer', { seconds: { type: 'integer', description: 'Timer duration in seconds' }, name: text('Name of the timer') }),
      hass('HassShoppingListAddItem', 'Adds an item to the shopping list', { item: text('Item to add') }, ['item']),
      hass('HassGetWeather', 'Gets the current weather'),
      hass('HassNevermind', 'Does nothing; used to cancel a request'),
    ]);
    const toothpaste = (await shopping.route('put toothpaste on the shopping list')).calls;
    assert.deepEqual(toothpaste.find((c) => c.name === 'HassShoppingListAddItem')?.arguments, { item: 'toothpaste' });
    // every word of HassTurnOn's schema is generic, but its name says the state asked for: sure, not 0.55
    const porch = await shopping.route('turn on the porch light');
    assert.deepEqual(porch.calls, [{ name: 'HassTurnOn', arguments: { name: 'porch light' } }]);
    assert.ok(porch.confidence > 0.9, `confidence ${porch.confidence}`);
    // across a stopword to the next content word; a joiner ends it and the next call follows
    assert.deepEqual((await router.route('add call the plumber to my to do list')).calls, [{ name: 'add_todo', arguments: { task: 'call the plumber' } }]);
    assert.deepEqual((await router.route('add renew passport to my to do list and set the volume to ten')).calls,
      [{ name: 'add_todo', arguments: { task: 'renew passport' } }, { name: 'set_volume', arguments: { level: 10 } }]);
  });

  it("copies a name without the determiner and the tool's own words around it", async () => {
    const router = await fp32.bind([
      { name: 'playPlaylist', description: 'Play a playlist on the speakers', parameters: { type: 'object', properties: { playlist: { type: 'string', description: 'playlist name' } }, required: ['playlist'] } },
      { name: 'setTimer', description: 'Start a countdown timer', parameters: { type: 'object', properties: { seconds: { type: 'integer', description: 'duration in seconds' } }, required: ['seconds'] } },
    ]);
    // v6 alone answers "my chill" and "the workout"
    assert.deepEqual((await router.route('play my chill playlist')).calls, [{ name: 'playPlaylist', arguments: { playlist: 'chill' } }]);
    assert.deepEqual((await router.route('put on the workout playlist')).calls, [{ name: 'playPlaylist', arguments: { playlist: 'workout' } }]);
  });

  it('gives an unsaid number the top or the bottom of its range when the utterance asks for it', async () => {
    const router = await fp32.bind([
      { name: 'interior_lights', description: "Dim the van's interior lights", parameters: { type: 'object', properties: { zone: { type: 'string', enum: ['cab', 'galley', 'bed'] },
        brightness: { type: 'integer', description: 'percent', minimum: 0, maximum: 100 } }, required: ['zone', 'brightness'] } },
      { name: 'water_pump', description: 'Switch the fresh water pump', parameters: { type: 'object', properties: { state: { type: 'string', enum: ['on', 'off'] } }, required: ['state'] } },
    ]);
    // v6 alone gives 0
    assert.deepEqual((await router.route('cab lights full')).calls, [{ name: 'interior_lights', arguments: { zone: 'cab', brightness: 100 } }]);
    assert.deepEqual((await router.route('galley lights to the minimum')).calls, [{ name: 'interior_lights', arguments: { zone: 'galley', brightness: 0 } }]);
    // a required speed beside on/off: "stop" implies the bottom (v6 alone gives 100)
    const pump = await fp32.bind([{ name: 'pump', description: 'Turn a pump on or off or set its speed in percent', parameters: { type: 'object', properties: {
      pump: { type: 'string', description: 'Which pump', enum: ['pool', 'coolant', 'pump_1'] }, Level: { type: 'integer', description: 'Speed 0-100' },
      state: { type: 'string', description: 'on or off', enum: ['ON', 'OFF'] } }, required: ['pump', 'Level', 'state'] } }, router.tools[1]]);
    assert.deepEqual((await pump.route('stop the pool pump')).calls, [{ name: 'pump', arguments: { pump: 'pool', Level: 0, state: 'OFF' } }]);
    assert.deepEqual((await pump.route('run the coolant pump flat out')).calls, [{ name: 'pump', arguments: { pump: 'coolant', Level: 100, state: 'ON' } }]);
  });

  it('takes the tool whose numeric parameter the said unit belongs to', async () => {
    const plain = (name: string, description: string): ToolSchema => ({ name, description, parameters: { type: 'object', properties: {}, required: [] } });
    const router = await fp32.bind([
      plain('start_charging', 'Start charging the car'), plain('stop_charging', 'Stop charging the car'),
      { name: 'charge_limit', description: 'Set the charge limit', parameters: { type: 'object', properties: { percent: { type: 'integer', description: 'battery percent limit', minimum: 50, maximum: 100 } }, required: ['percent'] } },
      plain('car_battery', 'Current battery level of the car'),
      { name: 'precondition', description: 'Warm up or cool down the cabin before a trip', parameters: { type: 'object', properties: { temperature: { type: 'number', description: 'cabin temperature celsius' } }, required: [] } },
    ]);
    // v6 alone starts charging
    assert.deepEqual((await router.route('get the car to twenty degrees before i leave')).calls, [{ name: 'precondition', arguments: { temperature: 20 } }]);
  });

  it('invents no optional number the utterance does not say', async () => {
    const station = { type: 'integer', description: 'station number', minimum: 1, maximum: 12 } as const;
    const router = await fp32.bind([
      { name: 'station_start', description: 'Start a station on the assembly line', parameters: { type: 'object', properties: { station }, required: ['station'] } },
      { name: 'andon', description: 'Raise an andon alert', parameters: { type: 'object', properties: { station, reason: { type: 'string', enum: ['quality', 'material', 'maintenance', 'safety'] } }, required: ['reason'] } },
    ]);
    // v6 alone answers station 12, the range's top
    assert.deepEqual((await router.route('we need maintenance')).calls, [{ name: 'andon', arguments: { reason: 'maintenance' } }]);
  });

  it('turns a device on when the utterance gives it a level and no state', async () => {
    const router = await fp32.bind([
      { name: 'barn_fans', description: 'Ventilation fans in the barn', parameters: { type: 'object', properties: { state: { type: 'string', enum: ['on', 'off'] },
        speed: { type: 'integer', description: 'percent', minimum: 0, maximum: 100 } }, required: ['state'] } },
      { name: 'barn_door', description: 'Open or close the main barn door', parameters: { type: 'object', properties: { action: { type: 'string', enum: ['open', 'close'] } }, required: ['action'] } },
      { name: 'feeder', description: 'Run the feed auger for a number of seconds', parameters: { type: 'object', properties: { seconds: { type: 'integer', description: 'run time in seconds', minimum: 1, maximum: 600 } }, required: ['seconds'] } },
    ]);
    // v6 alone answers state off
    assert.deepEqual((await router.route('barn fans to sixty percent')).calls, [{ name: 'barn_fans', arguments: { state: 'on', speed: 60 } }]);
  });

  it('starts a device the utterance names with no state, unless it asks for an end', async () => {
    const router = await fp32.bind([
      { name: 'set_colour', description: 'Set the light color', parameters: { type: 'object', properties: { location: { type: 'string', enum: ['bedroom', 'kitchen', 'basement'] },
        color_name: { type: 'string', enum: ['pink', 'white', 'orange'] } }, required: ['location', 'color_name'] } },
      { name: 'GasFire', description: 'Fireplace control', parameters: { type: 'object', properties: { power: { type: 'string', enum: ['on', 'off'] } }, required: ['power'] } },
      { name: 'cleanerControl', description: 'Control the robot vacuum: start, stop or return to dock', parameters: { type: 'object', properties: {
        command: { type: 'string', enum: ['stop', 'pause', 'return_to_dock', 'start'] }, location: { type: 'string', enum: ['bathroom', 'basement', 'laundry', 'hallway'] } }, required: ['command', 'location'] } },
    ]);
    // v7 alone answers return_to_dock: the vacuum family is one it never saw
    assert.deepEqual((await router.route('please vacuum the basement')).calls, [{ name: 'cleanerControl', arguments: { command: 'start', location: 'basement' } }]);
    assert.deepEqual((await router.route('fireplace out please')).calls, [{ name: 'GasFire', arguments: { power: 'off' } }]);
  });

  it("gives a level its top or bottom when the only number said is the device's", async () => {
    const router = await fp32.bind([
      { name: 'pump_control', description: 'Run a pump at a speed', parameters: { type: 'object', properties: { pump_id: { type: 'string', enum: ['pump_1', 'pump_2', 'sump'] },
        percent: { type: 'integer', description: 'speed in percent', minimum: 0, maximum: 100 } }, required: ['pump_id', 'percent'] } },
      { name: 'write_pin', description: 'Set a GPIO pin high or low', parameters: { type: 'object', properties: { gpio: { type: 'integer', minimum: 0, maximum: 40 },
        output: { type: 'string', enum: ['HIGH', 'LOW'] } }, required: ['gpio', 'output'] } },
    ]);
    // v7 alone gives the pump's own number as its speed
    assert.deepEqual((await router.route('stop the pump two')).calls, [{ name: 'pump_control', arguments: { pump_id: 'pump_2', percent: 0 } }]);
    assert.deepEqual((await router.route('run the pump one flat out')).calls, [{ name: 'pump_control', arguments: { pump_id: 'pump_1', percent: 100 } }]);
    // a pin's number is the parameter itself
    assert.deepEqual((await router.route('turn off pin seventeen')).calls, [{ name: 'write_pin', arguments: { gpio: 17, output: 'LOW' } }]);
  });

  it('gives an open place the noun its clause says after "the"', async () => {
    const router = await fp32.bind([
      { name: 'robot_vacuum', description: 'Control the robot vacuum', parameters: { type: 'object', properties: { action: { type: 'string', enum: ['start', 'stop', 'pause'] },
        area: { type: 'string', description: 'room to clean' } }, required: ['action'] } },
      { name: 'current_time', description: 'Tell the time', parameters: { type: 'object', properties: { zone: { type: 'string', description: 'time zone or place' } } } },
    ]);
    assert.deepEqual((await router.route('stop vacuuming the garden')).calls, [{ name: 'robot_vacuum', arguments: { action: 'stop', area: 'garden' } }]);
    assert.deepEqual((await router.route('what time is it')).calls, [{ name: 'current_time', arguments: {} }]);
    // "hoover" is the vacuum (a related word), not where it cleans
    assert.deepEqual((await router.route('start the hoover')).calls, [{ name: 'robot_vacuum', arguments: { action: 'start' } }]);
  });

  it("does not start a name at the clause's verb where only a related word of the tool says it", async () => {
    const phone = await fp32.bind([
      { name: 'dial', description: 'Phone someone', parameters: { type: 'object', properties: { who: { type: 'string' }, speaker: { type: 'boolean' } }, required: ['who'] } },
      { name: 'write_pin', description: 'Set a GPIO pin', parameters: { type: 'object', properties: { GpioPin: { type: 'integer' }, value: { type: 'string', enum: ['ON', 'OFF'] } }, required: ['GpioPin', 'value'] } },
    ]);
    // v7 alone answers who: "call grandma" ("call" is related to "phone")
    assert.deepEqual((await phone.route('call grandma')).calls, [{ name: 'dial', arguments: { who: 'grandma' } }]);
  });

  it('does not count a tool as said for its start or stop alone', async () => {
    const router = await fp32.bind([
      { name: 'washing_machine', description: 'Washing machine control', parameters: { type: 'object', properties: { command: { type: 'string', enum: ['START', 'PAUSE', 'STOP'] },
        program: { type: 'string', enum: ['cotton', 'delicate', 'quick'] } }, required: ['command'] } },
      { name: 'kitchenTimer', description: 'Start a countdown timer', parameters: { type: 'object', properties: { time: { type: 'integer' } }, required: ['time'] } },
    ]);
    // a request for a gate no tool controls: v7 stops the washing machine; the answer stays under the threshold
    const gate = await router.route('uh can you stop the side gate');
    assert.ok(gate.calls.length === 0 || gate.confidence < 0.5, `${JSON.stringify(gate.calls)} at ${gate.confidence}`);
    assert.deepEqual((await router.route('stop the washing machine')).calls, [{ name: 'washing_machine', arguments: { command: 'STOP' } }]);
  });

  it('does not end a call before the number said with its unit', async () => {
    const router = await fp32.bind([
      { name: 'set_light', description: 'Turn a light on or off, optionally at a brightness in percent', parameters: { type: 'object', properties: {
        room: { type: 'string', enum: ['kitchen', 'living_room', 'bedroom', 'hallway'], description: 'Which room' }, state: { type: 'string', enum: ['on', 'off'], description: 'On or off' },
        brightness: { type: 'integer', minimum: 0, maximum: 100, description: 'Brightness in percent' } }, required: ['room', 'state'] } },
      { name: 'play_media', description: 'Play, pause or stop music in a room', parameters: { type: 'object', properties: {
        action: { type: 'string', enum: ['play', 'pause', 'stop'] }, room: { type: 'string', enum: ['kitchen', 'living_room', 'bedroom'] } }, required: ['action'] } },
    ]);
    // v7 alone ends the call after the state (the default configuration's light)
    assert.deepEqual((await router.route('dim the bedroom to twenty percent')).calls, [{ name: 'set_light', arguments: { room: 'bedroom', state: 'on', brightness: 20 } }]);
    assert.deepEqual((await router.route('bedroom lights at half brightness')).calls, [{ name: 'set_light', arguments: { room: 'bedroom', state: 'on', brightness: 50 } }]);
    assert.deepEqual((await router.route('turn on the bedroom light')).calls, [{ name: 'set_light', arguments: { room: 'bedroom', state: 'on' } }]);
  });

  it("reads each call's enum value in its own clause when several are said", async () => {
    const tools = (parse(DEFAULT_CONFIG_YAML) as { tools: Array<ToolSchema & { parameters?: ToolSchema['parameters'] }> }).tools
      .map((t) => ({ name: t.name, description: t.description, parameters: t.parameters ?? { type: 'object' as const, properties: {} } }));
    const router = await fp32.bind(tools);
    // the music's room had been the light's living_room
    assert.deepEqual((await router.route('turn the living room light off and play some music in the kitchen')).calls, [
      { name: 'set_light', arguments: { room: 'living_room', state: 'off' } }, { name: 'play_media', arguments: { action: 'play', room: 'kitchen' } }]);
    // one call (the heater) before
    assert.deepEqual((await router.route('switch on the fan and the heater')).calls, [
      { name: 'switch_plug', arguments: { plug: 'fan', state: 'on' } }, { name: 'switch_plug', arguments: { plug: 'heater', state: 'on' } }]);
  });

  it('gives a number said before one of the tool\'s values to its count', async () => {
    const router = await fp32.bind([
      { name: 'brew_coffee', description: 'Make a coffee drink', parameters: { type: 'object', properties: {
        drink: { type: 'string', enum: ['espresso', 'latte', 'cappuccino'] }, cups: { type: 'integer', minimum: 1, maximum: 6 } }, required: ['drink'] } },
      { name: 'set_light', description: 'Turn a light on or off', parameters: { type: 'object', properties: {
        room: { type: 'string', enum: ['kitchen', 'bedroom'] }, state: { type: 'string', enum: ['on', 'off'] } }, required: ['room', 'state'] } },
    ]);
    // the model alone stopped after the drink
    assert.deepEqual((await router.route('brew us three espresso')).calls, [{ name: 'brew_coffee', arguments: { drink: 'espresso', cups: 3 } }]);
    assert.deepEqual((await router.route('make me a latte')).calls, [{ name: 'brew_coffee', arguments: { drink: 'latte' } }]);
  });

  it('does not call a tool that does the opposite of what is asked', async () => {
    const router = await fp32.bind([
      { name: 'StartVacuum', description: 'Start the robot vacuum', parameters: { type: 'object', properties: {} } },
      { name: 'set_light', description: 'Turn a light on or off', parameters: { type: 'object', properties: {
        room: { type: 'string', enum: ['kitchen', 'bedroom'] }, state: { type: 'string', enum: ['on', 'off'] } }, required: ['room', 'state'] } },
    ]);
    // the model alone started the vacuum
    assert.deepEqual((await router.route('stop the robot vacuum')).calls, []);
    assert.deepEqual((await router.route('start the robot vacuum')).calls, [{ name: 'StartVacuum', arguments: {} }]);
  });

  it('drops a stray call that invents the number of a device nobody named, and a label that names nothing', async () => {
    const router = await fp32.bind(exampleConfigTools());
    // v7 answered stop_conveyor(line 1) first, and the answer's confidence (0.15) stopped both calls
    const music = await router.route('stop the music in the living room');
    assert.deepEqual(music.calls, [{ name: 'play_media', arguments: { action: 'stop', room: 'living_room' } }]);
    assert.ok(music.confidence > 0.5, String(music.confidence));
    assert.deepEqual((await router.route('stop conveyor two')).calls, [{ name: 'stop_conveyor', arguments: { line: 2 } }]);
    // the label had been "seconds" (the unit of the 600 seconds the minutes took), said as "ten minutes"
    assert.deepEqual((await router.route('set a timer for ten minutes')).calls, [{ name: 'set_timer', arguments: { minutes: 10 } }]);
    assert.deepEqual((await router.route('timer twenty five minutes for the pizza')).calls, [{ name: 'set_timer', arguments: { minutes: 25, label: 'pizza' } }]);
    // a label of only the tool's own words or a state word names no timer (had been "the timer", "stop")
    assert.deepEqual((await router.route('cancel the timer')).calls, [{ name: 'cancel_timer', arguments: {} }]);
    assert.deepEqual((await router.route('stop the timer')).calls, [{ name: 'cancel_timer', arguments: {} }]);
    assert.deepEqual((await router.route('cancel the pasta timer')).calls, [{ name: 'cancel_timer', arguments: { label: 'pasta' } }]);
  });

  it('reads a comparative and an opening against the example configuration', async () => {
    const router = await fp32.bind(exampleConfigTools());
    // v8 alone set the pump to 80 at 0.55: "brighter" is a form of the light's own "brightness"
    assert.deepEqual((await router.route('can you make the living room a bit brighter like eighty percent')).calls,
      [{ name: 'set_light', arguments: { room: 'living_room', state: 'on', brightness: 80 } }]);
    // v8 alone gave position 0: opening implies the top of the range
    assert.deepEqual((await router.route('open the bedroom blinds')).calls, [{ name: 'set_blinds', arguments: { room: 'bedroom', position: 100 } }]);
    // the blinds are only for the living room and the bedroom: closing "the kitchen blinds" had closed
    // the living room's at 0.997; now it does not run at the daemon's threshold
    const kitchen = await router.route('close the kitchen blinds');
    assert.ok(kitchen.confidence < 0.5, `${JSON.stringify(kitchen.calls)} at ${kitchen.confidence}`);
    // another name of a configured room is that room, and a place another call takes is not a stray
    const lounge = await router.route('close the lounge blinds');
    assert.deepEqual(lounge.calls, [{ name: 'set_blinds', arguments: { room: 'living_room', position: 0 } }]);
    assert.ok(lounge.confidence >= 0.5, String(lounge.confidence));
  });

  it('does not act on a remark or a fault report about a configured device', async () => {
    const router = await fp32.bind(exampleConfigTools());
    // v8 switched the kitchen light on at 1.00 for this
    const remark = await router.route('the kitchen light is lovely');
    assert.ok(remark.confidence < 0.5, `${JSON.stringify(remark.calls)} at ${remark.confidence}`);
    // nor on a fault report: a broken light is not one to switch on (v8: on at 0.998)
    // nor on a room the media tool does not offer, its room left out (v8: played at 0.998)
    const garage = await router.route('play the news on the radio in the garage');
    assert.ok(garage.confidence < 0.5, `${JSON.stringify(garage.calls)} at ${garage.confidence}`);
    const broken = await router.route('the light in the bedroom is broken');
    assert.ok(broken.confidence < 0.5, `${JSON.stringify(broken.calls)} at ${broken.confidence}`);
    const command = await router.route('the kitchen light is too dim turn it on');
    assert.deepEqual(command.calls, [{ name: 'set_light', arguments: { room: 'kitchen', state: 'on' } }]);
    assert.ok(command.confidence >= 0.5, String(command.confidence));
  });

  it('does not act on a question about the assistant itself', async () => {
    const router = await fp32.bind([
      { name: 'cell_robot', description: 'Run a program on the robot cell', parameters: { type: 'object', properties: { program: { type: 'string', description: 'Program to run', enum: ['park', 'pick', 'weld'] } }, required: ['program'] } },
      { name: 'set_light', description: 'Switch a light', parameters: { type: 'object', properties: { room: { type: 'string', enum: ['kitchen', 'hall'] }, state: { type: 'string', enum: ['on', 'off'] } }, required: ['room', 'state'] } },
    ]);
    // v8 parked a robot cell at 1.00 for this on a fresh held-out set
    const small = await router.route('are you a robot');
    assert.ok(small.confidence < 0.5, `${JSON.stringify(small.calls)} at ${small.confidence}`);
    const command = await router.route('park the robot');
    assert.deepEqual(command.calls, [{ name: 'cell_robot', arguments: { program: 'park' } }]);
    assert.ok(command.confidence >= 0.5, String(command.confidence));
  });

  it('picks the camera of a place said by another of its names', async () => {
    const router = await fp32.bind([
      { name: 'camera_snapshot', description: 'Take a snapshot from a security camera', parameters: { type: 'object', properties: { camera: { type: 'string', description: 'Camera to capture', enum: ['nursery', 'garage', 'front_door', 'backyard'] } }, required: ['camera'] } },
    ]);
    // v8 had answered backyard for "baby room" on a fresh held-out set
    const baby = await router.route('snapshot baby room');
    assert.deepEqual(baby.calls, [{ name: 'camera_snapshot', arguments: { camera: 'nursery' } }]);
    const garden = await router.route('show me the back garden camera');
    assert.deepEqual(garden.calls, [{ name: 'camera_snapshot', arguments: { camera: 'backyard' } }]);
  });

  it('calls the tool that takes a measure said with its unit instead of one that takes no number', async () => {
    const room = { type: 'string' as const, enum: ['freezer', 'chiller', 'blast'] };
    const router = await fp32.bind([
      { name: 'set_setpoint', description: "Set a cold room's temperature setpoint", parameters: { type: 'object', properties: { room, temperature: { type: 'number', description: 'degrees celsius' } }, required: ['room', 'temperature'] } },
      { name: 'start_defrost', description: 'Start a defrost cycle', parameters: { type: 'object', properties: { room }, required: ['room'] } },
      { name: 'acknowledge_alarm', description: 'Acknowledge and silence the active alarm', parameters: { type: 'object', properties: {} } },
    ]);
    // v8 had started a defrost at 0.96
    const r = await router.route('chiller to three degrees');
    assert.deepEqual(r.calls, [{ name: 'set_setpoint', arguments: { room: 'chiller', temperature: 3 } }]);
  });

  it('gives an optional number said right after its parameter\'s name', async () => {
    const router = await fp32.bind([
      { name: 'free_spaces', description: 'Report the number of free spaces on a level', parameters: { type: 'object', properties: { level: { type: 'integer', description: 'level number', minimum: -2, maximum: 4 } }, required: [] } },
      { name: 'open_barrier', description: 'Raise a car park barrier', parameters: { type: 'object', properties: { lane: { type: 'string', enum: ['entry', 'exit'] } }, required: ['lane'] } },
    ]);
    // v8 had left the level out
    const r = await router.route('how many spaces are free on level two');
    assert.deepEqual(r.calls, [{ name: 'free_spaces', arguments: { level: 2 } }]);
  });

  it('does not switch the device of one place for a command about another place', async () => {
    const router = await fp32.bind([
      { name: 'hallway_light', description: 'Switch the hallway light', parameters: { type: 'object', properties: { state: { type: 'string', enum: ['on', 'off'] } }, required: ['state'] } },
      { name: 'setKelvin', description: 'Set the colour temperature of a light', parameters: { type: 'object', properties: { room: { type: 'string', enum: ['attic', 'office'] }, kelvin: { type: 'integer' } }, required: ['room', 'kelvin'] } },
    ]);
    // v8 had switched the hallway light on at 0.999
    const garage = await router.route('turn on the garage light');
    assert.ok(garage.confidence < 0.5, `${JSON.stringify(garage.calls)} at ${garage.confidence}`);
    const hall = await router.route('hallway light on');
    assert.deepEqual(hall.calls, [{ name: 'hallway_light', arguments: { state: 'on' } }]);
    assert.ok(hall.confidence >= 0.5, String(hall.confidence));
  });

  it("takes no free string from a clause that says nothing of the call's tool", async () => {
    const router = await fp32.bind([
      { name: 'CreateAlarm', description: 'Set an alarm for a time of day (HH:MM)', parameters: { type: 'object', properties: { time: { type: 'string', description: 'When the alarm rings' }, title: { type: 'string', description: 'Optional alarm label' }, repeat: { type: 'string', description: 'Repeat schedule', enum: ['thursday', 'weekends', 'monday', 'weekdays', 'every_day'] } }, required: ['time'] } },
      { name: 'callStaff', description: 'Pages staff to a counter', parameters: { type: 'object', properties: { department: { type: 'string', description: 'Area or counter', enum: ['kiosk', 'entrance', 'electronics', 'fitting_rooms', 'checkout'] }, Message: { type: 'string', description: 'Optional reason' } }, required: ['department'] } },
      { name: 'api_relay_1_pin', description: 'Digital output write (relay 1)', parameters: { type: 'object', properties: { gpio_pin: { type: 'integer', description: 'Pin 2-27' }, level: { type: 'string', description: 'Output level', enum: ['HIGH', 'LOW'] } }, required: ['gpio_pin', 'level'] } },
      { name: 'set_white_temperature', description: 'Adjust warm/cool white in K', parameters: { type: 'object', properties: { area: { type: 'string', description: 'Room where the device is', enum: ['Garage', 'Kids Room', 'Office', 'Basement', 'Bedroom', 'Bathroom', 'Living Room'] }, kelvin: { type: 'integer', description: 'Colour temperature in kelvin' } }, required: ['area', 'kelvin'] } },
      { name: 'setLight', description: 'Turn a light on or off', parameters: { type: 'object', properties: { area: { type: 'string', description: 'Room where the device is', enum: ['guest_room', 'porch', 'attic', 'bathroom', 'kitchen', 'garden', 'garage', 'basement', 'kids_room', 'hallway'] }, value: { type: 'string', description: 'Desired power state', enum: ['turn_on', 'turn_off'] } }, required: ['area', 'value'] } },
    ]);
    // v8 had paged staff with the reason "lounge", the place of the light's clause
    const r = await router.route('white temperature to five thousand nine hundred kelvin in the lounge also call an assistant to this kiosk');
    assert.deepEqual(r.calls, [
      { name: 'set_white_temperature', arguments: { area: 'Living Room', kelvin: 5900 } },
      { name: 'callStaff', arguments: { department: 'kiosk' } },
    ]);
  });

  it('leaves out an optional place the utterance says nothing of', async () => {
    const router = await fp32.bind([
      { name: 'inventory', description: 'Inventory lookup', parameters: { type: 'object', properties: { item: { type: 'string', description: 'Item to look up' }, location: { type: 'string', description: 'Which stock location', enum: ['Main', 'North', 'Shop Floor'] } }, required: ['item'] } },
      { name: 'add_grocery', description: 'Add an item to the shopping list', parameters: { type: 'object', properties: { name: { type: 'string', description: 'Item to add' }, quantity: { type: 'integer', description: 'Quantity' } }, required: ['name'] } },
    ]);
    // v8 had looked in the North location
    assert.deepEqual((await router.route('stock for lentils')).calls, [{ name: 'inventory', arguments: { item: 'lentils' } }]);
    // said by one of its words: kept
    assert.deepEqual((await router.route('stock for lentils in the north depot')).calls, [{ name: 'inventory', arguments: { item: 'lentils', location: 'North' } }]);
  });

  it("calls a tool whose own value and schema word the utterance says, the model's [] aside", async () => {
    const router = await fp32.bind([
      { name: 'stack_light', description: 'Signal tower control', parameters: { type: 'object', properties: { state: { type: 'string', description: 'Light colour', enum: ['BLUE', 'GREEN'] }, Station: { type: 'string', description: 'Which station', enum: ['station_2', 'packing'] } }, required: ['state', 'Station'] } },
      { name: 'cleanerControl', description: 'Control the robot vacuum: start, stop or return to dock', parameters: { type: 'object', properties: { action: { type: 'string', description: 'start, stop, pause or dock', enum: ['pause', 'return_to_dock', 'stop', 'start'] }, room: { type: 'string', description: 'The area of the house', enum: ['garage', 'living_room', 'bathroom', 'basement'] } }, required: ['action', 'room'] } },
    ]);
    // v8 had answered [] at 0.89: it never saw a vacuum
    assert.deepEqual((await router.route('clean the basement')).calls, [{ name: 'cleanerControl', arguments: { action: 'start', room: 'basement' } }]);
  });

  it("gives a call the number said in its own clause", async () => {
    const router = await fp32.bind([
      { name: 'hass_set_thermostat_laundry_3', description: 'Adjust the thermostat (laundry room)', parameters: { type: 'object', properties: { temperature: { type: 'integer', description: 'Setpoint', minimum: 15, maximum: 28 } }, required: ['temperature'] } },
      { name: 'light_set', description: 'Adjust light attributes', parameters: { type: 'object', properties: { room: { type: 'string', description: 'Which room', enum: ['nursery', 'bathroom', 'porch', 'garden', 'guest room'] }, level: { type: 'integer', description: 'Brightness in percent' }, colour: { type: 'string', description: 'Colour name', enum: ['white', 'green', 'blue', 'purple', 'orange', 'yellow', 'warm_white', 'pink'] } }, required: [] } },
      { name: 'equipment_status', description: 'Query the state of a machine (running, idle, fault)', parameters: { type: 'object', properties: { station: { type: 'string', description: 'Which machine', enum: ['packer', 'compressor', 'oven', 'lathe', 'boiler', 'cnc-mill', 'robot-arm'] } }, required: ['station'] } },
      { name: 'clock', description: 'Get the current time', parameters: { type: 'object', properties: { place: { type: 'string', description: 'City or timezone (default local)' } }, required: [] } },
      { name: 'thermostat_hallway_2', description: 'Set the target temperature of the thermostat (hallway)', parameters: { type: 'object', properties: { target: { type: 'integer', description: 'Setpoint' } }, required: ['target'] } },
    ]);
    // v8 had set the thermostat to 20 and the light to 19
    const r = await router.route('20% brightness in the backyard and then heat up the hallway to 19');
    assert.deepEqual(r.calls, [
      { name: 'light_set', arguments: { room: 'garden', level: 20 } },
      { name: 'thermostat_hallway_2', arguments: { target: 19 } },
    ]);
  });

  it('names a timer or an alarm by what it is for', async () => {
    const router = await fp32.bind([
      { name: 'HassTurnOn', description: 'Turns on/opens a device or entity', parameters: { type: 'object', properties: { name: { type: 'string', description: 'Name of a device or entity' }, area: { type: 'string', description: 'Name of an area' } }, required: [] } },
      { name: 'HassStartTimer', description: 'Starts a timer', parameters: { type: 'object', properties: { seconds: { type: 'integer', description: 'Timer duration in seconds' }, name: { type: 'string', description: 'Name of the timer' } }, required: [] } },
      { name: 'HassShoppingListAddItem', description: 'Adds an item to the shopping list', parameters: { type: 'object', properties: { item: { type: 'string', description: 'Item to add' } }, required: ['item'] } },
      { name: 'HassGetWeather', description: 'Gets the current weather', parameters: { type: 'object', properties: { city: { type: 'string', description: 'Name of the city' } }, required: [] } },
    ]);
    // v8 had started an unnamed timer
    assert.deepEqual((await router.route('start a ten minute timer for the eggs')).calls, [{ name: 'HassStartTimer', arguments: { seconds: 600, name: 'eggs' } }]);
    // "for" a time says when, not what for
    assert.deepEqual((await router.route("what's the weather for today")).calls, [{ name: 'HassGetWeather', arguments: {} }]);
  });

  it('gives a number parameter still to come the number said, not a free string before it', async () => {
    const router = await fp32.bind([
      { name: 'set_color_temperature', description: 'Set the white colour temperature of a light in kelvin', parameters: { type: 'object', properties: { location: { type: 'string', description: 'The area of the house' }, color_temp: { type: 'integer', description: 'Colour temperature in kelvin' } }, required: ['color_temp'] } },
      { name: 'list_events', description: 'Read the agenda', parameters: { type: 'object', properties: { date: { type: 'string', description: 'Which day', enum: ['weekend', 'today', 'friday', 'monday', 'tomorrow'] } }, required: ['date'] } },
    ]);
    // v8 had given the location "4400" and the colour temperature 0
    assert.deepEqual((await router.route('Color temperature 4400')).calls, [{ name: 'set_color_temperature', arguments: { color_temp: 4400 } }]);
  });

  it("gives no parameter a number said with a measure's unit it does not take", async () => {
    const router = await fp32.bind([
      { name: 'cell_robot', description: 'Send the robot arm to a position or program', parameters: { type: 'object', properties: { program: { type: 'string', description: 'Program to run', enum: ['park', 'pick place', 'palletize', 'calibrate'] }, Speed: { type: 'integer', description: 'Speed override percent' } }, required: ['program'] } },
      { name: 'SetSpindleRpm', description: 'Change spindle or drive speed (rpm)', parameters: { type: 'object', properties: { drive: { type: 'string', description: 'Which motor', enum: ['main-drive', 'fan-motor', 'spindle', 'motor-2'] }, TargetRpm: { type: 'integer', description: 'Target speed in rpm' } }, required: ['TargetRpm'] } },
      { name: 'lockDoorLock', description: 'Smart door lock control: lock', parameters: { type: 'object', properties: { which_door: { type: 'string', description: 'Which lock', enum: ['Garage Door', 'Back Door', 'Patio Door'] } }, required: [] } },
    ]);
    // v8 had given the robot's speed override (percent) the 3350 rpm and the spindle 0
    const r = await router.route('Robot run palletize and then speed three thousand three hundred fifty rpm');
    assert.deepEqual(r.calls, [{ name: 'cell_robot', arguments: { program: 'palletize' } }, { name: 'SetSpindleRpm', arguments: { TargetRpm: 3350 } }]);
  });

  it('holds a command to change a device answered only by a tool that tells something', async () => {
    const router = await fp32.bind([
      { name: 'getEnergy', description: 'How much electricity was used in a period', parameters: { type: 'object', properties: { timeframe: { type: 'string', description: 'Reporting period', enum: ['this_month', 'today'] } }, required: ['timeframe'] } },
      { name: 'security_system', description: 'Security system control', parameters: { type: 'object', properties: { Command: { type: 'string', description: 'arm or disarm', enum: ['armed', 'disarmed'] }, mode: { type: 'string', description: 'away, home or night', enum: ['AWAY', 'HOME', 'NIGHT'] } }, required: ['Command', 'mode'] } },
      { name: 'DiningRoomColor', description: 'Set the light color (dining room)', parameters: { type: 'object', properties: { color_name: { type: 'string', description: 'Target color', enum: ['white', 'cyan', 'warm_white', 'yellow', 'green', 'purple'] } }, required: ['color_name'] } },
      { name: 'tank_level', description: 'Report how full a tank or silo is, in percent', parameters: { type: 'object', properties: { tank: { type: 'string', description: 'Which tank', enum: ['resin', 'silo_1', 'diesel', 'water', 'coolant'] } }, required: ['tank'] } },
      { name: 'PumpTurnOff', description: 'Off only. Sets pump state and speed', parameters: { type: 'object', properties: { pump_id: { type: 'string', description: 'Which pump', enum: ['Pool', 'Pump 2', 'Sump'] }, percent: { type: 'integer', description: 'Pump speed percent' } }, required: ['pump_id'] } },
      { name: 'security_alarm', description: 'Security system control', parameters: { type: 'object', properties: { armed: { type: 'boolean', description: 'Whether the alarm is armed' } }, required: ['armed'] } },
    ]);
    // v8 had read the coolant tank at 1.00: no tool runs the coolant pump
    const r = await router.route('Run the coolant pump at full speed?');
    assert.ok(r.calls.length === 0 || r.confidence < 0.5, `${JSON.stringify(r.calls)} at ${r.confidence}`);
    // asked as a question, the reading is what is wanted
    const level = await router.route('how full is the coolant tank');
    assert.deepEqual(level.calls, [{ name: 'tank_level', arguments: { tank: 'coolant' } }]);
    assert.ok(level.confidence >= 0.5, String(level.confidence));
  });

  it('puts a call on the loudspeaker or the handset as asked', async () => {
    const router = await fp32.bind([
      { name: 'show_screen', description: 'Show a page on the kiosk screen', parameters: { type: 'object', properties: { screen: { type: 'string', description: 'Which screen', enum: ['help', 'menu', 'home', 'prices', 'map', 'opening_hours'] } }, required: ['screen'] } },
      { name: 'PhoneCall', description: 'Start a voice call to a contact', parameters: { type: 'object', properties: { contact: { type: 'string', description: 'Who to call' }, loudspeaker: { type: 'boolean', description: 'Put the call on the loudspeaker' } }, required: ['contact'] } },
      { name: 'plug_power', description: 'Switch a power outlet', parameters: { type: 'object', properties: { outlet: { type: 'string', description: 'Appliance plugged in', enum: ['printer', 'kettle', 'washing_machine'] }, power: { type: 'string', description: 'on or off', enum: ['On', 'Off'] } }, required: ['outlet', 'power'] } },
    ]);
    // v8 had left the loudspeaker flag out
    assert.deepEqual((await router.route('call sarah on speaker')).calls, [{ name: 'PhoneCall', arguments: { contact: 'sarah', loudspeaker: true } }]);
    assert.deepEqual((await router.route('call sarah on the handset')).calls, [{ name: 'PhoneCall', arguments: { contact: 'sarah', loudspeaker: false } }]);
    assert.deepEqual((await router.route('call sarah')).calls, [{ name: 'PhoneCall', arguments: { contact: 'sarah' } }]);
  });

  it('gives the whole number plate said', async () => {
    const router = await fp32.bind([
      { name: 'parking_payment', description: 'Pay for parking by number plate for a while', parameters: { type: 'object', properties: { vehicle: { type: 'string', description: 'Number plate' } }, required: ['vehicle'] } },
    ]);
    // v8 had paid for "lm09"
    const r = await router.route("i'm parked outside registration lm09 pqr");
    assert.deepEqual(r.calls, [{ name: 'parking_payment', arguments: { vehicle: 'lm09 pqr' } }]);
  });

  it('reads a value said as one word of letters and digits ("fv3")', async () => {
    const router = await fp32.bind([
      { name: 'set_fermenter_temp', description: "Set a fermenter's target temperature", parameters: { type: 'object', properties: { fermenter: { type: 'string', enum: ['fv1', 'fv2', 'fv3'] }, celsius: { type: 'number', description: 'target in degrees celsius' } }, required: ['fermenter', 'celsius'] } },
      { name: 'glycol_chiller', description: 'Switch the glycol chiller', parameters: { type: 'object', properties: { power: { type: 'string', enum: ['on', 'off'] } }, required: ['power'] } },
    ]);
    // v8 had set fv1: the schema's "fv3" reads as "fv 3", the utterance's as one word
    const r = await router.route('chiller on and set fv3 to twelve degrees');
    assert.deepEqual(r.calls, [{ name: 'glycol_chiller', arguments: { power: 'on' } }, { name: 'set_fermenter_temp', arguments: { fermenter: 'fv3', celsius: 12 } }]);
  });

  it('starts no free string at the words of an enum value the call has taken, nor keeps one of fillers', async () => {
    const router = await fp32.bind([
      { name: 'callAttendant', description: 'Request assistance from an employee', parameters: { type: 'object', properties: { counter: { type: 'string', description: 'Area or counter', enum: ['self_checkout', 'entrance', 'kiosk', 'garden_center', 'fitting_rooms'] }, message: { type: 'string', description: 'Optional reason' } }, required: ['counter'] } },
    ]);
    // v8 had given the reason "garden" on a fresh held-out set
    const help = await router.route('help at garden center');
    assert.deepEqual(help.calls, [{ name: 'callAttendant', arguments: { counter: 'garden_center' } }]);
    // nor is an optional one kept that says only filler words (v8: reason "ahead")
    const ahead = await router.route('go ahead and i need help at garden center');
    assert.deepEqual(ahead.calls, [{ name: 'callAttendant', arguments: { counter: 'garden_center' } }]);
    // nor one that is a recogniser's "too" for "to" (v8: reason "too")
    const too = await router.route('right get a staff member too garden center');
    assert.deepEqual(too.calls, [{ name: 'callAttendant', arguments: { counter: 'garden_center' } }]);
  });

  it('reads a completion ("enough", "done") as the off side when no state is said', async () => {
    const router = await fp32.bind([
      { name: 'sprinkler', description: 'Turn a garden sprinkler zone on or off', parameters: { type: 'object', properties: { zone: { type: 'string', enum: ['front_lawn', 'back_lawn', 'flower_beds'] }, is_on: { type: 'boolean' } }, required: ['zone', 'is_on'] } },
    ]);
    // v8 had watered on for this on a fresh held-out set
    const enough = await router.route('so front lawn has had enough water');
    assert.deepEqual(enough.calls, [{ name: 'sprinkler', arguments: { zone: 'front_lawn', is_on: false } }]);
    const water = await router.route('water the front lawn');
    assert.deepEqual(water.calls, [{ name: 'sprinkler', arguments: { zone: 'front_lawn', is_on: true } }]);
  });

  it('does not act on a question that asks what is so', async () => {
    const router = await fp32.bind(exampleConfigTools());
    // v8 had locked the door at 1.00, set the pump to 0 at 0.76 and switched a light off at 0.61 for these
    for (const question of ['is the front door locked', 'what is the pump speed right now', 'who turned the lights off']) {
      const answer = await router.route(question);
      assert.ok(answer.confidence < 0.5, `${question}: ${JSON.stringify(answer.calls)} at ${answer.confidence}`);
    }
    // a question, then a command, still acts
    const both = await fp32.bind([
      { name: 'SetSocket', description: 'Switch a smart socket', parameters: { type: 'object', properties: { outlet: { type: 'string', enum: ['tv', 'lamp', 'kettle'] }, power: { type: 'string', enum: ['on', 'off'] } }, required: ['outlet', 'power'] } },
    ]);
    const then = await both.route('is the tv on turn it off');
    assert.deepEqual(then.calls, [{ name: 'SetSocket', arguments: { outlet: 'tv', power: 'off' } }]);
    assert.ok(then.confidence >= 0.5, String(then.confidence));
    const command = await router.route('lock the front door');
    assert.deepEqual(command.calls, [{ name: 'lock_door', arguments: {} }]);
    assert.ok(command.confidence >= 0.5, String(command.confidence));
  });

  it('copies a free string in the words said, not the normalised ones', async () => {
    const router = await fp32.bind([
      { name: 'announce', description: 'Say a sentence out loud', parameters: { type: 'object', properties: { text: { type: 'string', description: 'What to say' } }, required: ['text'] } },
      { name: 'set_thermostat', description: 'Set the heating target temperature in degrees Celsius', parameters: { type: 'object', properties: {
        temperature: { type: 'number', minimum: 5, maximum: 30, description: 'Target temperature' } }, required: ['temperature'] } },
    ]);
    // the model reads and copies "the meeting starts in 300 seconds"
    assert.deepEqual((await router.route('announce that the meeting starts in five minutes')).calls, [{ name: 'announce', arguments: { text: 'the meeting starts in five minutes' } }]);
    assert.deepEqual((await router.route('make it twenty two and a half degrees')).calls, [{ name: 'set_thermostat', arguments: { temperature: 22.5 } }]);
  });

  it('gives what the utterance calls a timer to its label', async () => {
    const router = await fp32.bind([
      { name: 'set_timer', description: 'Start a countdown timer', parameters: { type: 'object', properties: {
        seconds: { type: 'integer', description: 'duration in seconds' }, label: { type: 'string', description: 'name of the timer' } }, required: ['seconds'] } },
      { name: 'add_to_list', description: 'Add an item to the shopping list', parameters: { type: 'object', properties: { item: { type: 'string' } }, required: ['item'] } },
    ]);
    const calls = (await router.route('start a timer for ten minutes called pasta')).calls;
    assert.deepEqual(calls, [{ name: 'set_timer', arguments: { seconds: 600, label: 'pasta' } }]);
    assert.deepEqual((await router.route('start a timer for ten minutes')).calls, [{ name: 'set_timer', arguments: { seconds: 600 } }]);
  });

  it('calls one tool twice for two of its values ("the kettle and the fan")', async () => {
    const router = await fp32.bind([
      { name: 'switch_plug', description: 'Switch a smart plug on or off', parameters: { type: 'object', properties: {
        plug: { type: 'string', enum: ['fan', 'heater', 'coffee_machine'], description: 'Which plug' }, state: { type: 'string', enum: ['on', 'off'] } }, required: ['plug', 'state'] } },
      { name: 'set_light', description: 'Turn a light on or off', parameters: { type: 'object', properties: {
        room: { type: 'string', enum: ['kitchen', 'bedroom'] }, state: { type: 'string', enum: ['on', 'off'] } }, required: ['room', 'state'] } },
    ]);
    // v7 alone, and the grammar before, called switch_plug once
    assert.deepEqual((await router.route('turn off the coffee machine and the fan')).calls, [
      { name: 'switch_plug', arguments: { plug: 'coffee_machine', state: 'off' } }, { name: 'switch_plug', arguments: { plug: 'fan', state: 'off' } }]);
    assert.deepEqual((await router.route('turn off the fan')).calls, [{ name: 'switch_plug', arguments: { plug: 'fan', state: 'off' } }]);
  });

  it('calls the tool the utterance speaks of again instead of one it says nothing of', async () => {
    const room: ParameterSchema = { type: 'string', enum: ['kitchen', 'living_room', 'bedroom'] };
    const lights = await fp32.bind([
      { name: 'set_light', description: 'Turn a light on or off', parameters: { type: 'object', properties: {
        room, state: { type: 'string', enum: ['on', 'off'] } }, required: ['room', 'state'] } },
      { name: 'play_music', description: 'Play music in a room', parameters: { type: 'object', properties: { room }, required: ['room'] } },
    ]);
    // had played music in the living room: "room" of "living room" had counted for play_music
    assert.deepEqual((await lights.route('bedroom light on and kitchen light off')).calls, [
      { name: 'set_light', arguments: { room: 'bedroom', state: 'on' } }, { name: 'set_light', arguments: { room: 'kitchen', state: 'off' } }]);
    const device: ParameterSchema = { type: 'string', enum: ['kettle', 'heater', 'printer', 'lamp'] };
    const plugs = await fp32.bind([
      { name: 'tasmota_power', description: 'Switch a Tasmota plug', parameters: { type: 'object', properties: {
        device, power: { type: 'string', enum: ['ON', 'OFF'] } }, required: ['device', 'power'] } },
      { name: 'energy_today', description: 'Energy a plug used today', parameters: { type: 'object', properties: { device }, required: ['device'] } },
    ]);
    // the model's second call had asked for the heater's energy
    assert.deepEqual((await plugs.route('switch the heater off and the printer on')).calls, [
      { name: 'tasmota_power', arguments: { device: 'heater', power: 'OFF' } }, { name: 'tasmota_power', arguments: { device: 'printer', power: 'ON' } }]);
  });

  it('does not change a state for a question that says none', async () => {
    const router = await fp32.bind([
      { name: 'door_lock', description: 'Lock or unlock a door', parameters: { type: 'object', properties: {
        door: { type: 'string', enum: ['front', 'back', 'garage'] }, locked: { type: 'boolean', description: 'true to lock' } }, required: ['door', 'locked'] } },
      { name: 'set_light', description: 'Turn a light on or off', parameters: { type: 'object', properties: {
        room: { type: 'string', enum: ['kitchen', 'porch'] }, state: { type: 'string', enum: ['on', 'off'] } }, required: ['room', 'state'] } },
    ]);
    // v8 unlocked the front door at 0.53 for this
    const who = await router.route("who's at the front door");
    assert.ok(who.confidence < 0.5, `${JSON.stringify(who.calls)} at ${who.confidence}`);
    const unlock = await router.route('unlock the back door');
    assert.deepEqual(unlock.calls, [{ name: 'door_lock', arguments: { door: 'back', locked: false } }]);
    assert.ok(unlock.confidence >= 0.5, String(unlock.confidence));
  });

  it('does not do something for a question that asks what is so', async () => {
    const router = await fp32.bind([
      { name: 'acknowledge_alarm', description: 'Acknowledge and silence the active alarm', parameters: { type: 'object', properties: {} } },
      { name: 'start_defrost', description: 'Start a defrost cycle', parameters: { type: 'object', properties: { room: { type: 'string', enum: ['freezer', 'chiller', 'blast'] } }, required: ['room'] } },
      { name: 'get_room_temperature', description: "Read a cold room's current temperature", parameters: { type: 'object', properties: { room: { type: 'string', enum: ['freezer', 'chiller', 'blast'] } }, required: ['room'] } },
    ]);
    // v8 had acknowledged the alarm at 1.00 on a blind set of new configurations
    const going = await router.route('is the alarm still going');
    assert.ok(going.confidence < 0.5, `${JSON.stringify(going.calls)} at ${going.confidence}`);
    const silence = await router.route('silence the alarm');
    assert.deepEqual(silence.calls, [{ name: 'acknowledge_alarm', arguments: {} }]);
    assert.ok(silence.confidence >= 0.5, String(silence.confidence));
  });

  it('gives each of the calls of one tool the state said in its own clause', async () => {
    const router = await fp32.bind([
      { name: 'conveyor', description: 'Start or stop a conveyor belt', parameters: { type: 'object', properties: {
        belt: { type: 'string', enum: ['belt_1', 'belt_2', 'belt_3'] }, command: { type: 'string', enum: ['start', 'stop'] } }, required: ['belt', 'command'] } },
      { name: 'page_supervisor', description: 'Page the shift supervisor', parameters: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] } },
    ]);
    // with the tool's own word ("belt") as the anchor both clauses were in scope, and the states crossed
    assert.deepEqual((await router.route('stop belt two and start belt three')).calls, [
      { name: 'conveyor', arguments: { belt: 'belt_2', command: 'stop' } }, { name: 'conveyor', arguments: { belt: 'belt_3', command: 'start' } }]);
  });

  it('does not act on a clock time that is not one', async () => {
    const router = await fp32.bind([
      { name: 'door_lock', description: 'Lock or unlock a door', parameters: { type: 'object', properties: { action: { type: 'string', description: 'lock or unlock', enum: ['locked', 'unlocked'] } }, required: ['action'] } },
      { name: 'halt_all', description: 'Trigger the emergency stop', parameters: { type: 'object', properties: {}, required: [] } },
      { name: 'remind', description: 'Schedules a reminder', parameters: { type: 'object', properties: { message: { type: 'string', description: 'Reminder text' },
        time: { type: 'string', description: 'When to remind' } }, required: ['message', 'time'] } },
    ]);
    // v6 answers remind(time "2") and an emergency stop at 0.53, above the default threshold
    const r = await router.route('what is two plus two');
    assert.ok(r.calls.length === 0 || r.confidence < 0.5, `${JSON.stringify(r.calls)} at ${r.confidence}`);
  });

  it('calls a tool for one of its own values said with a state of its own', async () => {
    const router = await fp32.bind([
      { name: 'alarm_system', description: 'Arm or disarm the house alarm', parameters: { type: 'object', properties: { mode: { type: 'string', enum: ['away', 'home', 'disarmed'] } }, required: ['mode'] } },
      { name: 'camera_snapshot', description: 'Take a picture from a camera', parameters: { type: 'object', properties: { camera: { type: 'string', enum: ['driveway', 'back_door', 'nursery'] } }, required: ['camera'] } },
      { name: 'door_lock', description: 'Lock or unlock a door', parameters: { type: 'object', properties: { door: { type: 'string', enum: ['front', 'back', 'garage'] },
        locked: { type: 'boolean', description: 'true to lock' } }, required: ['door', 'locked'] } },
      { name: 'siren', description: 'Sound or silence the siren', parameters: { type: 'object', properties: { on: { type: 'boolean', description: 'true to sound' } }, required: ['on'] } },
    ]);
    // v6 alone answers []
    assert.deepEqual((await router.route('unlock the garage')).calls, [{ name: 'door_lock', arguments: { door: 'garage', locked: false } }]);
  });

  it('routes with schemas outside the supported subset instead of crashing', async () => {
    const tools = [
      { name: 'light_on', description: 'Turn on the light' },
      { name: 'set_volume', description: 'Set the speaker volume', parameters: { type: 'object', properties: {
        level: { type: ['integer', 'null'], minimum: 0, maximum: 100 }, zones: { type: 'array', items: { type: 'string' } } }, required: ['level'] } },
    ] as unknown as ToolSchema[];
    const router = await fp32.bind(tools);
    assert.match(router.warnings.join('\n'), /zones has type "array"/);
    const r = await router.route('set the volume to thirty');
    assert.deepEqual(r.calls, [{ name: 'set_volume', arguments: { level: 30 } }]);
    assert.deepEqual((await router.route('turn on the light')).calls, [{ name: 'light_on', arguments: {} }]);
  });

  it('sets a device to the state the utterance asks for (on/off, high/low, lock/unlock, open/close)', async () => {
    const object = (properties: ToolSchema['parameters']['properties'], required: string[]): ToolSchema['parameters'] => ({ type: 'object', properties, required });
    const tools: ToolSchema[] = [
      { name: 'gpio_write', description: 'Set a GPIO output pin', parameters: object({ pin: { type: 'integer', description: 'BCM pin number' }, state: { type: 'string', enum: ['HIGH', 'LOW'] } }, ['pin', 'state']) },
      { name: 'pump_control', description: 'Switch a pump', parameters: object({ pump: { type: 'string', enum: ['pool', 'sump'] }, on_off: { type: 'string', enum: ['ON', 'OFF'] } }, ['pump', 'on_off']) },
      { name: 'tv_power', description: 'Turn the TV on or off', parameters: object({ on: { type: 'boolean', description: 'true to turn the TV on' } }, ['on']) },
      { name: 'door_lock', description: 'Lock or unlock a door', parameters: object({ door: { type: 'string', enum: ['front', 'back'] }, state: { type: 'string', enum: ['LOCK', 'UNLOCK'] } }, ['door', 'state']) },
      { name: 'garage_door', description: 'Operate the garage door', parameters: object({ action: { type: 'string', enum: ['open', 'close'] } }, ['action']) },
    ];
    const probes: Array<[string, string, string, string | boolean]> = [
      ['turn off gpio 5', 'gpio_write', 'state', 'LOW'], ['set pin 17 high', 'gpio_write', 'state', 'HIGH'], ['switch pin 4 on', 'gpio_write', 'state', 'HIGH'], ['pin 22 off', 'gpio_write', 'state', 'LOW'],
      ['stop the pool pump', 'pump_control', 'on_off', 'OFF'], ['start the sump pump', 'pump_control', 'on_off', 'ON'], ['run the pool pump', 'pump_control', 'on_off', 'ON'], ['kill the sump pump', 'pump_control', 'on_off', 'OFF'],
      ['turn the tv off', 'tv_power', 'on', false], ['switch on the television', 'tv_power', 'on', true], ['tv on please', 'tv_power', 'on', true], ['switch the tv off', 'tv_power', 'on', false],
      ['lock the front door', 'door_lock', 'state', 'LOCK'], ['unlock the back door', 'door_lock', 'state', 'UNLOCK'], ['open the front door', 'door_lock', 'state', 'UNLOCK'], ['back door locked please', 'door_lock', 'state', 'LOCK'],
      ['open the garage', 'garage_door', 'action', 'open'], ['shut the garage door', 'garage_door', 'action', 'close'], ['close the garage', 'garage_door', 'action', 'close'], ['garage door open', 'garage_door', 'action', 'open'],
    ];
    const router = await fp32.bind(tools);
    let right = 0;
    const opposite: string[] = [];
    for (const [text, tool, param, want] of probes) {
      const call = (await router.route(text)).calls.find((c) => c.name === tool);
      if (call?.arguments[param] === want) right++;
      else if (call !== undefined && param in call.arguments) opposite.push(`${text}: ${param}=${String(call.arguments[param])}`);
    }
    // measured with v4: the model alone 14 right and 5 opposite (one command routed to another tool);
    // with the router's polarity evidence 19 and 0
    assert.ok(right >= 18, `right state on ${right}/${probes.length}`);
    assert.deepEqual(opposite, []);
  });

  it('tells sibling tools that differ by one verb apart, and does not call both', async () => {
    const pairs: Array<[string, string, string, string]> = [
      ['start', 'stop', 'conveyor', 'the conveyor belt'], ['open', 'close', 'garage_door', 'the garage door'], ['lock', 'unlock', 'front_door', 'the front door'],
      ['turn_on', 'turn_off', 'pump', 'the pump'], ['enable', 'disable', 'alarm', 'the alarm'], ['start', 'stop', 'line', 'the production line'],
      ['play', 'pause', 'music', 'the music'],
    ];
    let right = 0;
    let total = 0;
    const confidentlyWrong: string[] = [];
    for (const [a, b, device, thing] of pairs) {
      const tools: ToolSchema[] = [a, b].map((verb) => ({ name: `${verb}_${device}`, description: `${verb.replace('_', ' ')} ${thing}`, parameters: { type: 'object', properties: {} } }));
      const router = await fp32.bind(tools);
      for (const [k, verb] of [a, b].entries()) {
        for (const text of [`${verb.replace('_', ' ')} ${thing}`, `please ${verb.replace('_', ' ')} ${thing} now`, `can you ${verb.replace('_', ' ')} ${thing}`]) {
          const r = await router.route(text);
          total++;
          if (r.calls.length === 1 && r.calls[0].name === tools[k].name) right++;
          else if (r.calls.length > 0 && r.confidence >= 0.5) confidentlyWrong.push(`${text} -> ${r.calls.map((c) => c.name).join(', ')}`);
        }
      }
    }
    // measured 36/42 right and 2 confidently wrong when written (the model alone: 11 and 19); v4: 42/42 and 0
    assert.ok(right >= 32, `right on ${right}/${total}`);
    assert.ok(confidentlyWrong.length <= 4, `acted wrongly on: ${confidentlyWrong.join('; ')}`);
  });

  it('shortlists a configuration with more tools than the model has slots', async () => {
    // 60 distinct tools from the fixtures, none of them a light, a thermostat or a bedroom device, plus
    // the two asked for: this tests the shortlist, not how well the model tells close devices apart
    const seen = new Set<string>();
    const distractors: ToolSchema[] = [];
    for (const ex of load('heldout_templates', 800)) {
      for (const t of ex.tools) {
        if (distractors.length < 60 && !seen.has(t.name) && !/light|lamp|dimmer|bright|colou?r|thermostat|temp|heat|climate|hvac|bedroom/i.test(`${t.name} ${t.description}`)) {
          seen.add(t.name);
          distractors.push(t);
        }
      }
    }
    const light: ToolSchema = { name: 'set_light', description: 'Switch the light in a room on or off', parameters: { type: 'object', properties: {
      room: { type: 'string', enum: ['kitchen', 'bedroom', 'hallway'] }, state: { type: 'string', enum: ['on', 'off'] } }, required: ['room', 'state'] } };
    const thermostat: ToolSchema = { name: 'set_thermostat', description: 'Set the thermostat target temperature', parameters: { type: 'object', properties: {
      temperature: { type: 'integer', minimum: 10, maximum: 30 } }, required: ['temperature'] } };
    const tools = [...distractors.slice(0, 30), light, ...distractors.slice(30), thermostat];
    assert.equal(tools.length, 62);
    const router = await fp32.bind(tools);
    assert.deepEqual((await router.route('turn off the bedroom light')).calls, [{ name: 'set_light', arguments: { room: 'bedroom', state: 'off' } }]);
    assert.deepEqual((await router.route('set the thermostat to twenty one degrees')).calls, [{ name: 'set_thermostat', arguments: { temperature: 21 } }]);
  });
});

describe('Needle model files', () => {
  const tools: ToolSchema[] = [{ name: 'ping', description: 'ping', parameters: { type: 'object', properties: {} } }];
  it('names a missing model folder', async () => {
    await assert.rejects(loadNeedleRouter({ modelDir: join(tmp, 'nothing'), tools }), /model\.json not found/);
  });
  it('names a corrupt ONNX file', async () => {
    const dir = join(tmp, 'corrupt');
    cpSync(modelDir, dir, { recursive: true });
    writeFileSync(join(dir, 'encoder.onnx'), 'this is not a model');
    await assert.rejects(loadNeedleRouter({ modelDir: dir, tools }), /cannot load .*encoder\.onnx \(corrupt or incompatible ONNX file\)/);
  });
  it('names a tokenizer that does not belong to the model', async () => {
    const dir = join(tmp, 'mismatch');
    cpSync(modelDir, dir, { recursive: true });
    const tok = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')) as { merges: unknown[] };
    tok.merges = tok.merges.slice(0, 10);
    writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tok));
    await assert.rejects(loadNeedleRouter({ modelDir: dir, tools }), /tokenizer has \d+ tokens but the model expects \d+/);
  });
  it('refuses more tools than slots when the model cannot shortlist (no relevance head)', async () => {
    const dir = join(tmp, 'no-relevance');
    cpSync(modelDir, dir, { recursive: true });
    const meta = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { encoder: { relevance?: string } };
    delete meta.encoder.relevance;
    writeFileSync(join(dir, 'model.json'), JSON.stringify(meta));
    const many = Array.from({ length: 49 }, (_, i) => ({ ...tools[0], name: `t${i}` }));
    await assert.rejects(loadNeedleRouter({ modelDir: dir, tools: many }), /49 tools configured, the model has 48 tool slots/);
  });
});
