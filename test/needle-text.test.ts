/**
 * The Needle front end that needs no model: inverse text normalisation, the BPE tokenizer and the
 * tool/answer serialisation the model was trained on.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizeUtterance, normalizeWithSources, numberToWords, saidWordsOf } from '../src/agent/needle/normalize.js';
import { inSaidWords, typedTopics } from '../src/agent/needle/said-strings.js';
import { encodeAnswer, encodeTool, humanize } from '../src/agent/needle/serialize.js';
import { preTokenize, Tokenizer, trainTokenizer } from '../src/agent/needle/tokenizer.js';
import type { ToolSchema } from '../src/agent/types.js';

const modelDir = join(import.meta.dirname, '..', 'models', 'needle');

describe('inverse text normalisation', () => {
  const cases: Array<[string, string]> = [
    ['uh set it to seventy two degrees', 'uh set it to 72 degrees'],
    ['wake me at half past seven', 'wake me at 07:30'],
    ['alarm at 7:30pm', 'alarm at 19:30'],
    ['alarm at seven thirty pm', 'alarm at 19:30'],
    ['take out the trash five oh four pm', 'take out the trash 17:04'],
    ['wake me at seven oh five', 'wake me at 07:05'],
    ['oh and turn it off', 'oh and turn it off'],
    ['validate ticket four four seven one', 'validate ticket 4471'],
    ['my pin is one two three four please', 'my pin is 1234 please'],
    ['pump two at four', 'pump 2 at 4'],
    ["walk the dog at one o'clock pm", 'walk the dog at 13:00'],
    ['wake me at six oclock a.m.', 'wake me at 06:00'],
    ['set it to -5 degrees', 'set it to -5 degrees'],
    ['set it to minus five', 'set it to -5'],
    ['open the blinds halfway', 'open the blinds 50 percent'],
    ['open them half way please', 'open them 50 percent please'],
    ['bedroom lights at half brightness', 'bedroom lights at brightness 50 percent'],
    ['leave the blinds half open please', 'leave the blinds open 50 percent please'],
    ['the wi-fi in room 5-10', 'the wi fi in room 5 10'],
    ['quarter to eight', '07:45'],
    ['set a timer for five minutes and thirty seconds', 'set a timer for 330 seconds'],
    ['timer for an hour and a half', 'timer for 5400 seconds'],
    ['we need this room for another half hour', 'we need this room for another 1800 seconds'],
    ['a quarter of an hour', '900 seconds'],
    ['give me a quarter hour', 'give me 900 seconds'],
    ['half a minute', '30 seconds'],
    ['the half marathon', 'the half marathon'],
    ['Dim to 20%!', 'dim to 20 percent'],
    ['volume one hundred and five', 'volume 105'],
    ['set it to 21.5°C', 'set it to 21.5 degrees'],
    ['set it to 19,5 degrees', 'set it to 19.5 degrees'],
    ['extruder to 1,500 rpm', 'extruder to 1500 rpm'],
    ['lights 1, 2 and 3', 'lights 1 2 and 3'],
    ['minus five degrees', '-5 degrees'],
    ['make it twenty two and a half degrees', 'make it 22.5 degrees'],
    ['two and a half hours', '9000 seconds'],
    ['a hundred percent', '100 percent'],
    ["it's too dark in here", "it's too dark in here"],
    ['preheat the oven to one eighty', 'preheat the oven to 180'],
    ['hot end two forty five', 'hot end 245'],
    ['channel one twelve', 'channel 112'],
    ['set an alarm for six thirty', 'set an alarm for 6 30'],
    ['pump one seventy percent', 'pump 1 70 percent'],
    ['set line one to eighty', 'set line 1 to 80'],
  ];
  for (const [input, expected] of cases) {
    it(`"${input}"`, () => assert.equal(normalizeUtterance(input), expected));
  }
  it('knows which said words each normalised word stands for', () => {
    const u = normalizeWithSources('Announce: the meeting starts in five minutes, at half past seven!');
    assert.equal(u.text, 'announce the meeting starts in 300 seconds at 07:30');
    assert.equal(u.text, normalizeUtterance('Announce: the meeting starts in five minutes, at half past seven!'));
    assert.deepEqual(u.sources, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 7], [5, 7], [7, 8], [8, 11]]);
    assert.equal(saidWordsOf(u, 1, 7), 'the meeting starts in five minutes');
    assert.equal(saidWordsOf(u, 6, 7), 'five minutes');
    assert.equal(saidWordsOf(u, 8, 9), 'half past seven');
    // a word the normaliser added stands for nothing said
    const half = normalizeWithSources('bedroom lights at half brightness');
    assert.equal(half.text, 'bedroom lights at brightness 50 percent');
    assert.equal(saidWordsOf(half, 4, 6), null);
    assert.equal(saidWordsOf(half, 3, 6), 'brightness');
  });
  it('gives copied free strings back in the words said, clock times and topics in their canonical form', () => {
    const tools: ToolSchema[] = [
      { name: 'announce', description: 'Say a sentence', parameters: { type: 'object', properties: { text: { type: 'string' }, room: { type: 'string', enum: ['kitchen', '5 seconds'] } } } },
      { name: 'remind', description: 'A reminder', parameters: { type: 'object', properties: { at: { type: 'string' }, what: { type: 'string' } } } },
      { name: 'publish', description: 'Publish to MQTT', parameters: { type: 'object', properties: { topic: { type: 'string', description: 'MQTT topic' }, payload: { type: 'string' } } } },
    ];
    const u = normalizeWithSources('say dinner in ten minutes and remind me at 7:30 pm to call sam and publish fifty on home two');
    assert.equal(u.text, 'say dinner in 600 seconds and remind me at 19:30 to call sam and publish 50 on home 2');
    const calls = inSaidWords([
      { name: 'announce', arguments: { text: 'dinner in 600 seconds', room: '5 seconds' } },
      { name: 'remind', arguments: { at: '19:30', what: 'to call sam' } },
      { name: 'publish', arguments: { topic: 'home/2', payload: '50' } },
    ], tools, u);
    assert.deepEqual(calls, [
      { name: 'announce', arguments: { text: 'dinner in ten minutes', room: '5 seconds' } },
      { name: 'remind', arguments: { at: '19:30', what: 'to call sam' } },
      { name: 'publish', arguments: { topic: 'home/2', payload: '50' } },
    ]);
  });
  it('gives a topic argument as the whole topic typed in the utterance', () => {
    const tools: ToolSchema[] = [
      { name: 'publish', description: 'Publish to MQTT', parameters: { type: 'object', properties: { topic: { type: 'string', description: 'MQTT topic' }, payload: { type: 'string' } } } },
    ];
    const publish = (topic: string): Array<{ name: string; arguments: Record<string, string> }> => [{ name: 'publish', arguments: { topic, payload: 'toggle' } }];
    // the model reads "office sensor mode" and may stop early; a hyphen inside a level reads as a space
    assert.deepEqual(typedTopics(publish('office'), tools, 'publish toggle to office/sensor/mode.'), publish('office/sensor/mode'));
    assert.deepEqual(typedTopics(publish('garden/heater'), tools, 'send toggle to garden/heater-power'), publish('garden/heater-power'));
    // two typed topics hold "office": left as decoded; no typed topic: as decoded
    assert.deepEqual(typedTopics(publish('office'), tools, 'toggle office/fan and office/lamp'), publish('office'));
    assert.deepEqual(typedTopics(publish('home/2'), tools, 'publish fifty on home two'), publish('home/2'));
    // a parameter that is no topic keeps its value
    assert.deepEqual(typedTopics([{ name: 'publish', arguments: { topic: 'a/b', payload: 'b' } }], tools, 'send b to a/b/c'),
      [{ name: 'publish', arguments: { topic: 'a/b/c', payload: 'b' } }]);
  });
  it('spells numbers the way a recogniser writes them', () => {
    assert.equal(numberToWords(72), 'seventy two');
    assert.equal(numberToWords(2024), 'two thousand twenty four');
    assert.equal(normalizeUtterance(numberToWords(4321)), '4321');
  });
});

describe('tokenizer', () => {
  it('keeps digits apart so numbers are copied digit by digit', () => {
    assert.deepEqual(preTokenize(' set 72 at 07:30'), [' set', ' 7', '2', ' at', ' 0', '7', ':', '3', '0']);
    const json = trainTokenizer(['set the light to 72', 'set the light to 55', 'light light light 12'], 400);
    const tok = new Tokenizer(json);
    for (const id of tok.encode(' 7272 light')) assert.ok(!/[0-9]{2}/.test(tok.piece(id)), `token "${tok.piece(id)}" merges digits`);
  });
  it('round-trips text through the shipped vocabulary', () => {
    const tok = Tokenizer.load(join(modelDir, 'tokenizer.json'));
    for (const text of [' turn on the kitchen light', ' set a timer for 300 seconds', ' café ünïcode', ' zx9 qq']) {
      assert.equal(tok.decode(tok.encode(text)), text);
    }
  });
  it('names a missing tokenizer file', () => {
    assert.throws(() => Tokenizer.load('/nonexistent/tokenizer.json'), /tokenizer: cannot read \/nonexistent\/tokenizer.json/);
  });
});

describe('serialisation', () => {
  const tool: ToolSchema = {
    name: 'setKitchenLight2',
    description: 'Kitchen light',
    parameters: { type: 'object', properties: { state: { type: 'string', enum: ['ON', 'OFF'] }, level: { type: 'integer' } }, required: ['state'] },
  };
  it('humanises names', () => {
    assert.equal(humanize('setKitchenLight2'), 'set kitchen light 2');
    assert.equal(humanize('kitchen_relay_2'), 'kitchen relay 2');
  });
  it('encodes answers with slot pointers and enum indices', () => {
    const tok = Tokenizer.load(join(modelDir, 'tokenizer.json'));
    const ids = encodeAnswer(tok, [{ name: 'setKitchenLight2', arguments: { state: 'OFF', level: 40 } }], [tool], [7]);
    const pieces = ids.map((id) => tok.piece(id));
    assert.deepEqual(pieces, ['<call>', '<T7>', '<P1>', '<E2>', '<P2>', ' 4', '0', '<eos>']);
    assert.equal(encodeTool(tok, tool, 7)[0], tok.special('<T7>'));
    assert.throws(() => encodeAnswer(tok, [{ name: 'nope', arguments: {} }], [tool], [1]), /unknown tool nope/);
    assert.throws(() => encodeAnswer(tok, [{ name: 'setKitchenLight2', arguments: { state: 'DIM' } }], [tool], [1]), /not in enum/);
  });
});
