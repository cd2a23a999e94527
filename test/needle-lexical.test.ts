import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { booleanPolarity, clauseScope, clauseSpans, commandedTools, DistinctiveWords, enumPolarityHits, enumValueHits, namedValueTools, namesSaidSide, saysAnyOf, toolPolarityHits, schemaStems, stem, stemsOf } from '../src/agent/needle/lexical.js';
import { normalizeUtterance } from '../src/agent/needle/normalize.js';
import type { ToolSchema } from '../src/agent/types.js';

const tool = (name: string, description: string): ToolSchema => ({ name, description, parameters: { type: 'object', properties: {} } });

describe('distinctive tool words', () => {
  it('counts only the words that set a tool apart from the others offered', () => {
    const words = new DistinctiveWords([tool('start_conveyor', 'Start the conveyor belt'), tool('stopConveyor', 'Stop the conveyor belt'), tool('call_staff', 'Call a member of staff')]);
    assert.deepEqual(words.hits(normalizeUtterance('Stop the conveyor!')), [0, 1, 0]);
    assert.deepEqual(words.hits(normalizeUtterance('please call the staff to the conveyor')), [0, 0, 2]);
    assert.deepEqual(words.hits(normalizeUtterance('the conveyor belt')), [0, 0, 0]);
  });
});

describe('enum values that name a tool', () => {
  const withEnum = (name: string, values: string[]): ToolSchema => ({ name, description: name, parameters: { type: 'object', properties: { which: { type: 'string', enum: values } } } });
  const tools = [withEnum('socket', ['Kettle', 'Coffee Machine', 'on']), withEnum('fire', ['on', 'off']), withEnum('lamp', ['kitchen', 'coffee_machine', 'level_2'])];
  it('marks the tool whose own value (every word of it) the utterance says', () => {
    assert.deepEqual(namedValueTools(tools, normalizeUtterance('turn off my kettle')), [true, false, false]);
    assert.deepEqual(namedValueTools(tools, normalizeUtterance('the kitchen is dark')), [false, false, true]);
    assert.deepEqual(namedValueTools(tools, normalizeUtterance('i want a coffee')), [false, false, false]);
  });
  it('ignores values other offered tools share, and values of polarity or generic words or numbers only', () => {
    // "coffee machine" belongs to two tools; "on" to two; "level 2" is a generic word and a number
    assert.deepEqual(namedValueTools(tools, normalizeUtterance('coffee machine on at level two')), [false, false, false]);
  });
});

describe('tools the utterance commands outright', () => {
  const withParam = (name: string, key: string, param: ToolSchema['parameters']['properties'][string]): ToolSchema =>
    ({ name, description: name, parameters: { type: 'object', properties: { [key]: param }, required: [key] } });
  const tools = [
    withParam('water_pump', 'state', { type: 'string', enum: ['on', 'off'] }),
    withParam('setLight', 'on', { type: 'boolean' }),
    withParam('close_gate', 'gate', { type: 'string', enum: ['side_gate', 'front_gate'] }),
    withParam('get_reading', 'sensor', { type: 'string', enum: ['humidity', 'soil_moisture'] }),
  ];
  const said = (text: string): string[] => tools.filter((_, i) => commandedTools(tools, normalizeUtterance(text))[i]).map((t) => t.name);
  it('marks a tool whose name word and one of whose own values the utterance says', () => {
    assert.deepEqual(said('pump off'), ['water_pump']);
    assert.deepEqual(said('lights off in the hallway'), ['setLight']);
    assert.deepEqual(said('close the side gate'), ['close_gate']);
  });
  it('needs both, and a side-named tool only on its own side', () => {
    assert.deepEqual(said('turn it off'), []);
    assert.deepEqual(said('the pump is noisy'), []);
    // close_gate beside "open": a request for a tool that is not offered
    assert.deepEqual(said('open the side gate'), []);
    assert.deepEqual(said('the side gate'), []);
    // "get" and "reading" are generic or unsaid: the value alone is not a command
    assert.deepEqual(said('humidity'), []);
  });
});

