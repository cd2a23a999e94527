/**
 * Speech benchmark (part of `make bench`):
 *  1. STT accuracy and real-time factor of pocketsphinx with the generated domain model, per voice
 *     and noise condition (each command decoded on its own, after the product's noise suppression,
 *     with 1.5 s of silence or noise before the command as a live stream would have).
 *  2. End of utterance -> MQTT publish latency through the real daemon (speech input -> Needle router ->
 *     mqtt driver -> Mosquitto), audio paced in real time like a microphone.
 *
 *   tsx bench/speech.ts [--quick] [--dev] [--stt-only | --latency-only] [--conditions clean,pink:10,...]
 *                       [--no-noise-adaptation | --mllr FILE] [--noise-snr DB]
 * --quick: two voices, fewer commands; --dev: the development commands (settings are chosen on these);
 * --stt-only / --latency-only: one part; noise adaptation as the daemon does it unless switched off.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNeedleRouter } from '../src/agent/needle/router.js';
import { DEFAULT_NOISE_ADAPTATION_SNR_DB, defaultNoiseTransform } from '../src/speech/config.js';
import { Endpointer, type UtteranceEnd } from '../src/speech/audio/endpointer.js';
import { PocketsphinxEngine } from '../src/speech/engines/pocketsphinx.js';
import { buildDomainModel } from '../src/speech/lm/domain-model.js';
import { loadPhrasebook, PHRASEBOOK_FILE } from '../src/speech/lm/phrasebook.js';
import { asEngineHearsIt, silence, synthesize, type NoiseKind, type Voice } from '../test/helpers/speech-audio.js';
import { buildStream, runSpeechE2E, summarize } from '../test/helpers/speech-e2e.js';
import { ALL_VOICES, DEV_SPOKEN_COMMANDS, SPEECH_TOOLS, SPOKEN_COMMANDS, WAKE_PHRASE } from '../test/helpers/speech-fixture.js';

const root = join(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const argAfter = (flag: string): string | undefined => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
// as the daemon decodes by default: with the shipped noise transform below 28 dB SNR
const mllrPath = process.argv.includes('--no-noise-adaptation') ? undefined : argAfter('--mllr') ?? defaultNoiseTransform();
const belowSnrDb = Number(argAfter('--noise-snr') ?? DEFAULT_NOISE_ADAPTATION_SNR_DB);
const voices: Voice[] = quick ? ['slt', 'rms'] : ALL_VOICES;
const dev = process.argv.includes('--dev');
const commands = dev ? DEV_SPOKEN_COMMANDS : quick ? SPOKEN_COMMANDS.slice(0, 8) : SPOKEN_COMMANDS;
/** `--conditions clean,pink:10,white:10`: noise kind and SNR (dB) of each condition measured. */
const conditions: Array<{ label: string; kind: NoiseKind | null; snr: number }> = (argAfter('--conditions') ?? 'clean,pink:10,white:10,pink:20')
  .split(',').map((c) => {
    if (c === 'clean') return { label: 'clean', kind: null, snr: 0 };
    const [kind, db] = c.split(':');
    if ((kind !== 'pink' && kind !== 'white') || !Number.isFinite(Number(db))) throw new Error(`--conditions: bad condition ${c}`);
    return { label: `${kind} ${db} dB`, kind: kind === 'pink' ? 'pinknoise' : 'whitenoise', snr: Number(db) };
  });

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const f0 = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '-');

const ROOMS = ['kitchen', 'living room', 'bedroom', 'hallway', 'garage'];
const KEY_NOUNS = ['light', 'brightness', 'thermostat', 'conveyor', 'staff', 'timer'];

/**
 * Whether the transcript carries what a router needs: the wake phrase, the tool's key noun (and
 * start/stop for the conveyor), every argument value as spoken, and no competing room, state or
 * number. A proxy for "the command was understood" that does not need the Needle model.
 */
function carriesCommand(text: string, c: (typeof SPOKEN_COMMANDS)[number]): boolean {
  if (!text.startsWith(`${WAKE_PHRASE} `)) return false;
  const t = ` ${text.slice(WAKE_PHRASE.length + 1)} `;
  const has = (w: string): boolean => t.includes(` ${w} `);
  const noun = KEY_NOUNS.find((n) => c.text.includes(n));
  if (noun !== undefined && !has(noun)) return false;
  if (c.call.name.endsWith('conveyor') && !has(c.call.name.startsWith('start') ? 'start' : 'stop')) return false;
  const spokenNumbers = c.text.match(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)( (one|two|three|four|five|six|seven|eight|nine))?\b/g) ?? [];
  for (const n of spokenNumbers) if (!has(n)) return false;
  for (const room of ROOMS) if (has(room) !== c.text.includes(room)) return false;
  for (const state of ['on', 'off']) if (c.call.arguments.state !== undefined && has(state) !== (c.call.arguments.state === state)) return false;
  return true;
}

function wordErrors(ref: string[], hyp: string[]): number {
  const d = Array.from({ length: ref.length + 1 }, (_, i) => Array.from({ length: hyp.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= ref.length; i++) {
    for (let j = 1; j <= hyp.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1));
    }
  }
  return d[ref.length][hyp.length];
}

/** The endpointer's SNR estimate for the utterance in `raw` (the longest one it finds). */
function measuredSnr(raw: Buffer): number | undefined {
  let best: UtteranceEnd | undefined;
  const ep = new Endpointer({
    onStart: () => undefined, onAudio: () => undefined, onDiscard: () => undefined,
    onEnd: (end) => { if (best === undefined || end.speechMs > best.speechMs) best = end; },
  });
  ep.push(Buffer.concat([raw, silence(1)]));
  ep.flush();
  return best?.snrDb;
}

