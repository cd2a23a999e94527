import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BOS, EOS, estimateNgramModel, sentenceLogProb, toArpa } from '../src/speech/lm/arpa.js';
import { buildDomainModel } from '../src/speech/lm/domain-model.js';
import { numberToWords } from '../src/speech/lm/numbers.js';
import { DEFAULT_CMUDICT, ipaToArpabet, letterRules, pronounce } from '../src/speech/lm/pronounce.js';
import { domainSentences } from '../src/speech/lm/sentences.js';
import { speakableWords } from '../src/speech/lm/words.js';
import { SPEECH_TOOLS, SPOKEN_COMMANDS, WAKE_PHRASE } from './helpers/speech-fixture.js';

test('numbers are spelled the way they are spoken', () => {
  assert.equal(numberToWords(0), 'zero');
  assert.equal(numberToWords(21), 'twenty one');
  assert.equal(numberToWords(100), 'one hundred');
  assert.equal(numberToWords(305), 'three hundred five');
  assert.equal(numberToWords(7200), 'seven thousand two hundred');
  assert.throws(() => numberToWords(-1));
  assert.throws(() => numberToWords(1.5));
});

test('identifiers become speakable words', () => {
  assert.deepEqual(speakableWords('living_room'), ['living', 'room']);
  assert.deepEqual(speakableWords('setBrightness'), ['set', 'brightness']);
  assert.deepEqual(speakableWords('Zone 12'), ['zone', 'twelve']);
});

test('Witten-Bell model: conditional distributions sum to one, seen sentences beat unseen ones', () => {
  const model = estimateNgramModel(['turn on the light', 'turn off the light', 'turn on the fan', 'set the fan to five'], 3);
  const vocab = [...model.vocabulary.filter((w) => w !== BOS), EOS];
  // log10 P(w | ctx) straight from the ARPA tables, backing off as pocketsphinx does.
  const logP = (ws: string[]): number => {
    const e = model.grams[ws.length - 1].get(ws.join(' '));
    if (e !== undefined) return e.logProb;
    const h = model.grams[ws.length - 2]?.get(ws.slice(0, -1).join(' '));
    return (h?.logBackoff ?? 0) + logP(ws.slice(1));
  };
  const prob = (ctx: string[], w: string): number => 10 ** logP([...ctx, w]);
  for (const ctx of [[BOS, 'turn'], ['turn', 'on'], ['the', 'fan'], ['set', 'the'], ['light', 'turn']]) {
    const total = vocab.reduce((a, w) => a + prob(ctx, w), 0);
    assert.ok(Math.abs(total - 1) < 1e-6, `P(.|${ctx.join(' ')}) sums to ${total}`);
  }
  assert.ok(sentenceLogProb(model, 'turn on the light') > sentenceLogProb(model, 'light the on turn'));
  const arpa = toArpa(model);
  assert.match(arpa, /^\\data\\\nngram 1=\d+\nngram 2=\d+\nngram 3=\d+\n/);
  assert.match(arpa, /\n-99\.000000\t<s>\t-?\d/);
  assert.ok(arpa.trimEnd().endsWith('\\end\\'));
});

test('domain sentences cover every tool, enum value and the wake phrase', () => {
  const sentences = domainSentences(SPEECH_TOOLS, { wakePhrase: WAKE_PHRASE });
  const text = sentences.join('\n');
  for (const w of ['kitchen', 'living room', 'hallway', 'conveyor', 'staff', 'thermostat', 'timer', 'brightness',
    'twenty one', 'seventy five', 'percent', 'degrees', 'minutes', 'seconds', 'computer']) {
    assert.ok(text.includes(w), `missing "${w}"`);
  }
  assert.ok(sentences.some((s) => s.startsWith('computer turn on the kitchen light')) || text.includes('turn on the kitchen light'));
  assert.ok(sentences.length > 500 && sentences.length < 50_000, `${sentences.length} sentences`);
});

test('the domain model scores every test command (free phrasing inside the domain) above word salad', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speech-lm-'));
  try {
    const dm = buildDomainModel({ tools: SPEECH_TOOLS, wakePhrase: WAKE_PHRASE, outDir: dir });
    for (const c of SPOKEN_COMMANDS) {
      const s = `${WAKE_PHRASE} ${c.text}`;
      for (const w of s.split(' ')) assert.ok(dm.model.vocabulary.includes(w), `"${w}" not in the vocabulary`);
      const shuffled = s.split(' ').reverse().join(' ');
      assert.ok(sentenceLogProb(dm.model, s) > sentenceLogProb(dm.model, shuffled) + 3, s);
    }
    const dict = readFileSync(dm.dictPath, 'utf8');
    const dictWords = new Set(dict.trim().split('\n').map((l) => l.split(' ')[0].replace(/\(\d+\)$/, '')));
    for (const w of dm.model.vocabulary.filter((x) => x !== BOS)) assert.ok(dictWords.has(w), `no pronunciation for ${w}`);
    assert.ok(existsSync(dm.lmPath));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pronunciations: cmudict first, espeak-ng IPA or letter rules for unknown device names', { skip: !existsSync(DEFAULT_CMUDICT) && 'pocketsphinx-en-us not installed' }, () => {
  const p = pronounce(['kitchen', 'zigbeeplug', 'tasmota']);
  assert.equal(p.get('kitchen')?.source, 'cmudict');
  assert.deepEqual(p.get('kitchen')?.phones[0], ['K', 'IH', 'CH', 'AH', 'N']);
  for (const w of ['zigbeeplug', 'tasmota']) {
    const q = p.get(w);
    assert.ok(q !== undefined && q.source !== 'cmudict', w);
    assert.ok(q.phones[0].length >= 4, `${w}: ${q.phones[0].join(' ')}`);
  }
  assert.deepEqual(ipaToArpabet('tæzmˈoʊɾə'), ['T', 'AE', 'Z', 'M', 'OW', 'T', 'AH']);
  assert.deepEqual(ipaToArpabet('ʃˈɛli'), ['SH', 'EH', 'L', 'IY']);
  assert.deepEqual(letterRules('shelly'), ['SH', 'EH', 'L', 'IY']);
  const noEspeak = pronounce(['qwzx'], { useEspeak: false });
  assert.equal(noEspeak.get('qwzx')?.source, 'rules');
});