describe('a tool named for a state the utterance asks for', () => {
  it('reads the name\'s state words, which are generic elsewhere', () => {
    assert.equal(namesSaidSide(tool('HassTurnOn', 'Turns on a device'), normalizeUtterance('turn on the porch light')), true);
    assert.equal(namesSaidSide(tool('HassTurnOn', 'Turns on a device'), normalizeUtterance('switch off the heater')), false);
    assert.equal(namesSaidSide(tool('stop_charging', 'Stop charging the car'), normalizeUtterance('stop charging')), true);
    // "on" that is not a device state ("jammed on line 2"), and a name with no state
    assert.equal(namesSaidSide(tool('HassTurnOn', 'Turns on a device'), normalizeUtterance('the meeting on friday')), false);
    assert.equal(namesSaidSide(tool('get_weather', 'Weather'), normalizeUtterance('turn on the weather')), false);
  });
});

describe('tools named for one side of a device state', () => {
  const tools = ['PumpSwitchOn', 'pump_off', 'set_volume'].map((n) => tool(n, 'pump'));
  it('marks the sibling the utterance speaks of, in one clause only', () => {
    assert.deepEqual(toolPolarityHits(tools, normalizeUtterance('stop the sump pump')), [0, 1, 0]);
    assert.deepEqual(toolPolarityHits(tools, normalizeUtterance('start the pump')), [1, 0, 0]);
    assert.deepEqual(toolPolarityHits(tools, normalizeUtterance('pump the volume')), [0, 0, 0]);
    assert.deepEqual(toolPolarityHits(tools, normalizeUtterance('stop the pump and turn on the fan')), [0, 0, 0]);
    assert.deepEqual(toolPolarityHits([tools[0], tools[2]], normalizeUtterance('stop the pump')), [0, 0]);
  });
});

describe('enum value words', () => {
  it('stems inflections so that a said word meets the declared value', () => {
    assert.deepEqual(['locked', 'unlocked', 'closing', 'close', 'stopped', 'lights', 'on', 'off', 'open'].map(stem),
      ['lock', 'unlock', 'clos', 'clos', 'stop', 'light', 'on', 'off', 'open']);
    // the noun-making suffixes: the adjective meets its noun
    assert.deepEqual(['humidity', 'humid', 'brightness', 'bright'].map(stem), ['humid', 'humid', 'bright', 'bright']);
  });

  it('counts the words of a value the utterance says that no other value of the parameter has', () => {
    assert.deepEqual(enumValueHits(['locked', 'unlocked'], normalizeUtterance('garage door lock')), [1, 0]);
    assert.deepEqual(enumValueHits(['LOCK', 'UNLOCK'], normalizeUtterance('Unlock the side door')), [0, 1]);
    assert.deepEqual(enumValueHits(['on', 'off'], normalizeUtterance('turn off the fan')), [0, 1]);
    assert.deepEqual(enumValueHits(['temperature', 'humidity'], normalizeUtterance('how humid is it in the lab')), [0, 1]);
    // both said: no evidence either way
    assert.deepEqual(enumValueHits(['on', 'off'], normalizeUtterance('turn off the light and on the fan')), [1, 1]);
    // words every value shares say nothing
    assert.deepEqual(enumValueHits(['living_room', 'livingRoomLamp', 'kitchen'], normalizeUtterance('the living room')), [0, 0, 0]);
    assert.deepEqual(enumValueHits(['return_to_dock', 'start', 'pause'], normalizeUtterance('send it back to the dock')), [1, 0, 0]);
  });
});

