import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeUtterance } from '../src/agent/needle/normalize.js';
import { DistinctiveWords } from '../src/agent/needle/lexical.js';
import { readUtterance, takesOtherUnit, ToolEvidence } from '../src/agent/needle/tool-evidence.js';
import type { ToolSchema } from '../src/agent/types.js';

const tool = (name: string, description: string): ToolSchema => ({ name, description, parameters: { type: 'object', properties: {} } });
const namedValueTools = (tools: ToolSchema[], text: string): boolean[] => new ToolEvidence(tools).namedValues(readUtterance(text));
const toolPolarityHits = (tools: ToolSchema[], text: string): number[] => new ToolEvidence(tools).siblingSides(readUtterance(text));
const commandedTools = (tools: ToolSchema[], text: string): boolean[] => new ToolEvidence(tools).commanded(readUtterance(text));
const unitTools = (tools: ToolSchema[], text: string): number[] => new ToolEvidence(tools).unitTools(readUtterance(text));
const namesSaidSide = (t: ToolSchema, text: string): boolean => new ToolEvidence([t]).namesSaidSide(0, readUtterance(text));

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
  it('takes a value only this tool has with a state of its own, and a state word naming the device', () => {
    const lock: ToolSchema = { name: 'door_lock', description: 'Lock or unlock a door', parameters: { type: 'object', properties: {
      door: { type: 'string', enum: ['front', 'back', 'garage'] }, locked: { type: 'boolean', description: 'true to lock' } }, required: ['door', 'locked'] } };
    const siren = withParam('siren', 'on', { type: 'boolean' });
    assert.deepEqual(commandedTools([lock, siren], normalizeUtterance('unlock the garage')), [true, false]);
    assert.deepEqual(commandedTools([lock, siren], normalizeUtterance('the garage is cold')), [false, false]);
  });
  it('takes a command whose verb is the name of a tool with a free-string object ("call the office")', () => {
    const call: ToolSchema = { name: 'phone_call', description: 'Phone someone', parameters: { type: 'object', properties: {
      contact: { type: 'string' }, loudspeaker: { type: 'boolean' } }, required: ['contact'] } };
    const alarm: ToolSchema = { name: 'security_system', description: 'Security system control', parameters: { type: 'object', properties: {
      mode: { type: 'string', enum: ['away', 'night'] } }, required: ['mode'] } };
    assert.deepEqual(commandedTools([call, alarm], normalizeUtterance('call the office')), [true, false]);
    assert.deepEqual(commandedTools([call, alarm], normalizeUtterance('uh call nana please')), [true, false]);
    // nothing follows the verb, or what follows is another tool's
    assert.deepEqual(commandedTools([call, alarm], normalizeUtterance('call')), [false, false]);
    assert.deepEqual(commandedTools([call, alarm], normalizeUtterance('call night mode')), [false, false]);
  });
  it('takes a tool that needs nothing, named for a state word (no on/off) the utterance says and no other name speaks of', () => {
    const lock = tool('lock_door', 'Lock the front door');
    const unlock = tool('unlock_door', 'Unlock the front door');
    const light: ToolSchema = { name: 'set_light', description: 'Switch a light', parameters: { type: 'object', properties: {
      state: { type: 'string', enum: ['on', 'off'] } }, required: ['state'] } };
    assert.deepEqual(commandedTools([lock, unlock, light], normalizeUtterance('lock up')), [true, false, false]);
    // "open" is the unlock side, but not the name's own word
    assert.deepEqual(commandedTools([lock, unlock, light], normalizeUtterance('open the garage')), [false, false, false]);
    // two tools named for that side: neither
    assert.deepEqual(commandedTools([lock, tool('lock_gate', 'Lock the gate')], normalizeUtterance('lock up')), [false, false]);
    // on/off and start/stop are left to the other rules ("stop" alone says too little)
    assert.deepEqual(commandedTools([tool('stop_conveyor', 'Stop the belt'), light], normalizeUtterance('stop')), [false, false]);
  });
  it('takes a tool with no parameters whose own name word a one-clause utterance says with no state', () => {
    const garage = tool('GarageView', 'Show the garage camera');
    const porch = tool('porch_view', 'Show the porch camera');
    const coolant = tool('coolant_pump', 'Start the coolant pump');
    assert.deepEqual(commandedTools([garage, porch, coolant], normalizeUtterance('show me the garage')), [true, false, false]);
    // a state said: the tool may do the other one; "restart" is a state word too
    assert.deepEqual(commandedTools([garage, porch, coolant], normalizeUtterance('stop the coolant pump')), [false, false, false]);
    assert.deepEqual(commandedTools([garage, porch, coolant], normalizeUtterance('restart the coolant pump')), [false, false, false]);
    // a word both tools have, or two clauses
    assert.deepEqual(commandedTools([garage, porch, coolant], normalizeUtterance('show the camera')), [false, false, false]);
    assert.deepEqual(commandedTools([garage, porch, coolant], normalizeUtterance('show me the garage and the porch')), [false, false, false]);
  });
  it('takes the verb of a tool named for a state when no state is said ("call grandma" of startCall), not when the other is', () => {
    const start: ToolSchema = { name: 'startCall', description: 'Phone someone', parameters: { type: 'object', properties: {
      name: { type: 'string' } }, required: ['name'] } };
    const alarm: ToolSchema = { name: 'security_system', description: 'Security system control', parameters: { type: 'object', properties: {
      mode: { type: 'string', enum: ['away', 'night'] } }, required: ['mode'] } };
    assert.deepEqual(commandedTools([start, alarm], normalizeUtterance('call grandma')), [true, false]);
    assert.deepEqual(commandedTools([start, alarm], normalizeUtterance('stop the call to grandma')), [false, false]);
    // no verb naming it: a state-named tool still needs its state said
    assert.deepEqual(commandedTools([start, alarm], normalizeUtterance('grandma on the phone')), [false, false]);
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
  it('does not mark a sibling while the utterance says a word only a tool named for neither side has ("start a timer")', () => {
    const offered = [tool('start_conveyor', 'Start the conveyor belt'), tool('stop_conveyor', 'Stop the conveyor belt'), tool('set_timer', 'Start a timer')];
    const sides = (text: string): number[] => {
      const u = readUtterance(normalizeUtterance(text));
      return new ToolEvidence(offered).siblingSides(u, new DistinctiveWords(offered).hits(u.text));
    };
    assert.deepEqual(sides('start a timer'), [0, 0, 0]);
    assert.deepEqual(sides('start the belt'), [1, 0, 0]);
    assert.deepEqual(sides('start the conveyor'), [1, 0, 0]);
  });
});

