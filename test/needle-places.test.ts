/** Place names the router reads to notice a call on a room the utterance did not name (places.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeGroup, saidPlaceGroups } from '../src/agent/needle/places.js';

describe('place names', () => {
  it('reads a configured value and the words people say as the same place', () => {
    assert.equal(placeGroup('living_room'), placeGroup('lounge'));
    assert.equal(placeGroup('LivingRoom'), placeGroup('living room'));
    assert.notEqual(placeGroup('kitchen'), placeGroup('living_room'));
    assert.equal(placeGroup('kitchen_window'), undefined);
  });

  it('finds every place an utterance names, the longer name first', () => {
    const said = saidPlaceGroups('turn off the dining room light and close the kitchen blinds');
    assert.deepEqual([...said].sort(), [placeGroup('dining room'), placeGroup('kitchen')].sort());
    assert.deepEqual([...saidPlaceGroups('close the back garden gate')], [placeGroup('garden')]);
    assert.equal(saidPlaceGroups('what time is it').size, 0);
  });
});
