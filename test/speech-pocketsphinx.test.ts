/**
 * pocketsphinx with the generated domain model on flite voices, and garbage audio through the whole
 * speech input (denoise -> endpointing -> pocketsphinx -> wake gate): nothing may reach the pipeline.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CommandResult } from '../src/agent/result.js';
import type { CommandInput } from '../src/agent/types.js';
import { createAudioSource } from '../src/speech/audio/sources.js';
import { DEFAULT_NOISE_ADAPTATION_SNR_DB, defaultNoiseTransform, resolveSpeechConfig } from '../src/speech/config.js';
import { createEngine } from '../src/speech/engines/factory.js';
import { PocketsphinxEngine } from '../src/speech/engines/pocketsphinx.js';
import { buildDomainModel, type DomainModel } from '../src/speech/lm/domain-model.js';
import { SpeechInput, type UtteranceReport } from '../src/speech/input.js';
import { asEngineHearsIt, clip, normalizeLevel, rms, silence, soxRaw, synthesize, whiteNoise } from './helpers/speech-audio.js';
import { DEV_SPOKEN_COMMANDS, SPEECH_TOOLS, SPOKEN_COMMANDS, WAKE_PHRASE } from './helpers/speech-fixture.js';

let dir = '';
let domain: DomainModel;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'speech-ps-'));
  domain = buildDomainModel({ tools: SPEECH_TOOLS, wakePhrase: WAKE_PHRASE, outDir: dir });
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('clean flite commands are transcribed exactly with the domain language model', async () => {
  const engine = new PocketsphinxEngine({ lmPath: domain.lmPath, dictPath: domain.dictPath });
  await engine.open();
  try {
    let ok = 0;
    let total = 0;
    for (const voice of ['slt', 'rms'] as const) {
      for (const c of SPOKEN_COMMANDS.slice(0, 6)) {
        engine.start();
        engine.accept(Buffer.concat([silence(0.25), synthesize(`${WAKE_PHRASE}, ${c.text}`, voice), silence(0.2)]));
        const r = await engine.finalize();
        total++;
        if (r.text === `${WAKE_PHRASE} ${c.text}`) ok++;
        assert.ok(r.words.every((w) => w.confidence !== undefined && w.confidence >= 0 && w.confidence <= 1));
      }
    }
    assert.ok(ok >= total - 1, `${ok}/${total} exact`);
  } finally {
    await engine.close();
  }
});

test('a missing pocketsphinx binary or a broken model is reported when the engine opens', async () => {
  const missing = new PocketsphinxEngine({ lmPath: domain.lmPath, dictPath: domain.dictPath, binary: 'pocketsphinx_continuous_missing' });
  await assert.rejects(missing.open(), /pocketsphinx_continuous_missing|not found|exited/);
  await missing.close();
  const bad = new PocketsphinxEngine({ lmPath: join(dir, 'nope.lm'), dictPath: domain.dictPath });
  await assert.rejects(bad.open(), /exited with code/);
  await bad.close();
});

test('garbage audio (silence, white noise, clipping, wrong sample rates) produces no action and no crash', async (t) => {
  const speech = synthesize(`${WAKE_PHRASE}, turn on the kitchen light`, 'slt');
  const at8k = soxRaw(speech, ['-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw'],
    ['-r', '8000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-']);
  const at44kStereo = soxRaw(speech, ['-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw'],
    ['-r', '44100', '-c', '2', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-']);
  const noise = whiteNoise(2);
  // steady pink noise with a white burst 8 dB above it in the middle: a low-SNR "utterance"
  const bed = clip(whiteNoise(5, 'pinknoise'), 0.05);
  const burst = clip(noise.subarray(0, 32000), (10 ** (8 / 20) * rms(bed)) / rms(noise));
  const noisyBed = Buffer.from(bed);
  for (let i = 0; i < burst.length; i += 2) {
    const at = 2 * 16000 * 2 + i;
    noisyBed.writeInt16LE(Math.max(-32768, Math.min(32767, noisyBed.readInt16LE(at) + burst.readInt16LE(i))), at);
  }
  const stream = Buffer.concat([
    silence(3),
    noise, silence(1.5), // white noise, full scale
    clip(noise.subarray(0, 32000), 40), silence(1.5), // hard-clipped noise burst
    at8k, silence(1.5), // 8 kHz speech played as 16 kHz (twice as fast)
    at44kStereo.subarray(0, 16000 * 2 * 4), silence(1.5), // 44.1 kHz stereo read as 16 kHz mono
    Buffer.alloc(16000 * 2 * 2, 0x7f), silence(1), // DC at full scale
    noisyBed, silence(1.5), // a noise burst over steady noise
  ]);
  const file = join(dir, 'garbage.raw');
  writeFileSync(file, stream);
  const config = resolveSpeechConfig({ source: { type: 'file', path: file }, feedback: false }, '(test)');
  // the engine the daemon builds from this config: with noise adaptation, which the noise bursts get
  const built = createEngine(config, SPEECH_TOOLS);
  const engine = built.engine;
  const handled: CommandInput[] = [];
  const reports: UtteranceReport[] = [];
  const input = new SpeechInput({
    config,
    engine,
    source: createAudioSource(config.source),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    pipeline: {
      handle: async (cmd: CommandInput): Promise<CommandResult> => {
        handled.push(cmd);
        throw new Error('garbage reached the pipeline');
      },
    },
    onUtterance: (r) => reports.push(r),
  });
  try {
    await input.start();
    await input.ended;
    await input.stop();
  } finally {
    built.cleanup();
  }
  t.diagnostic(`heard: ${JSON.stringify(reports.map((r) => `${r.transcript.text} (SNR ${r.end.snrDb.toFixed(0)} dB${r.transcript.noiseAdapted === true ? ', noise-adapted' : ''})`))}`);
  assert.deepEqual(built.warnings, []);
  assert.ok(reports.some((r) => r.transcript.noiseAdapted === true), 'the noisy garbage went through the noise-adapted decoder');
  assert.deepEqual(handled.map((h) => h.text), [], `reports: ${JSON.stringify(reports.map((r) => r.transcript.text))}`);
  assert.ok(reports.length >= 1, 'the endpointer did hear something');
});

/** A development command as the engine gets it in the product at `snrDb` of pink noise. */
function noisyCommand(text: string, voice: 'rms' | 'awb', snrDb: number): Buffer {
  return asEngineHearsIt(normalizeLevel(synthesize(`${WAKE_PHRASE}, ${text}`, voice)), { kind: 'pinknoise', snr: snrDb }).engineAudio;
}

