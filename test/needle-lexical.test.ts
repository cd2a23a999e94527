import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DistinctiveWords } from '../src/agent/needle/lexical.js';
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
