/**
 * The router's phrasings in the speech language model: the committed phrasebook matches the
 * generator, tools find their families, the sentences carry the families' words, and a missing or
 * broken phrasebook is reported instead of stopping speech.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_FAMILIES } from '../models/recipe/generator/families.js';
import { buildPhrasebook, expansions } from '../models/recipe/phrasebook.js';
import { familiesFor, loadPhrasebook, PHRASEBOOK_FILE } from '../src/speech/lm/phrasebook.js';
import { domainSentences } from '../src/speech/lm/sentences.js';
import type { ToolSchema } from '../src/agent/types.js';
import { SPEECH_TOOLS } from './helpers/speech-fixture.js';

const committed = join(import.meta.dirname, '..', 'models', 'needle', PHRASEBOOK_FILE);
const tmp = mkdtempSync(join(tmpdir(), 'phrasebook-'));

describe('phrasebook', () => {
  it('is what the generator writes today (run `make phrasebook` after changing a family)', () => {
    const book = loadPhrasebook(committed);
    assert.equal(book.warning, null);
    assert.deepEqual(book.families, buildPhrasebook(ALL_FAMILIES));
  });

  it('expands alternatives, nested ones and empty ones included, up to a cap', () => {
    assert.deepEqual(expansions('[a|b] x [c|]', 10), ['a x c', 'a x ', 'b x c', 'b x ']);
    assert.deepEqual(expansions('[p [q|r]|s]', 10).sort(), ['p q', 'p r', 's']);
    assert.equal(expansions('[a|b] [c|d] [e|f]', 3).length, 3);
  });

  it('turns values into slots the daemon fills, and drops templates that need free text', () => {
    const families = buildPhrasebook(ALL_FAMILIES);
    const light = families.find((f) => f.id === 'light_power');
    assert.ok(light?.sentences.includes("it's too dark in the {L}"), JSON.stringify(light?.sentences.slice(0, 5)));
    assert.ok(light?.sentences.some((s) => s.includes('{S}')));
    const shopping = families.find((f) => f.id === 'shopping_list');
    assert.ok(shopping !== undefined && shopping.sentences.every((s) => !/\{item\}|\{text\}/.test(s)));
  });

  it('gives a configured tool the phrasings of the families that cover its words', () => {
    const { families } = loadPhrasebook(committed);
    const ids = (t: ToolSchema): string[] => familiesFor(t, families).map((f) => f.id);
    const byName = (name: string): ToolSchema => SPEECH_TOOLS.find((t) => t.name === name) as ToolSchema;
    assert.ok(ids(byName('set_light')).includes('light_power'));
    assert.deepEqual(ids(byName('set_thermostat')), ['thermostat']);
    assert.deepEqual(ids(byName('set_timer')), ['timer']);
    const unrelated: ToolSchema = { name: 'feed_goldfish', description: 'Drop food pellets into the aquarium', parameters: { type: 'object', properties: {} } };
    assert.deepEqual(ids(unrelated), []);
  });

  it('puts the router phrasings into the language model sentences, filled with the tool values', () => {
    const { families } = loadPhrasebook(committed);
    const plain = domainSentences(SPEECH_TOOLS, { wakePhrase: 'computer' });
    const withBook = domainSentences(SPEECH_TOOLS, { wakePhrase: 'computer', phrasebook: families });
    assert.ok(!plain.some((s) => s.includes('too dark')));
    assert.ok(withBook.some((s) => /it's too dark in the (kitchen|living room|bedroom|hallway|garage)/.test(s)));
    assert.ok(withBook.some((s) => s.includes('conveyor belt')));
    // slots the tool cannot fill never reach the model
    assert.ok(withBook.every((s) => !s.includes('{')));
  });

  it('reports a missing, corrupt or misshapen phrasebook and yields none', () => {
    assert.match(loadPhrasebook(join(tmp, 'absent.json')).warning ?? '', /no phrasebook at/);
    writeFileSync(join(tmp, 'bad.json'), '{"families": [');
    assert.match(loadPhrasebook(join(tmp, 'bad.json')).warning ?? '', /cannot be read/);
    writeFileSync(join(tmp, 'shape.json'), JSON.stringify({ families: [{ id: 'x', words: 'light' }] }));
    const shaped = loadPhrasebook(join(tmp, 'shape.json'));
    assert.match(shaped.warning ?? '', /not a list of \{id, words, sentences\}/);
    assert.deepEqual(shaped.families, []);
    assert.ok(readFileSync(committed, 'utf8').length > 1000);
  });
});
