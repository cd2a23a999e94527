/** Remarks the router keeps from acting (remark.ts): an opinion said of a thing asks for nothing. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeUtterance } from '../src/agent/needle/normalize.js';
import { asksAboutAssistant, isFaultReport, isRemark } from '../src/agent/needle/remark.js';

const remark = (text: string): boolean => isRemark(normalizeUtterance(text));
const fault = (text: string): boolean => isFaultReport(normalizeUtterance(text));
const aboutAssistant = (text: string): boolean => asksAboutAssistant(normalizeUtterance(text));

describe('remarks', () => {
  it('reads an opinion after a linking verb, or after "what a" / "such a", as a remark', () => {
    assert.ok(remark('the kitchen light is lovely'));
    assert.ok(remark('The roses smell lovely!'));
    assert.ok(remark('uh the bed is really comfortable'));
    assert.ok(remark('what a beautiful garden'));
    assert.ok(remark("it's such a nice view"));
  });

  it("reads the speaker's taste as a remark, not a wish", () => {
    assert.ok(remark('i like the er colour blue'));
    assert.ok(remark('uh i really love this song'));
    assert.equal(remark("i'd like the lights blue"), false);
    assert.equal(remark('i like it warmer'), false);
    assert.equal(remark('i like to read'), false);
    assert.equal(remark('tell mum i love her'), false);
  });

  it('leaves commands alone, those with an opinion word among them too', () => {
    assert.equal(remark('turn on the kitchen light'), false);
    assert.equal(remark("it's too dark in the kitchen"), false);
    assert.equal(remark('play some nice music'), false);
    assert.equal(remark('make it nice and warm'), false);
    // a state or a number said asks for something
    assert.equal(remark('the lights are lovely turn them off'), false);
    assert.equal(remark('it is lovely at twenty one degrees'), false);
  });

  it('reads a thing out of order as a fault report, unless it is a question or asks for a state', () => {
    assert.ok(fault('the light in the bedroom is broken'));
    assert.ok(fault("the kettle isn't working"));
    assert.ok(fault('the coffee machine stopped working'));
    assert.equal(fault('has the press broken down'), false);
    assert.equal(fault('the lamp is broken turn it off'), false);
    assert.equal(fault('turn on the kitchen light'), false);
  });

  it('reads a question about the assistant itself as small talk, unless it asks for a state or a number', () => {
    assert.ok(aboutAssistant('are you a robot'));
    assert.ok(aboutAssistant('Uh who made you!'));
    assert.ok(aboutAssistant('ok so how are you today'));
    assert.ok(aboutAssistant("what's your name"));
    assert.equal(aboutAssistant('are you open on sunday'), false);
    assert.equal(aboutAssistant('when are you open'), false);
    assert.equal(aboutAssistant('when are you'), false);
    assert.equal(aboutAssistant('can you turn on the light'), false);
    assert.equal(aboutAssistant('who is at the front door'), false);
    assert.equal(aboutAssistant("what's your battery level"), false);
  });
});