test('noise adaptation: below the SNR threshold the noise-transformed decoder answers, and hears noisy speech better', async () => {
  const engine = new PocketsphinxEngine({ lmPath: domain.lmPath, dictPath: domain.dictPath,
    noiseAdaptation: { mllrPath: defaultNoiseTransform(), belowSnrDb: DEFAULT_NOISE_ADAPTATION_SNR_DB } });
  await engine.open();
  try {
    const exact = { plain: 0, adapted: 0 };
    // development commands, not the spoken test's
    for (const c of DEV_SPOKEN_COMMANDS.slice(0, 12)) {
      const pcm = noisyCommand(c.text, 'rms', 10);
      for (const snrDb of [12, 60]) {
        engine.start();
        engine.accept(pcm);
        const r = await engine.finalize({ snrDb });
        assert.equal(r.noiseAdapted, snrDb < DEFAULT_NOISE_ADAPTATION_SNR_DB);
        if (r.text === `${WAKE_PHRASE} ${c.text}`) exact[snrDb < DEFAULT_NOISE_ADAPTATION_SNR_DB ? 'adapted' : 'plain']++;
      }
    }
    engine.start();
    engine.accept(silence(0.5));
    assert.equal((await engine.finalize()).noiseAdapted, false, 'no SNR estimate: the plain model');
    // measured: 5/6 adapted against 1/6 plain
    assert.ok(exact.adapted >= exact.plain + 2, `exact transcripts at pink 10 dB: adapted ${exact.adapted}/12, plain ${exact.plain}/12`);
  } finally {
    await engine.close();
  }
});

test('a missing or corrupt noise transform is reported when the engine opens', async () => {
  const missing = new PocketsphinxEngine({ lmPath: domain.lmPath, dictPath: domain.dictPath,
    noiseAdaptation: { mllrPath: join(dir, 'none.mllr'), belowSnrDb: 28 } });
  await assert.rejects(missing.open(), /noise adaptation: transform file not found: .*none\.mllr/);
  await missing.close();
  const corrupt = join(dir, 'corrupt.mllr');
  writeFileSync(corrupt, '1\n3\n13\n0.5 nonsense\n');
  const bad = new PocketsphinxEngine({ lmPath: domain.lmPath, dictPath: domain.dictPath,
    noiseAdaptation: { mllrPath: corrupt, belowSnrDb: 28 } });
  await assert.rejects(bad.open(), /noise transform .*corrupt\.mllr: pocketsphinx_continuous exited with code 1: .*MLLR/);
  await bad.close();
});
