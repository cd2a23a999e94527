/**
 * Number plates (plates.ts): the plate-shaped runs of an utterance, and a plate argument completed
 * to the one plate said.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlateParameter, plateRuns, withWholePlates } from '../src/agent/needle/plates.js';
import type { ToolSchema } from '../src/agent/types.js';

const parking: ToolSchema = { name: 'pay_parking', description: 'Pay for parking', parameters: { type: 'object', properties: {
  registration: { type: 'string', description: 'Number plate' }, seconds: { type: 'integer' } }, required: ['registration'] } };
const pay = (registration: string): Array<{ name: string; arguments: Record<string, string | number> }> => [{ name: 'pay_parking', arguments: { registration, seconds: 900 } }];

describe('number plates', () => {
  it('knows a plate parameter by its name or description', () => {
    assert.ok(isPlateParameter('registration', { type: 'string' }));
    assert.ok(isPlateParameter('car', { type: 'string', description: 'Licence plate' }));
    assert.ok(!isPlateParameter('registration', { type: 'string', enum: ['ab12 cde'] }));
    assert.ok(!isPlateParameter('name', { type: 'string', description: 'Who is checking in' }));
  });

  it('finds the runs shaped like a plate', () => {
    assert.deepEqual(plateRuns("i'm parked outside registration lm09 pqr and uh stock level for blue paint"), ['lm09 pqr']);
    assert.deepEqual(plateRuns('my car is zz 1234 i need 8100 seconds'), ['zz 1234']);
    assert.deepEqual(plateRuns('pay for 30 seconds for ab12'), ['ab12']);
    // a number that counts a unit, or follows a function word, is no plate
    assert.deepEqual(plateRuns('add 900 seconds to the car'), []);
    assert.deepEqual(plateRuns('set it to 1234'), []);
  });

  it('completes a plate argument to the one plate said', () => {
    assert.deepEqual(withWholePlates(pay('lm09'), [parking], 'parked outside registration lm09 pqr'), pay('lm09 pqr'));
    assert.deepEqual(withWholePlates(pay('abc'), [parking], 'add 900 seconds to yt66 abc'), pay('yt66 abc'));
    assert.deepEqual(withWholePlates(pay('my car'), [parking], 'my car is ab12 cde i need 900 seconds'), pay('ab12 cde'));
    // two plates said, or none: as decoded
    assert.deepEqual(withWholePlates(pay('ab12'), [parking], 'ab12 cde or kx 4471'), pay('ab12'));
    assert.deepEqual(withWholePlates(pay('my car'), [parking], 'pay for my car'), pay('my car'));
  });
});