/** The command as the engine gets it in the product, with the endpointer's SNR estimate for it. */
function prepared(speech: Buffer, kind: NoiseKind | null, snr: number): { pcm: Buffer; snrDb: number | undefined } {
  const { raw, engineAudio } = asEngineHearsIt(speech, kind === null ? null : { kind, snr });
  return { pcm: engineAudio, snrDb: measuredSnr(raw) };
}

async function sttBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-speech-'));
  // as the daemon builds it: with the router's phrasings from the model folder (lm/phrasebook.ts)
  const book = loadPhrasebook(join(root, 'models/needle', PHRASEBOOK_FILE));
  if (book.warning !== null) console.log(book.warning);
  const domain = buildDomainModel({ tools: SPEECH_TOOLS, wakePhrase: WAKE_PHRASE, outDir: dir, phrasebook: book.families });
  const engine = new PocketsphinxEngine({ lmPath: domain.lmPath, dictPath: domain.dictPath, ...(mllrPath !== undefined ? { noiseAdaptation: { mllrPath, belowSnrDb } } : {}) });
  await engine.open();
  console.log(`\n## STT: pocketsphinx + domain trigram LM (${domain.model.vocabulary.length} words, ${domain.sentences.length} generated sentences)`);
  console.log('voice        condition     sentences  command words  word acc   RTF   decode p50 ms   SNR p10/50/90  noise-adapted');
  try {
    for (const cond of conditions) {
      let allDecode = 0;
      let allAudio = 0;
      for (const voice of voices) {
        let ok = 0;
        let carried = 0;
        let errors = 0;
        let words = 0;
        const decode: number[] = [];
        const snrs: number[] = [];
        let adaptedCount = 0;
        let audio = 0;
        for (const c of commands) {
          const ref = `${WAKE_PHRASE} ${c.text}`;
          const speech = synthesize(`${WAKE_PHRASE}, ${c.text}`, voice);
          const { pcm, snrDb } = prepared(speech, cond.kind, cond.snr);
          if (snrDb !== undefined) snrs.push(snrDb);
          engine.start();
          engine.accept(pcm);
          const t = await engine.finalize({ ...(snrDb !== undefined ? { snrDb } : {}) });
          if (t.noiseAdapted === true) adaptedCount++;
          decode.push(t.finalizeMs);
          audio += t.audioSeconds;
          if (t.text === ref) ok++;
          if (carriesCommand(t.text, c)) carried++;
          errors += wordErrors(ref.split(' '), t.text.split(' ').filter(Boolean));
          words += ref.split(' ').length;
        }
        const total = decode.reduce((a, b) => a + b, 0);
        allDecode += total;
        allAudio += audio;
        console.log(`${voice.padEnd(12)} ${cond.label.padEnd(12)} ${`${ok}/${commands.length}`.padStart(9)}  ${`${carried}/${commands.length}`.padStart(13)}  ${(100 * (1 - errors / words)).toFixed(1).padStart(6)}%  ${(total / 1000 / audio).toFixed(3)}  ${f0(quantile(decode, 0.5)).padStart(8)}   ${f0(quantile(snrs, 0.1)).padStart(3)}/${f0(quantile(snrs, 0.5)).padStart(3)}/${f0(quantile(snrs, 0.9)).padStart(3)}   ${adaptedCount}`);
      }
      console.log(`${'all'.padEnd(12)} ${cond.label.padEnd(12)} RTF ${(allDecode / 1000 / allAudio).toFixed(3)} (decode wall time / audio time, whole utterance at once)`);
    }
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function latencyBench(): Promise<void> {
  const modelDir = join(root, 'models/needle');
  console.log('\n## End of utterance -> MQTT publish (daemon, Needle router, mqtt driver, Mosquitto; audio in real time)');
  if (!existsSync(join(modelDir, 'model.json'))) {
    console.log(`skipped: no Needle model in ${modelDir} (make model)`);
    return;
  }
  const plan = buildStream({ voices, cleanCount: quick ? 6 : 12, noisyCount: quick ? 2 : 4, snrDb: 10 });
  const result = await runSpeechE2E(plan, { loadRouter: loadNeedleRouter, realtime: true });
  const ok = result.outcomes.filter((o) => o.ok);
  const publish = ok.map((o) => o.publishMs ?? NaN);
  const stt = ok.map((o) => o.sttMs ?? NaN);
  const after = ok.map((o) => (o.publishMs ?? NaN) - (o.sttMs ?? NaN));
  console.log(`commands: ${ok.length}/${result.outcomes.length} published correctly; ${result.unexpected.length} unexpected device messages`);
  for (const s of summarize(result.outcomes)) console.log(`  ${s.group.padEnd(22)} ${s.ok}/${s.total}`);
  console.log('                                   p50    p90    max   (ms)');
  console.log(`end of utterance -> publish     ${f0(quantile(publish, 0.5)).padStart(6)} ${f0(quantile(publish, 0.9)).padStart(6)} ${f0(Math.max(...publish)).padStart(6)}`);
  console.log(`  of which STT tail (finalize)  ${f0(quantile(stt, 0.5)).padStart(6)} ${f0(quantile(stt, 0.9)).padStart(6)} ${f0(Math.max(...stt)).padStart(6)}`);
  console.log(`  router+policy+driver+MQTT     ${f0(quantile(after, 0.5)).padStart(6)} ${f0(quantile(after, 0.9)).padStart(6)} ${f0(Math.max(...after)).padStart(6)}   (goal <= 300)`);
  console.log('(end of utterance = the endpointer\'s decision, 500 ms of hangover after the last speech frame)');
}

if (!process.argv.includes('--latency-only')) await sttBench();
if (!process.argv.includes('--stt-only')) await latencyBench();
