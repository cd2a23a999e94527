/**
 * Writes the adaptation corpus for pocketsphinx's noise transform (adapt.sh estimates it).
 *
 * Sentences: the domain language model's sentences for the tools of the embedded default and example
 * configs. Voices: ones the speech tests and the development commands do not use (espeak-ng variants,
 * festival's ked). Every sentence is rendered twice, as the decoder gets it in the product (1.5 s lead,
 * noise suppression, from 250 ms before the speech): clean, and with pink or white noise at 5-15 dB
 * SNR. The clean/noisy pairs let adapt.sh factor the voices out of the transform.
 *
 *   tsx models/speech/recipe/adapt-corpus.ts OUTDIR [--per-voice N]
 * OUTDIR gets raw/<id>.raw (16 kHz S16LE), adapt.fileids, adapt.transcription and lm/domain.dic.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../../src/agent/config.js';
import { DEFAULT_CONFIG_YAML } from '../../../src/agent/default-config.js';
import { packageRoot } from '../../../src/agent/paths.js';
import type { ToolSchema } from '../../../src/agent/types.js';
import { buildDomainModel } from '../../../src/speech/lm/domain-model.js';
import { pick, seededRng } from '../../../src/speech/lm/rng.js';
import { activeRms, asEngineHearsIt, clip, RATE, type NoiseKind } from '../../../test/helpers/speech-audio.js';

const VOICES = ['espeak:en-us+m1', 'espeak:en-us+m3', 'espeak:en-us+f1', 'espeak:en-us+f4', 'espeak:en-us+m7', 'festival:ked_diphone'];
const NOISES: Array<{ kind: NoiseKind; snr: number }> = [
  { kind: 'pinknoise', snr: 15 }, { kind: 'pinknoise', snr: 10 }, { kind: 'pinknoise', snr: 5 },
  { kind: 'whitenoise', snr: 15 }, { kind: 'whitenoise', snr: 10 },
];
const SOX_RAW = ['-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-'];

function corpusTools(root: string): ToolSchema[] {
  const tools = [
    ...parseConfig(DEFAULT_CONFIG_YAML, '(embedded default)', root).config.tools,
    ...parseConfig(readFileSync(join(root, 'config/example.yaml'), 'utf8'), 'config/example.yaml', join(root, 'config')).config.tools,
  ];
  const seen = new Set<string>();
  return tools.filter((t) => !seen.has(t.name) && seen.add(t.name) !== undefined);
}

function synthesize(voice: string, text: string, tmpWav: string): Buffer {
  const [engine, name] = voice.split(':') as [string, string];
  if (engine === 'espeak') execFileSync('espeak-ng', ['-v', name, '-s', '150', '-w', tmpWav, text]);
  else execFileSync('text2wave', ['-eval', `(voice_${name})`, '-o', tmpWav], { input: text });
  return execFileSync('sox', ['-R', tmpWav, ...SOX_RAW], { maxBuffer: 1 << 26 });
}

function main(): void {
  const out = process.argv[2];
  if (out === undefined) throw new Error('usage: adapt-corpus.ts OUTDIR [--per-voice N]');
  const at = process.argv.indexOf('--per-voice');
  const perVoice = at > 0 ? Number(process.argv[at + 1]) : 100;
  const root = packageRoot();
  mkdirSync(join(out, 'raw'), { recursive: true });
  const domain = buildDomainModel({ tools: corpusTools(root), wakePhrase: 'computer', outDir: join(out, 'lm') });
  const sentences = [...new Set(domain.sentences.filter((s) => s.split(' ').length >= 3))];
  console.log(`${sentences.length} distinct sentences, ${domain.model.vocabulary.length} words; ${perVoice} per voice`);
  const rng = seededRng(2026);
  const tmpWav = join(out, 'synth.wav');
  const ids: string[] = [];
  const transcripts: string[] = [];
  for (const voice of VOICES) {
    const chosen = [...sentences].sort(() => rng() - 0.5).slice(0, perVoice);
    chosen.forEach((text, k) => {
      const speech = synthesize(voice, text, tmpWav);
      // TTS voices differ in level: bring them to around -21 dBFS, +-6 dB
      const gain = (3000 / Math.max(1, activeRms(speech))) * (0.5 + rng());
      const noisy = pick(rng, NOISES);
      for (const noise of [null, noisy]) {
        const id = `${voice.replace(/[:+]/g, '_')}_${String(k).padStart(4, '0')}_${noise === null ? 'clean' : `${noise.kind}${noise.snr}`}`;
        writeFileSync(join(out, 'raw', `${id}.raw`), asEngineHearsIt(clip(speech, gain), noise).engineAudio);
        ids.push(id);
        transcripts.push(`<s> ${text} </s> (${id})`);
      }
    });
    console.log(`${voice}: ${chosen.length} sentences`);
  }
  rmSync(tmpWav, { force: true });
  writeFileSync(join(out, 'adapt.fileids'), `${ids.join('\n')}\n`);
  writeFileSync(join(out, 'adapt.transcription'), `${transcripts.join('\n')}\n`);
}

main();
