/** Place names the router reads to notice a call on a room the utterance did not name (places.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeGroup, placeSynonymHits, saidPlaceGroups } from '../src/agent/needle/places.js';

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

  it('points at the one value that is a place said by another of its names', () => {
    assert.deepEqual(placeSynonymHits(['NURSERY', 'GARAGE', 'BACKYARD'], 'snapshot baby room'), [1, 0, 0]);
    assert.deepEqual(placeSynonymHits(['nursery', 'garage', 'backyard'], 'show me the back garden'), [0, 0, 1]);
    // no place said, or the places of two values: no evidence
    assert.deepEqual(placeSynonymHits(['nursery', 'garage'], 'take a snapshot'), [0, 0]);
    assert.deepEqual(placeSynonymHits(['nursery', 'garage'], 'the baby room and the garage'), [0, 0]);
  });
});