describe('polarity of a device state', () => {
  const said = (text: string): string => normalizeUtterance(text);

  it('reads which of two opposite values the utterance asks for, in the words people use', () => {
    assert.deepEqual(enumPolarityHits(['ON', 'OFF'], said('stop the pool pump')), [0, 1]);
    assert.deepEqual(enumPolarityHits(['HIGH', 'LOW'], said('turn off gpio 5')), [0, 1]);
    assert.deepEqual(enumPolarityHits(['HIGH', 'LOW'], said('switch pin 4 on')), [1, 0]);
    assert.deepEqual(enumPolarityHits(['LOCK', 'UNLOCK'], said('open the front door')), [0, 1]);
    assert.deepEqual(enumPolarityHits(['open', 'close', 'stop'], said('shut the garage')), [0, 1, 0]);
    assert.deepEqual(enumPolarityHits(['up', 'down'], said('raise my bed')), [1, 0]);
    assert.deepEqual(enumPolarityHits(['up', 'down'], said('lower the head of the bed')), [0, 1]);
    assert.deepEqual(enumPolarityHits(['open', 'close'], said('lower the blinds')), [0, 1]);
    assert.deepEqual(enumPolarityHits(['locked', 'unlocked'], said('back door locked please')), [1, 0]);
    assert.deepEqual(enumPolarityHits(['LOCK', 'UNLOCK'], said('unbolt the side door')), [0, 1]);
    assert.deepEqual(enumPolarityHits(['ON', 'LOW'], said('turn the circulation pump on ok')), [1, 0]);
  });

  it('gives no evidence when both sides are said, no side is, or the values are not opposites', () => {
    assert.deepEqual(enumPolarityHits(['on', 'off'], said('turn off the light and turn on the fan')), [0, 0]);
    assert.deepEqual(enumPolarityHits(['on', 'off'], said('set the fan to auto')), [0, 0]);
    assert.deepEqual(enumPolarityHits(['low', 'medium', 'high', 'off'], said('turn off the fan')), [0, 0, 0, 0]);
    assert.deepEqual(enumPolarityHits(['kitchen', 'hall'], said('stop the kitchen fan')), [0, 0]);
  });

  it('takes "on" as a state after a switching verb or at the end, not as a place', () => {
    assert.deepEqual(enumPolarityHits(['start', 'stop', 'pause'], said('we are jammed on line 2')), [0, 0, 0]);
    assert.deepEqual(enumPolarityHits(['ON', 'OFF'], said('turn on the pump')), [1, 0]);
    assert.deepEqual(enumPolarityHits(['ON', 'OFF'], said('pump on please')), [1, 0]);
  });

  it('maps a boolean parameter named for one side', () => {
    assert.equal(booleanPolarity('on', said('switch the tv off')), -1);
    assert.equal(booleanPolarity('power', said('turn on the tv')), 1);
    assert.equal(booleanPolarity('isLocked', said('unlock the back door')), -1);
    assert.equal(booleanPolarity('muted', said('mute the tv')), 1);
    assert.equal(booleanPolarity('channel_up', said('turn off the tv')), 0);
    // "cut power" names no state: power is a side only in a parameter's name
    assert.equal(booleanPolarity('on', said('cut power to the dehumidifier')), 0);
  });

  it('splits an utterance into clauses at joining words', () => {
    const words = 'stop the pump and then open the gate as well as pause the music'.split(' ');
    assert.deepEqual(clauseSpans(words).map((c) => words.slice(c.from, c.to).join(' ')), ['stop the pump', 'open the gate', 'pause the music']);
    assert.deepEqual(clauseSpans(['and', 'lights']), [{ from: 1, to: 2 }]);
  });

  it('reads a call\'s polarity from the clauses about it only', () => {
    const text = said('tell the robot vacuum to pause and then stop the garage');
    assert.equal(clauseScope(text, new Set(['vacuum', 'robot'])), 'tell the robot vacuum to pause');
    assert.equal(clauseScope(text, new Set(['garage'])), 'stop the garage');
    assert.equal(clauseScope(text, new Set(['pump'])), '');
    assert.equal(clauseScope(said('stop the pump'), new Set(['fan'])), 'stop the pump');
  });
});

describe('schema words said', () => {
  const scene: ToolSchema = { name: 'StartScene', description: 'Activate a lighting scene', parameters: { type: 'object',
    properties: { preset: { type: 'string', description: 'Scene to run', enum: ['away', 'movie_night', 'bedtime'] } }, required: ['preset'] } };
  const words = schemaStems(scene);
  it('collects name, description, parameter and enum value words by stem, without the generic ones', () => {
    for (const w of ['scene', 'activate', 'lighting', 'preset', 'away', 'movie', 'night', 'bedtime', 'start', 'run']) assert.ok(words.has(stem(w)), w);
    for (const w of ['the', 'to', 'a', 'set', 'on']) assert.ok(!words.has(stem(w)), w);
  });
  it('tells an utterance that names nothing of the tool', () => {
    assert.equal(saysAnyOf(words, stemsOf(normalizeUtterance('Are you listening?'))), false);
    assert.equal(saysAnyOf(words, stemsOf(normalizeUtterance('wow'))), false);
    assert.equal(saysAnyOf(words, stemsOf(normalizeUtterance("it's movie time"))), true);
    assert.equal(saysAnyOf(words, stemsOf(normalizeUtterance('we are going away for the weekend'))), true);
    assert.equal(saysAnyOf(words, stemsOf(normalizeUtterance('activating scenes'))), true);
  });
});
