/**
 * Vosk through koffi, against the x86_64 libvosk.so of the vosk npm package (devDependency).
 * The transcription test needs a model folder: set VOSK_MODEL=/path/to/vosk-model-small-en-us-0.15
 * (or install one at the default /opt/vosk/models/...); without one it is skipped with a notice.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_VOSK_MODEL, defaultVoskLibrary } from '../src/speech/config.js';
import { loadVosk, VoskError } from '../src/speech/engines/vosk-binding.js';
import { VoskEngine } from '../src/speech/engines/vosk.js';
import { voskPhrases } from '../src/speech/engines/factory.js';
import { domainSentences } from '../src/speech/lm/sentences.js';
import { silence, synthesize } from './helpers/speech-audio.js';
import { SPEECH_TOOLS, SPOKEN_COMMANDS, WAKE_PHRASE } from './helpers/speech-fixture.js';

const LIB = process.env.VOSK_LIBRARY ?? defaultVoskLibrary();
const MODEL = process.env.VOSK_MODEL ?? DEFAULT_VOSK_MODEL;
const noLib = !existsSync(LIB) && `no libvosk at ${LIB} (npm ci installs the vosk devDependency on x86_64)`;

test('libvosk loads through koffi and reports the version of its package', { skip: noLib }, () => {
  const api = loadVosk(LIB);
  api.setLogLevel(-1);
  if (process.arch === 'x64' && LIB.includes('node_modules')) assert.equal(api.version, '0.3.39');
});

test('a missing or broken model folder is a clear error, not a crash', { skip: noLib }, () => {
  const api = loadVosk(LIB);
  api.setLogLevel(-1);
  assert.throws(() => api.newModel(join(tmpdir(), 'no-such-vosk-model')), (e: unknown) => e instanceof VoskError && /does not exist/.test(e.message));
  const dir = mkdtempSync(join(tmpdir(), 'vosk-bad-'));
  try {
    writeFileSync(join(dir, 'README'), 'not a model');
    // vosk_model_new returns NULL here; building a recogniser on it would segfault.
    assert.throws(() => api.newModel(dir), (e: unknown) => e instanceof VoskError && /vosk_model_new failed/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing or wrong library is a clear error', async () => {
  assert.throws(() => loadVosk(join(tmpdir(), 'libvosk-missing.so')), /libvosk not found/);
  const engine = new VoskEngine({ libraryPath: join(tmpdir(), 'libvosk-missing.so'), modelPath: MODEL, phrases: null });
  await assert.rejects(engine.open(), /libvosk not found/);
  assert.throws(() => loadVosk('/bin/sh'), VoskError);
});

test("Vosk's phrase list spreads over every tool's sentences and keeps every word", () => {
  const sentences = domainSentences(SPEECH_TOOLS, { wakePhrase: WAKE_PHRASE });
  const phrases = voskPhrases(sentences, 1000);
  const whole = phrases.filter((p) => p.includes(' '));
  assert.ok(whole.length <= 1000 && whole.length >= 900, `${whole.length} whole sentences`);
  // the sentences come tool by tool: the last tool's must be among them, not only the first ones'
  assert.ok(whole.some((p) => p.includes('timer')), 'a set_timer sentence');
  assert.ok(whole.some((p) => p.includes('conveyor')), 'a conveyor sentence');
  const words = new Set(phrases.filter((p) => !p.includes(' ')));
  for (const w of new Set(sentences.flatMap((s) => s.split(' ')))) assert.ok(words.has(w) || phrases.includes(w), `word ${w}`);
  assert.deepEqual(voskPhrases(['a b', 'a b', 'c'], 10), ['a b', 'c', 'a', 'b']);
});

test('Vosk transcribes spoken commands (needs a model folder)', async (t) => {
  if (noLib || !existsSync(MODEL)) {
    t.diagnostic(`NOTICE: Vosk transcription test skipped: no model at ${MODEL} (set VOSK_MODEL to a vosk-model-small-en-us-0.15 folder)`);
    console.log(`# NOTICE: Vosk transcription test skipped: no model at ${MODEL}`);
    t.skip(`no Vosk model at ${MODEL}`);
    return;
  }
  const phrases = voskPhrases(domainSentences(SPEECH_TOOLS, { wakePhrase: WAKE_PHRASE }), 1000);
  const engine = new VoskEngine({ libraryPath: LIB, modelPath: MODEL, phrases });
  await engine.open();
  try {
    let ok = 0;
    const commands = SPOKEN_COMMANDS.slice(0, 8);
    for (const c of commands) {
      engine.start();
      engine.accept(Buffer.concat([silence(0.3), synthesize(`${WAKE_PHRASE}, ${c.text}`, 'slt'), silence(0.3)]));
      const r = await engine.finalize();
      if (r.text === `${WAKE_PHRASE} ${c.text}`) ok++;
      else t.diagnostic(`"${r.text}" for "${c.text}"`);
    }
    assert.ok(ok >= commands.length - 1, `${ok}/${commands.length} exact`);
  } finally {
    await engine.close();
  }
});
