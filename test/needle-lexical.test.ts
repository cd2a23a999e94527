import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DistinctiveWords, enumValueHits, stem } from '../src/agent/needle/lexical.js';
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

describe('enum value words', () => {
  it('stems inflections so that a said word meets the declared value', () => {
    assert.deepEqual(['locked', 'unlocked', 'closing', 'close', 'stopped', 'lights', 'on', 'off', 'open'].map(stem),
      ['lock', 'unlock', 'clos', 'clos', 'stop', 'light', 'on', 'off', 'open']);
  });

  it('counts the words of a value the utterance says that no other value of the parameter has', () => {
    assert.deepEqual(enumValueHits(['locked', 'unlocked'], normalizeUtterance('garage door lock')), [1, 0]);
    assert.deepEqual(enumValueHits(['LOCK', 'UNLOCK'], normalizeUtterance('Unlock the side door')), [0, 1]);
    assert.deepEqual(enumValueHits(['on', 'off'], normalizeUtterance('turn off the fan')), [0, 1]);
    // both said: no evidence either way
    assert.deepEqual(enumValueHits(['on', 'off'], normalizeUtterance('turn off the light and on the fan')), [1, 1]);
    // words every value shares say nothing
    assert.deepEqual(enumValueHits(['living_room', 'livingRoomLamp', 'kitchen'], normalizeUtterance('the living room')), [0, 0, 0]);
    assert.deepEqual(enumValueHits(['return_to_dock', 'start', 'pause'], normalizeUtterance('send it back to the dock')), [1, 0, 0]);
  });
});
