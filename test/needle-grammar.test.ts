/**
 * The decoding grammar is what makes model output safe to act on: whatever the model's scores,
 * the decoded calls must name an offered tool and satisfy its JSON schema. This drives the grammar
 * with random choices over hundreds of real fixture tool sets and validates every call with ajv.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { CallGrammar, GrammarTables, isTimeParameter } from '../src/agent/needle/grammar.js';
import { normalizeUtterance } from '../src/agent/needle/normalize.js';
import { encodeQuery } from '../src/agent/needle/serialize.js';
import { Tokenizer } from '../src/agent/needle/tokenizer.js';
import type { ToolCall, ToolSchema } from '../src/agent/types.js';

const root = join(import.meta.dirname, '..');
const tok = Tokenizer.load(join(root, 'models/needle/tokenizer.json'));
const fixtures = readFileSync(join(root, 'test/fixtures/needle/heldout_templates.jsonl'), 'utf8')
  .split('\n').filter(Boolean).slice(0, 300)
  .map((l) => JSON.parse(l) as { query: string; tools: ToolSchema[]; answers: ToolCall[] });

function lcg(seed: number): () => number {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
}

describe('decoding grammar', () => {
  it('only ever yields calls that validate against the offered schemas', () => {
    const ajv = new Ajv({ strict: false });
    const rand = lcg(42);
    let calls = 0;
    for (const ex of fixtures) {
      const query = encodeQuery(tok, normalizeUtterance(ex.query));
      const grammar = new CallGrammar(new GrammarTables(tok, ex.tools, ex.tools.map((_, i) => i + 1)), query, 4);
      let state = grammar.start();
      for (let step = 0; step < 200 && state.phase !== 'done'; step++) {
        const allowed = grammar.allowed(state);
        assert.ok(allowed.length > 0, `grammar reached a dead end: ${JSON.stringify({ phase: state.phase, param: state.param, value: state.valueText, tool: state.tool?.tool })}`);
        // prefer continuing a value or adding parameters so long calls get exercised
        const stop = allowed.filter((id) => id === grammar.ids.eos);
        const pick = stop.length && rand() < 0.15 ? stop[0] : allowed[Math.floor(rand() * allowed.length)];
        state = grammar.advance(state, pick);
      }
      if (state.phase !== 'done') state = grammar.advance(state, grammar.ids.eos);
      for (const call of grammar.calls(state)) {
        const tool = ex.tools.find((t) => t.name === call.name);
        assert.ok(tool, `call names unknown tool ${call.name}`);
        const validate = ajv.compile({ ...tool.parameters, additionalProperties: false });
        assert.ok(validate(call.arguments), `${JSON.stringify(call)} fails ${JSON.stringify(validate.errors)}`);
        calls++;
      }
    }
    assert.ok(calls > 100, `only ${calls} calls were produced`);
  });

  it('copies strings from the utterance only', () => {
    const tools: ToolSchema[] = [{ name: 'remind', description: 'reminder', parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } }];
    const query = encodeQuery(tok, 'remind me to water the plants');
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), query, 1);
    let state = grammar.advance(grammar.advance(grammar.advance(grammar.start(), grammar.ids.call), tok.special('<T1>')), tok.special('<P1>'));
    const allowed = new Set(grammar.allowed(state));
    for (const id of allowed) assert.ok(query.includes(id), `token "${tok.piece(id)}" is not in the utterance`);
    assert.ok(!allowed.has(grammar.ids.eos), 'an empty required string must not end the call');
    state = grammar.advance(state, tok.encode(' water')[0]);
    assert.ok(grammar.allowed(state).includes(grammar.ids.eos));
    // a copied string is a contiguous span: after " water" only " the" (or the end) may follow
    const next = grammar.allowed(state).filter((id) => id >= tok.specials.size);
    assert.deepEqual(next.map((id) => tok.piece(id)), [tok.piece(tok.encode(' the')[0])]);
  });

  const step = (grammar: CallGrammar, tokens: number[], from = grammar.start()) => tokens.reduce((st, id) => grammar.advance(st, id), from);
  const ordinary = (ids: number[]): string[] => ids.filter((id) => id >= tok.specials.size).map((id) => tok.piece(id));

  it('ends a copied string only where a word ends', () => {
    const tools: ToolSchema[] = [{ name: 'remind', description: 'reminder', parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } }];
    const query = encodeQuery(tok, 'remind me about the chrysanthemums');
    const word = tok.encode(' chrysanthemums');
    assert.ok(word.length > 1, 'the test needs a word the tokenizer splits');
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), query, 1);
    const mid = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), word[0]]);
    assert.ok(!grammar.allowed(mid).includes(grammar.ids.eos), 'half a word must not end the value');
    const whole = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...word]);
    assert.ok(grammar.allowed(whole).includes(grammar.ids.eos));
  });

  it('takes numbers from the utterance, never invented digits', () => {
    const tools: ToolSchema[] = [{ name: 'set_thermostat', description: 'set temperature', parameters: { type: 'object', properties: {
      degrees: { type: 'integer', minimum: 50, maximum: 90 }, hold: { type: 'integer', minimum: 0, maximum: 7200 } }, required: ['degrees'] } }];
    const query = encodeQuery(tok, normalizeUtterance('set the thermostat to seventy two for five minutes'));
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), query, 1);
    const first = grammar.allowed(step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>')]));
    assert.ok(ordinary(first).length > 0);
    for (const piece of ordinary(first)) assert.ok(' 72'.startsWith(piece), `"${piece}" does not start 72`);
    // the 72 is spent on degrees: the hold time can be the 300 seconds the utterance says, or 0 / 100 / 7200, not 72
    const afterDegrees = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...tok.encode(' 72'), tok.special('<P2>')]);
    let state = afterDegrees;
    for (const id of tok.encode(' 72')) {
      if (!grammar.allowed(state).includes(id)) { state = afterDegrees; break; }
      state = grammar.advance(state, id);
    }
    assert.ok(state === afterDegrees || !grammar.allowed(state).includes(grammar.ids.eos), '72 was given to a second argument');
    const hold = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...tok.encode(' 72'), tok.special('<P2>'), ...tok.encode(' 300')]);
    assert.ok(grammar.allowed(hold).includes(grammar.ids.eos));
    assert.deepEqual(grammar.calls(grammar.advance(hold, grammar.ids.eos)), [{ name: 'set_thermostat', arguments: { degrees: 72, hold: 300 } }]);
  });

  it('offers 0, 100 and the range bounds only when no number the utterance says fits', () => {
    const tools: ToolSchema[] = [{ name: 'set_blinds', description: 'blinds position', parameters: { type: 'object', properties: { position: { type: 'integer', minimum: 0, maximum: 100 } }, required: ['position'] } }];
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, "it's too bright in here"), 1);
    const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>')]);
    assert.deepEqual(grammar.numberChoices(state), { candidates: [' 0', ' 100'], said: false, overDevice: false });
  });

  it("marks a device's own number as such only when another said number has a unit", () => {
    const pump: ToolSchema[] = [{ name: 'pump_speed', description: 'Pump speed (pump 1 or 2)', parameters: { type: 'object', properties: {
      speed: { type: 'integer', minimum: 0, maximum: 100 } }, required: ['speed'] } }];
    const at = (tools: ToolSchema[], text: string): Set<string> => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1);
      return grammar.identifierNumbers(step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>')]));
    };
    assert.deepEqual(at(pump, 'set pump two to sixty percent'), new Set([' 2']));
    assert.deepEqual(at(pump, 'set pump two to sixty'), new Set());
    const channel: ToolSchema[] = [{ name: 'tv_channel', description: 'Change the tv channel', parameters: { type: 'object', properties: {
      channel: { type: 'integer', minimum: 1, maximum: 999 }, volume: { type: 'integer' } } } }];
    // "channel" is the parameter's own word
    assert.deepEqual(at(channel, 'tv channel 5 at 20 percent'), new Set());
  });

  it('starts no free string at a number said with a unit, and no place at "the"', () => {
    const tools: ToolSchema[] = [{ name: 'shopping', description: 'Shopping list', parameters: { type: 'object', properties: {
      item: { type: 'string' }, room: { type: 'string', description: 'Room name' } }, required: ['item'] } }];
    const firstPieces = (text: string, param: number): string[] => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1);
      const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special(`<P${param}>`)]);
      return ordinary(grammar.allowed(state)).map((p) => p.trim());
    };
    // "2 percent" then a word of its own is an item; "40 percent" before "in the" is a measure
    assert.ok(firstPieces('add 2 percent milk', 1).includes('2'));
    assert.ok(!firstPieces('dim it to 40 percent in the kitchen', 1).includes('40'));
    assert.ok(firstPieces('dim it to 40 percent in the kitchen', 1).includes('the'));
    assert.ok(!firstPieces('dim it to 40 percent in the kitchen', 2).includes('the'));
    assert.ok(firstPieces('dim it to 40 percent in the kitchen', 2).includes('kitchen'));
  });

  it("starts no free string at a word of its tool's name or a hesitation, and marks determiners the tool's own word heads", () => {
    const tools: ToolSchema[] = [{ name: 'playPlaylist', description: 'Play a playlist on the speakers', parameters: { type: 'object', properties: {
      playlist: { type: 'string', description: 'playlist name' } }, required: ['playlist'] } }];
    const at = (text: string): { grammar: CallGrammar; state: ReturnType<CallGrammar['start']> } => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1);
      return { grammar, state: step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>')]) };
    };
    const { grammar, state } = at('play my chill playlist');
    const first = ordinary(grammar.allowed(state)).map((p) => p.trim());
    assert.ok(!first.includes('play'), first.join(','));
    assert.ok(first.includes('my') && first.includes('chill'));
    const uh = at('play uh jazz');
    assert.ok(!ordinary(uh.grammar.allowed(uh.state)).map((p) => p.trim()).includes('uh'));
    const schemaWords = new Set(['play', 'playlist', 'speaker', 'name']);
    assert.deepEqual([...grammar.headedDeterminerTokens(state, schemaWords)].map((id) => tok.piece(id).trim()), ['my']);
    // "the" also starts "the package arrived", which no schema word heads: not marked
    const other = at('play the jazz playlist then tell the kids the package arrived');
    assert.deepEqual([...other.grammar.headedDeterminerTokens(other.state, schemaWords)], []);
  });

  it("starts no free string at a word of the parameter's own name or description", () => {
    const tools: ToolSchema[] = [{ name: 'checkin', description: 'Register an arrival', parameters: { type: 'object', properties: {
      booking: { type: 'string', description: 'Booking reference or surname' } }, required: ['booking'] } }];
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance('reference reference cook')), 1);
    const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>')]);
    assert.deepEqual(ordinary(grammar.allowed(state)).map((p) => p.trim()), ['cook']);
  });

  it("marks the tokens that would start a free string only in a clause saying nothing of the call's tool", () => {
    const tools: ToolSchema[] = [{ name: 'call_staff', description: 'Send a member of staff to a counter', parameters: { type: 'object', properties: {
      note: { type: 'string', description: 'what the problem is' } }, required: ['note'] } }];
    const foreign = (text: string): string[] => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1);
      const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>')]);
      return [...grammar.foreignClauseTokens(state)].map((id) => tok.piece(id).trim()).sort();
    };
    // the first clause says "staff": the note starts there, not in "clean the guest room" ("the" starts a span there too)
    assert.deepEqual(foreign('staff to the checkout for a spill then clean the guest room'), ['clean', 'guest', 'room']);
    // one clause, or no clause that says the tool: nothing marked
    assert.deepEqual(foreign('staff to checkout for a spill'), []);
    assert.deepEqual(foreign('a spill at checkout then clean the guest room'), []);
  });

  it("starts no free string at a clause's command word that the tool's description has", () => {
    const tools: ToolSchema[] = [{ name: 'dial', description: 'Call a contact on the phone', parameters: { type: 'object', properties: {
      name: { type: 'string', description: 'who to call' } }, required: ['name'] } }];
    const firstWords = (text: string): string[] => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1);
      return ordinary(grammar.allowed(step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>')]))).map((p) => p.trim());
    };
    const first = (word: string): string => tok.piece(tok.encode(` ${word}`)[0]).trim();
    assert.ok(!firstWords('uh please call sarah').includes(first('call')));
    assert.ok(!firstWords('lights off and call sarah').includes(first('call')));
    assert.ok(firstWords('lights off and call sarah').includes(first('sarah')));
    // not the command word: "contact" may start the name
    assert.ok(firstWords('ring contact number two').includes(first('contact')));
  });

  it('gives a duration in minutes or hours to a parameter counted in that unit', () => {
    const tools: ToolSchema[] = [{ name: 'room_booking', description: 'Book a study room', parameters: { type: 'object', properties: {
      hours: { type: 'integer', description: 'how many hours', minimum: 1, maximum: 4 }, minutes: { type: 'integer' }, seconds: { type: 'integer' } }, required: ['hours'] } }];
    const choices = (param: number): string[] | undefined => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance('book it for two hours')), 1);
      return grammar.numberChoices(step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special(`<P${param}>`)]))?.candidates.map((c) => c.trim());
    };
    assert.deepEqual(choices(1), ['2']);
    assert.deepEqual(choices(2), ['120']);
    assert.deepEqual(choices(3), ['7200']);
  });

  it('leaves out an optional number the utterance says nothing for, unless told to allow implied ones', () => {
    const tools: ToolSchema[] = [{ name: 'print_labels', description: 'Print labels', parameters: { type: 'object', properties: {
      item: { type: 'string' }, count: { type: 'integer', minimum: 0, maximum: 50 } }, required: ['item'] } }];
    const afterItem = (text: string, impliedOptional: boolean): string[] => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1, impliedOptional);
      const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...tok.encode(' cable')]);
      return grammar.allowed(state).map((id) => tok.piece(id));
    };
    assert.ok(!afterItem('print labels for cable', false).includes('<P2>'));
    assert.ok(afterItem('print labels for cable', true).includes('<P2>'));
    assert.ok(afterItem('print 5 labels for cable', false).includes('<P2>'));
  });

  it('leaves out an optional flag for a mode the utterance does not name, not one for a state', () => {
    const tools: ToolSchema[] = [{ name: 'ring_contact', description: 'Phone someone', parameters: { type: 'object', properties: {
      person: { type: 'string' }, loudspeaker: { type: 'boolean' }, enabled: { type: 'boolean' } }, required: ['person'] } }];
    const afterPerson = (text: string): string[] => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1);
      const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...tok.encode(' mom')]);
      return grammar.allowed(state).map((id) => tok.piece(id));
    };
    assert.ok(!afterPerson('call mom').includes('<P2>'));
    assert.ok(afterPerson('call mom on the loudspeaker').includes('<P2>'));
    assert.ok(afterPerson('call mom').includes('<P3>'), 'a flag named for a state stays open');
  });

  it('marks an open mode flag whose name is said, in either spelling ("in colour" of a color flag)', () => {
    const tools: ToolSchema[] = [{ name: 'print_job', description: 'Print the document', parameters: { type: 'object', properties: {
      copies: { type: 'integer' }, color: { type: 'boolean' } }, required: [] } }];
    const afterCopies = (text: string): string[] => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1);
      return [...grammar.saidFlagParams(step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...tok.encode(' 3')]))].map((id) => tok.piece(id));
    };
    assert.deepEqual(afterCopies('print 3 copies in colour'), ['<P2>']);
    assert.deepEqual(afterCopies('print 3 copies in color'), ['<P2>']);
    assert.deepEqual(afterCopies('print 3 copies'), []);
  });

  it('marks an open number parameter that a said number with a unit it takes still fits', () => {
    const tools: ToolSchema[] = [{ name: 'set_light', description: 'Turn a light on or off', parameters: { type: 'object', properties: {
      room: { type: 'string', enum: ['kitchen', 'bedroom'] }, state: { type: 'string', enum: ['on', 'off'] },
      brightness: { type: 'integer', minimum: 0, maximum: 100, description: 'Brightness in percent' }, fade: { type: 'integer', description: 'fade time in seconds' } }, required: ['room', 'state'] } }];
    const afterState = (text: string): string[] => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1);
      const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), tok.special('<E2>'), tok.special('<P2>'), tok.special('<E1>')]);
      return [...grammar.measuredNumberParams(state)].map((id) => tok.piece(id));
    };
    assert.deepEqual(afterState('dim the bedroom to twenty percent'), ['<P3>']);
    assert.deepEqual(afterState('bedroom on and fade over ten seconds'), ['<P4>']);
    assert.deepEqual(afterState('bedroom light on at twenty'), []); // no unit: it may be anything's
    assert.deepEqual(afterState('bedroom light on for 200 percent'), []); // out of range
    // given once, the number is not spare any more
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance('dim the bedroom to twenty percent')), 1);
    const given = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), tok.special('<E2>'), tok.special('<P2>'), tok.special('<E1>'), tok.special('<P3>'), ...tok.encode(' 20')]);
    assert.deepEqual([...grammar.measuredNumberParams(given)], []);
  });

  it('marks an open label parameter when the utterance calls something by a name no argument took', () => {
    const tools: ToolSchema[] = [{ name: 'start_timer', description: 'Start a countdown', parameters: { type: 'object', properties: {
      seconds: { type: 'integer', description: 'duration' }, sound: { type: 'string', enum: ['bell', 'beep'] }, label: { type: 'string', description: 'what it is for' } }, required: ['seconds'] } }];
    const afterSeconds = (text: string): string[] => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance(text)), 1);
      const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...tok.encode(' 600')]);
      return [...grammar.namedLabelParams(state)].map((id) => tok.piece(id));
    };
    assert.deepEqual(afterSeconds('start a timer for ten minutes called pasta'), ['<P3>']);
    assert.deepEqual(afterSeconds('start a ten minute timer labelled pasta'), ['<P3>']);
    assert.deepEqual(afterSeconds('start a timer for ten minutes'), []);
    assert.deepEqual(afterSeconds('call mum in ten minutes'), []); // "call" is not "called"
  });

  it('offers only the range bounds when the number the utterance says is out of range', () => {
    const tools: ToolSchema[] = [{ name: 'set_speed', description: 'motor speed', parameters: { type: 'object', properties: { rpm: { type: 'integer', minimum: 101, maximum: 3000 } }, required: ['rpm'] } }];
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, 'set the motor speed to 42'), 1);
    const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>')]);
    const pieces = ordinary(grammar.allowed(state));
    assert.ok(pieces.length > 0);
    for (const piece of pieces) assert.ok([' 101', ' 3000'].some((c) => c.startsWith(piece)), `"${piece}" starts neither bound`);
  });

  it('calls each tool at most once per answer', () => {
    const tools: ToolSchema[] = ['lock_door', 'unlock_door'].map((name) => ({ name, description: name, parameters: { type: 'object', properties: {} } }));
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1, 2]), encodeQuery(tok, 'lock the door'), 4);
    const afterFirst = step(grammar, [grammar.ids.call, tok.special('<T1>'), grammar.ids.call]);
    assert.deepEqual(grammar.allowed(afterFirst), [tok.special('<T2>')]);
    const afterBoth = step(grammar, [grammar.ids.call, tok.special('<T1>'), grammar.ids.call, tok.special('<T2>')]);
    assert.ok(!grammar.allowed(afterBoth).includes(grammar.ids.call), 'no tool is left for a third call');
  });

  it('calls a tool again only for another of its values the utterance says, when allowed to', () => {
    const tools: ToolSchema[] = [
      { name: 'plug', description: 'Switch a plug', parameters: { type: 'object', properties: { device: { type: 'string', enum: ['kettle', 'fan', 'side_lamp'] }, state: { type: 'string', enum: ['on', 'off'] } }, required: ['device', 'state'] } },
      { name: 'energy_used', description: 'Energy a device used', parameters: { type: 'object', properties: { which: { type: 'string', enum: ['lamp', 'desk'] } }, required: ['which'] } },
    ];
    const afterKettle = (text: string, repeat: { tool: number; spoken: ReadonlySet<number> } | null, device = '<E1>'): string[] => {
      const grammar = new CallGrammar(new GrammarTables(tok, tools, [1, 2]), encodeQuery(tok, normalizeUtterance(text)), 4, false, repeat);
      const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), tok.special(device), tok.special('<P2>'), tok.special('<E2>'), grammar.ids.call]);
      return grammar.allowed(state).map((id) => tok.piece(id));
    };
    const plugOnly = { tool: 0, spoken: new Set([0]) };
    assert.deepEqual(afterKettle('turn off the kettle and the fan', plugOnly), ['<T1>', '<T2>']);
    assert.deepEqual(afterKettle('turn off the kettle and the fan', null), ['<T2>']); // not allowed by the router
    assert.deepEqual(afterKettle('turn off the kettle', plugOnly), ['<T2>']); // no other value said
    assert.deepEqual(afterKettle('turn off the kettle and the lamp', plugOnly, '<E1>'), ['<T2>']); // "lamp" alone is not side_lamp
    assert.deepEqual(afterKettle('turn off the fan and the side lamp', { tool: 0, spoken: new Set([0, 1]) }, '<E2>'), ['<T2>']); // "lamp" is a value of a tool said too
    assert.deepEqual(afterKettle('turn off the fan and the side lamp', plugOnly, '<E2>'), ['<T1>', '<T2>']);
  });

  it('gives an MQTT topic said as words as levels joined by slashes', () => {
    const tools: ToolSchema[] = [{ name: 'mqtt_publish', description: 'Publish a payload', parameters: { type: 'object', properties: {
      path: { type: 'string', description: 'MQTT topic' }, payload: { type: 'string' } }, required: ['path', 'payload'] } }];
    const query = encodeQuery(tok, normalizeUtterance('publish on to home/garage/door'));
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), query, 1);
    const state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...tok.encode(' home garage door'), tok.special('<P2>'), ...tok.encode(' on'), grammar.ids.eos]);
    assert.deepEqual(grammar.calls(state), [{ name: 'mqtt_publish', arguments: { path: 'home/garage/door', payload: 'on' } }]);
  });

  it('gives a clock-time parameter one HH:MM word of the utterance, and leaves an optional one out when there is none', () => {
    const tools: ToolSchema[] = [{ name: 'set_alarm', description: 'Set an alarm', parameters: { type: 'object', properties: {
      label: { type: 'string' }, time: { type: 'string', description: 'Time in 24h HH:MM' } }, required: ['label'] } }];
    const allowedText = (state: ReturnType<CallGrammar['start']>, grammar: CallGrammar): string[] => grammar.allowed(state).map((id) => tok.piece(id));
    const timed = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance('gym alarm at half past seven pm')), 1);
    let state = step(timed, [timed.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...tok.encode(' gym')]);
    assert.ok(timed.allowed(state).includes(timed.ids.params[1]), 'the time parameter is offered');
    state = step(timed, [timed.ids.params[1]], state);
    // only the clock word can start the value, and the value ends with it
    assert.deepEqual(allowedText(state, timed), [tok.piece(tok.encode(' 19:30')[0])]);
    state = step(timed, tok.encode(' 19:30'), state);
    assert.ok(!timed.allowed(state).some((id) => tok.piece(id) === ' pm'), 'the value cannot run past the clock word');
    assert.deepEqual(timed.calls(timed.advance(state, timed.ids.eos)), [{ name: 'set_alarm', arguments: { label: 'gym', time: '19:30' } }]);

    const untimed = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance('gym alarm at seven')), 1);
    const after = step(untimed, [untimed.ids.call, tok.special('<T1>'), tok.special('<P1>'), ...tok.encode(' gym')]);
    assert.ok(!untimed.allowed(after).includes(untimed.ids.params[1]), 'no HH:MM word: the optional time is left out');
    assert.ok(isTimeParameter('wakeTime', { type: 'string' }));
    assert.ok(!isTimeParameter('timezone', { type: 'string', description: 'IANA time zone' }));
    assert.ok(!isTimeParameter('time', { type: 'integer' }));
  });

  it('copies a negative number even where BPE splits off the space before its sign', () => {
    const tools: ToolSchema[] = [{ name: 'set_freezer', description: 'freezer', parameters: { type: 'object', properties: { t: { type: 'number', minimum: -30, maximum: 0 } }, required: ['t'] } }];
    const grammar = new CallGrammar(new GrammarTables(tok, tools, [1]), encodeQuery(tok, normalizeUtterance('set the freezer to minus eighteen')), 1);
    let state = step(grammar, [grammar.ids.call, tok.special('<T1>'), tok.special('<P1>')]);
    assert.deepEqual(grammar.numberChoices(state), { candidates: [' -18'], said: true, overDevice: false });
    for (const id of tok.encode(' -18')) {
      assert.ok(grammar.allowed(state).includes(id), `"${tok.piece(id)}" is not allowed`);
      state = grammar.advance(state, id);
    }
    assert.deepEqual(grammar.calls(grammar.advance(state, grammar.ids.eos)), [{ name: 'set_freezer', arguments: { t: -18 } }]);
  });
});