describe('tools a said unit points to', () => {
  const numeric = (name: string, key: string, description: string): ToolSchema =>
    ({ name, description: name, parameters: { type: 'object', properties: { [key]: { type: 'number', description } }, required: [key] } });
  const tools = [numeric('precondition', 'temperature', 'cabin temperature celsius'), numeric('charge_limit', 'percent', 'battery percent limit'), tool('start_charging', 'Start charging')];
  it('marks the tools with a numeric parameter that takes the unit', () => {
    assert.deepEqual(unitTools(tools, normalizeUtterance('get the car to twenty degrees')), [1, 0, 0]);
    assert.deepEqual(unitTools(tools, normalizeUtterance('charge to eighty percent')), [0, 1, 0]);
  });
  it('needs a number before the unit, and a unit not every tool takes', () => {
    assert.deepEqual(unitTools(tools, normalizeUtterance('a few degrees warmer')), [0, 0, 0]);
    assert.deepEqual(unitTools(tools.slice(0, 1), normalizeUtterance('twenty degrees')), [0]);
  });
});

describe('tools that do the opposite of what is asked', () => {
  const contradicted = (tools: ToolSchema[], text: string): boolean[] => new ToolEvidence(tools).contradicted(readUtterance(normalizeUtterance(text)));
  const doorLock: ToolSchema = { name: 'door_lock', description: 'Lock or unlock a door', parameters: { type: 'object', properties: { locked: { type: 'boolean' } } } };
  it('marks a tool named for the other side of a state the utterance asks for', () => {
    const tools = [tool('StartVacuum', 'Start the robot vacuum'), tool('open_gate', 'Open the gate'), tool('unlock_door', 'Unlock the front door')];
    // open_gate does not stop anything either
    assert.deepEqual(contradicted(tools, 'stop the robot vacuum'), [true, true, false]);
    assert.deepEqual(contradicted(tools, 'close the gate'), [false, true, false]);
    assert.deepEqual(contradicted(tools, 'lock the front door'), [false, true, true]);
    assert.deepEqual(contradicted(tools, 'open the front door'), [false, false, false]);
    assert.deepEqual(contradicted(tools, 'start vacuuming'), [false, false, false]);
  });
  it('marks a tool named for opening, locking or raising while the utterance only asks to stop', () => {
    const tools = [tool('open_garage_door', 'Open the garage door'), tool('openGateStop', 'Stop the gate'), tool('mute_tv', 'Mute the television')];
    assert.deepEqual(contradicted(tools, 'stop the side gate'), [true, false, false]);
    // muting is what "off" may ask of a sound
    assert.deepEqual(contradicted(tools, 'turn off the sound'), [true, false, false]);
  });
  it('leaves a tool whose parameter takes both sides, and utterances of several clauses', () => {
    assert.deepEqual(contradicted([doorLock], 'unlock the back door'), [false]);
    assert.deepEqual(contradicted([tool('StartVacuum', 'Start the robot vacuum')], 'stop the music and start the vacuum'), [false]);
  });

  it("knows a number said with a measure's unit is no value for a parameter of another unit", () => {
    assert.ok(takesOtherUnit('rpm', 'Speed', { type: 'integer', description: 'Speed override percent' }));
    assert.ok(takesOtherUnit('kelvin', 'duty', { type: 'integer', description: 'Pump speed percent' }));
    assert.equal(takesOtherUnit('rpm', 'TargetRpm', { type: 'integer', description: 'Target speed in rpm' }), false);
    // a parameter that speaks of no unit may take it; "percent" is no measure
    assert.equal(takesOtherUnit('rpm', 'value', { type: 'integer' }), false);
    assert.equal(takesOtherUnit('percent', 'kelvin', { type: 'integer', description: 'Colour temperature' }), false);
  });
});
