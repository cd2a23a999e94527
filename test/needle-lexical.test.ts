import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asksWhatIsSo, asksWhatsOn, booleanPolarity, clauseScope, clauseSpans, commandsDevice, describesAction, onlyTells, DistinctiveWords, enumPolarityHits, enumValueHits, isQuestion, saysAnyOf, schemaStems, stem, stemsOf } from '../src/agent/needle/lexical.js';
import { normalizeUtterance } from '../src/agent/needle/normalize.js';
import type { ToolSchema } from '../src/agent/types.js';

const tool = (name: string, description: string): ToolSchema => ({ name, description, parameters: { type: 'object', properties: {} } });

describe('distinctive tool words', () => {
  it('counts only the words that set a tool apart from the others offered', () => {
    const words = new DistinctiveWords([tool('start_conveyor', 'Start the conveyor belt'), tool('stopConveyor', 'Stop the conveyor belt'), tool('call_staff', 'Call a member of staff')]);
    assert.deepEqual(words.hits(normalizeUtterance('Stop the conveyor!')), [0, 1, 0]);
    // "call" and "staff" are call_staff's name words: each counts twice
    assert.deepEqual(words.hits(normalizeUtterance('please call the staff to the conveyor')), [0, 0, 4]);
    assert.deepEqual(words.hits(normalizeUtterance('the conveyor belt')), [0, 0, 0]);
  });
  it('counts a word of the name twice, a state word in it once', () => {
    const words = new DistinctiveWords([tool('LocalShowCameraFrontDoor', 'Capture a still from a camera (front door)'), tool('DrivewayCamera', 'Take a snapshot from a security camera (driveway)')]);
    assert.deepEqual(words.hits(normalizeUtterance('snapshot front door')), [4, 1]);
    const stop = new DistinctiveWords([tool('stop_watch', 'Stopwatch control'), tool('gate', 'Garage gate control')]);
    assert.deepEqual(stop.hits(normalizeUtterance('stop the gate')), [1, 2]);
  });
  it('does not count a word said only as part of an offered value of several words', () => {
    const withRooms = (name: string, description: string): ToolSchema => ({ name, description, parameters: { type: 'object',
      properties: { room: { type: 'string', enum: ['kitchen', 'living_room'] } } } });
    const words = new DistinctiveWords([withRooms('set_light', 'Turn a light on or off'), withRooms('play_music', 'Play music in a room')]);
    // "room" of "living room" names the value, not the music tool's "in a room"
    assert.deepEqual(words.hits(normalizeUtterance('kitchen light on and living room light off')), [4, 0]);
    assert.deepEqual(words.hits(normalizeUtterance('play something in this room')), [0, 3]);
    // a word of the tool's own name counts, inside one of its values too
    const pumps = new DistinctiveWords([{ name: 'run_pump', description: 'Run a pump', parameters: { type: 'object', properties: {
      name: { type: 'string', enum: ['pump_1', 'pump_2'] } } } }, tool('emergencyStop', 'Stop every machine')]);
    assert.deepEqual(pumps.hits(normalizeUtterance('stop the pump 1')), [2, 1]);
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
    // silencing a device is switching it off; a mute control keeps "silence" as mute
    assert.deepEqual(enumPolarityHits(['on', 'off'], said('silence the siren')), [0, 1]);
    assert.deepEqual(enumPolarityHits(['mute', 'unmute'], said('silence the tv')), [1, 0]);
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
    assert.deepEqual(enumPolarityHits(['ON', 'OFF'], said('fire on at level 5')), [1, 0]);
  });

  it('maps a boolean parameter named for one side', () => {
    assert.equal(booleanPolarity('on', said('switch the tv off')), -1);
    assert.equal(booleanPolarity('on', said('silence the siren')), -1);
    assert.equal(booleanPolarity('muted', said('silence the tv')), 1);
    assert.equal(booleanPolarity('power', said('turn on the tv')), 1);
    assert.equal(booleanPolarity('isLocked', said('unlock the back door')), -1);
    assert.equal(booleanPolarity('muted', said('mute the tv')), 1);
    assert.equal(booleanPolarity('channel_up', said('turn off the tv')), 0);
    // "cut power" names no state: power is a side only in a parameter's name
    assert.equal(booleanPolarity('on', said('cut power to the dehumidifier')), 0);
  });

  it('maps a boolean parameter named for what the utterance asks for', () => {
    assert.equal(booleanPolarity('charging', said('charge the car at 8 amps')), 1);
    assert.equal(booleanPolarity('charging', said('stop charging the car')), -1);
    assert.equal(booleanPolarity('sound', said('set an alarm without a sound')), 0);
    assert.equal(booleanPolarity('charging', said('how full is the car battery')), 0);
  });

  it('reads on as true and off as false for a state no polarity pair names', () => {
    assert.equal(booleanPolarity('lit', said('fire on at level five')), 1);
    assert.equal(booleanPolarity('burning', said('turn the fire off')), -1);
    assert.equal(booleanPolarity('lit', said('how warm is the lounge')), 0);
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

describe('questions', () => {
  it('reads an utterance as a question by its first word, fillers aside', () => {
    assert.ok(isQuestion(normalizeUtterance("Who's at the back door?")));
    assert.ok(isQuestion(normalizeUtterance('uh is the pool safe to swim')));
    assert.equal(isQuestion(normalizeUtterance('unlock the back door')), false);
    assert.equal(isQuestion(normalizeUtterance('can you turn on the light')), false);
  });

  it('reads a be-verb or a question word first as asking what is so, not a request or a suggestion', () => {
    assert.ok(asksWhatIsSo(normalizeUtterance('is the front door locked')));
    assert.ok(asksWhatIsSo(normalizeUtterance('uh what is the pump speed right now')));
    assert.ok(asksWhatIsSo(normalizeUtterance('who turned the lights off')));
    assert.equal(asksWhatIsSo(normalizeUtterance('will you lock the door')), false);
    assert.equal(asksWhatIsSo(normalizeUtterance('how about some music')), false);
    assert.equal(asksWhatIsSo(normalizeUtterance('which the heater relay on pin 21 on')), false);
    assert.equal(asksWhatIsSo(normalizeUtterance('lock the front door')), false);
  });

  it('reads "what\'s on" a station as a request to tune in', () => {
    assert.ok(asksWhatsOn(normalizeUtterance("computer what's on classic fm")));
    assert.ok(asksWhatsOn(normalizeUtterance('what is on the local station')));
    assert.equal(asksWhatsOn(normalizeUtterance("what's the pump speed")), false);
  });

  it('tells a tool that does something from one that tells something', () => {
    assert.ok(describesAction(tool('acknowledge_alarm', 'Acknowledge and silence the active alarm'), {}));
    assert.ok(describesAction(tool('validate_ticket', 'Validates a parking ticket for free exit'), { ticket: 'parking' }));
    assert.equal(describesAction(tool('water_temp', "Report the hot tub's water temperature"), {}), false);
    assert.equal(describesAction(tool('nursery_temp', 'Nursery temperature'), {}), false);
    assert.equal(describesAction(tool('open_page', 'Opens a kiosk screen'), { page: 'opening_hours' }), false);
    assert.equal(describesAction(tool('intercom', 'Handle someone at the door'), { action: 'show_camera' }), false);
    assert.equal(describesAction(tool('GetMachineStatus', 'Start a status check of a machine'), {}), false);
  });

  it('tells a command to change a device, and a tool that only tells something', () => {
    assert.ok(commandsDevice(normalizeUtterance('Run the coolant pump at full speed?')));
    assert.ok(commandsDevice(normalizeUtterance('uh can you please open the gate')));
    assert.equal(commandsDevice(normalizeUtterance('how full is the coolant tank')), false);
    const tank: ToolSchema = { name: 'tank_level', description: 'Report how full a tank is', parameters: { type: 'object', properties: { tank: { type: 'string', enum: ['coolant', 'diesel'] } } } };
    assert.ok(onlyTells(tank));
    // a name with an action verb, or a parameter that sets something, does something
    assert.equal(onlyTells({ name: 'vacuum_pause', description: 'Robot vacuum status and return', parameters: { type: 'object', properties: {} } }), false);
    assert.equal(onlyTells({ name: 'statusLed', description: 'Status LED', parameters: { type: 'object', properties: { level: { type: 'string', enum: ['on', 'off'] } } } }), false);
    assert.equal(onlyTells({ name: 'HeatedMattress', description: 'Heated mattress level', parameters: { type: 'object', properties: { level: { type: 'integer' } } } }), false);
  });
});
