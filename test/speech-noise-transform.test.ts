/**
 * The noise transform for pocketsphinx (models/speech): the MLLR file format, the noise factoring, the
 * sendump -> mixture_weights conversion the recipe needs (checked by decoding with both), and the
 * shipped transform itself.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { factorNoise, formatMllr, invert, parseMllr, type MllrStream } from '../models/speech/recipe/mllr.js';
import { formatMixtureWeights, readSendump } from '../models/speech/recipe/sendump-to-mixw.js';
import { defaultNoiseTransform } from '../src/speech/config.js';
import { buildDomainModel } from '../src/speech/lm/domain-model.js';
import { silence, synthesize } from './helpers/speech-audio.js';
import { SPEECH_TOOLS, SPOKEN_COMMANDS, WAKE_PHRASE } from './helpers/speech-fixture.js';

const EN_US = '/usr/share/pocketsphinx/model/en-us/en-us';

const close = (x: number[][], y: number[][], tol = 1e-9): boolean => x.every((row, i) => row.every((v, j) => Math.abs(v - y[i][j]) < tol));
const identity = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

test('MLLR files: parse and format round trip; bad files are named with what is wrong', () => {
  const stream: MllrStream = { a: [[1.5, 0.25], [-0.5, 2]], b: [0.125, -3] };
  const text = formatMllr([stream, stream]);
  assert.deepEqual(parseMllr(text), [stream, stream]);
  assert.throws(() => parseMllr('2\n1\n'), /2 regression classes/);
  assert.throws(() => parseMllr('1\n1\n2\n1 0 0 x\n', 'bad.mllr'), /bad\.mllr: expected A\[0\]\[1\]\[1\] at value 7, found x/);
  assert.throws(() => parseMllr(`${text} 7`), /1 values after the last stream/);
});

test('noise factoring: inverse, identities, and the composition it promises', () => {
  const m = [[2, 1, 0], [1, 3, 1], [0, 1, 4]];
  const inv = invert(m);
  const product = m.map((row) => inv[0].map((_, j) => row.reduce((s, v, k) => s + v * inv[k][j], 0)));
  assert.ok(close(product, identity(3)));
  assert.throws(() => invert([[1, 2], [2, 4]]), /singular/);
  const voice: MllrStream = { a: [[1.2, 0.1], [0, 0.9]], b: [0.5, -0.25] };
  const noise: MllrStream = { a: [[0.8, 0], [0.2, 0.7]], b: [1, 2] };
  // the same transform clean and noisy: no noise effect
  const none = factorNoise([voice], [voice])[0];
  assert.ok(close(none.a, identity(2)) && none.b.every((x) => Math.abs(x) < 1e-12));
  // noisy = noise after voice: factoring gives the noise back
  const composed: MllrStream = {
    a: noise.a.map((row) => voice.a[0].map((_, j) => row.reduce((s, v, k) => s + v * voice.a[k][j], 0))),
    b: noise.a.map((row, i) => row.reduce((s, v, k) => s + v * voice.b[k], 0) + noise.b[i]),
  };
  const back = factorNoise([voice], [composed])[0];
  assert.ok(close(back.a, noise.a) && close([back.b], [noise.b]));
});

test('the shipped noise transform is one global transform over the en-us model\'s three 13-dimensional streams', () => {
  const streams = parseMllr(readFileSync(defaultNoiseTransform(), 'utf8'), defaultNoiseTransform());
  assert.deepEqual(streams.map((s) => s.b.length), [13, 13, 13]);
  for (const { a } of streams) {
    // a mild transform: the diagonal stays positive and nothing explodes
    a.forEach((row, i) => assert.ok(row[i] > 0.3 && row[i] < 2, `diagonal ${row[i]}`));
    assert.ok(a.flat().every((x) => Number.isFinite(x) && Math.abs(x) < 5));
  }
});

test('sendump -> mixture_weights: the converted weights decode exactly like the shipped ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speech-mixw-'));
  try {
    const m = readSendump(readFileSync(join(EN_US, 'sendump')), 3);
    assert.deepEqual([m.senones, m.streams, m.densities], [5126, 3, 128]);
    let sum = 0;
    for (let d = 0; d < m.densities; d++) sum += m.weights[(77 * m.streams + 1) * m.densities + d];
    assert.ok(Math.abs(sum - 1) < 1e-5);
    assert.throws(() => readSendump(readFileSync(join(EN_US, 'sendump')).subarray(0, 5000), 3, 'cut'), /cut: \d+ weight bytes/);
    // the model with mixture_weights in place of sendump
    const hmm = join(dir, 'hmm');
    mkdirSync(hmm);
    for (const f of ['feat.params', 'mdef', 'means', 'variances', 'noisedict', 'transition_matrices']) copyFileSync(join(EN_US, f), join(hmm, f));
    writeFileSync(join(hmm, 'mixture_weights'), formatMixtureWeights(m));
    const domain = buildDomainModel({ tools: SPEECH_TOOLS, wakePhrase: WAKE_PHRASE, outDir: join(dir, 'lm') });
    for (const c of SPOKEN_COMMANDS.slice(5, 8)) {
      const audio = join(dir, 'command.raw');
      writeFileSync(audio, Buffer.concat([silence(0.3), synthesize(`${WAKE_PHRASE}, ${c.text}`, 'awb'), silence(0.3)]));
      const decode = (model: string): string => execFileSync('pocketsphinx_continuous',
        ['-infile', audio, '-hmm', model, '-lm', domain.lmPath, '-dict', domain.dictPath], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
      const shipped = decode(EN_US);
      assert.equal(shipped, `${WAKE_PHRASE} ${c.text}`);
      assert.equal(decode(hmm), shipped);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
