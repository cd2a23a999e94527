import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callWords, hasUnexplainedClause, orderByMention } from '../src/agent/needle/mention-order.js';
import { normalizeUtterance } from '../src/agent/needle/normalize.js';
import type { ToolCall } from '../src/agent/types.js';

const call = (name: string, args: ToolCall['arguments'] = {}): ToolCall => ({ name, arguments: args });
const none = new Set<string>();
const names = (calls: readonly ToolCall[]): string[] => calls.map((c) => c.name);

describe('calls in the order the utterance mentions them', () => {
  it('sorts calls by the earliest tool-name word or argument value that only they explain', () => {
    const text = normalizeUtterance('yo timer forty five minutes and please shut the inlet valve');
    const routed = [call('operateValve', { id: 'inlet', command: 'close' }), call('Timer', { length: 2700 })];
    assert.deepEqual(names(orderByMention(routed, text, [none, none])), ['Timer', 'operateValve']);
  });

  it('anchors on argument values said as words, numbers included', () => {
    const text = normalizeUtterance('what time is it in hong kong and set the kitchen to twenty two degrees');
    const routed = [call('thermostat', { room: 'kitchen', temperature: 22 }), call('WhatTime', { zone: 'hong kong' })];
    assert.deepEqual(names(orderByMention(routed, text, [none, none])), ['WhatTime', 'thermostat']);
  });

  it('ignores places both calls claim and generic name words', () => {
    // "kitchen" belongs to both calls and "set" to no one; "light" and "22" decide
    const text = normalizeUtterance('set the kitchen light on and set the kitchen heating to 22');
    const routed = [call('set_heating', { room: 'kitchen', temperature: 22 }), call('set_light', { room: 'kitchen', state: 'on' })];
    assert.deepEqual(names(orderByMention(routed, text, [none, none])), ['set_light', 'set_heating']);
  });

  it('falls back to a distinctive description word, then to the clause no other call is in', () => {
    const text = normalizeUtterance('pick up the intercom and close the bedroom shutters');
    const routed = [call('set_blinds', { zone: 'bedroom', position: 0 }), call('answerDoor', { operation: 'answer' })];
    assert.deepEqual(names(orderByMention(routed, text, [none, new Set(['intercom'])])), ['answerDoor', 'set_blinds']);
    // no anchor for answerDoor: it takes the clause set_blinds is not in
    assert.deepEqual(names(orderByMention(routed, text, [none, none])), ['answerDoor', 'set_blinds']);
    const indirect = normalizeUtterance("it's freezing as well as skip to the next song on the hifi");
    const music = [call('musicControl', { action: 'next', player: 'hifi' }), call('climateMode', { mode: 'heat' })];
    assert.deepEqual(names(orderByMention(music, indirect, [none, none])), ['climateMode', 'musicControl']);
  });

  it('keeps the model order when an unanchored call has no clause of its own', () => {
    // one clause only: nothing says where answerDoor belongs
    const text = normalizeUtterance('close the bedroom shutters while you pick up the intercom');
    const routed = [call('set_blinds', { zone: 'bedroom', position: 0 }), call('answerDoor', { operation: 'answer' })];
    assert.deepEqual(names(orderByMention(routed, text, [none, none])), ['set_blinds', 'answerDoor']);
  });

  it('gives each call the clause that says the most of it, when the clauses settle the order', () => {
    // "start" (a word of start_cleaning's name) comes first, but the first clause is the pump's
    const text = normalizeUtterance('Start the sump pump at 35% and then robot start?');
    const routed = [call('start_cleaning'), call('setPump', { pump: 'sump', level: 35 })];
    assert.deepEqual(names(orderByMention(routed, text, [new Set(['robot']), none])), ['setPump', 'start_cleaning']);
    // a call no clause speaks of takes the clause the other one leaves
    const gate = normalizeUtterance("i need a person here also i'm home open the gate");
    const both = [call('control_gate', { action: 'open' }), call('summonHelp')];
    assert.deepEqual(names(orderByMention(both, gate, [new Set(['gate']), none])), ['summonHelp', 'control_gate']);
  });

  it('falls back to the earliest own word when the clauses leave the order open', () => {
    // the unanchored call may be in the clause before the pump's or the one after it
    const text = normalizeUtterance('uh and then stop the pump and then wow');
    const routed = [call('summonHelp'), call('setPump', { pump: 'main', level: 0 })];
    assert.deepEqual(names(orderByMention(routed, text, [none, none])), ['summonHelp', 'setPump']);
  });

  it('leaves a single call alone', () => {
    const one = [call('eStop')];
    assert.deepEqual(orderByMention(one, 'stop everything', [none]), one);
  });
});

describe('clauses no call explains', () => {
  const said = (text: string): string => normalizeUtterance(text);
  const reminder = callWords(call('set_reminder', { time: '21:00', text: 'take my pills' }), new Set(['remind']));

  it('finds a clause that asks for something no call so far explains', () => {
    assert.equal(hasUnexplainedClause(said('remind me at nine pm to take my pills and uh where is everything'), reminder), true);
    assert.equal(hasUnexplainedClause(said("take my pills at nine plus it's freezing"), reminder), true);
  });

  it('ignores explained clauses, filler clauses and single-clause utterances', () => {
    const both = new Set([...reminder, ...callWords(call('show_page', { page: 'everything' }), new Set())]);
    assert.equal(hasUnexplainedClause(said('remind me at nine pm to take my pills and uh where is everything'), both), false);
    assert.equal(hasUnexplainedClause(said('remind me to take my pills and thank you'), reminder), false);
    assert.equal(hasUnexplainedClause(said('where is everything'), new Set()), false);
  });

  it('counts tool-name words, argument values and description words as explained, not generic name words', () => {
    const words = callWords(call('set_light_colour', { room: 'living_room', state: true }), new Set(['colour']));
    assert.deepEqual([...words].sort(), ['colour', 'light', 'living', 'room']);
  });
});
