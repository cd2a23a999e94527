/**
 * Test audio: commands synthesised by flite / espeak-ng, resampled by sox to 16 kHz mono S16LE, with
 * sox-generated white noise mixed in at a chosen SNR. Everything stays in memory except a temp .wav.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Denoiser } from '../../src/speech/audio/denoise.js';

export const RATE = 16000;
export type Voice = 'slt' | 'rms' | 'awb' | 'kal16' | 'espeak-en-us' | 'espeak-en';

const SOX_RAW_OUT = ['-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-'];

function withTemp<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'needle-speech-'));
  try { return fn(dir); } finally { rmSync(dir, { recursive: true, force: true }); }
}

/** Speech for `text` in the given voice as 16 kHz mono S16LE PCM. */
export function synthesize(text: string, voice: Voice): Buffer {
  return withTemp((dir) => {
    const wav = join(dir, 'u.wav');
    if (voice.startsWith('espeak-')) {
      execFileSync('espeak-ng', ['-v', voice.slice('espeak-'.length), '-s', '150', '-w', wav, text]);
    } else {
      execFileSync('flite', ['-voice', voice, '-t', text, '-o', wav]);
    }
    // -R: repeatable dither; espeak-ng writes 22.05 kHz, and sox's default random dither when it
    // resamples made the espeak-ng commands' transcripts differ from run to run
    return execFileSync('sox', ['-R', wav, ...SOX_RAW_OUT], { maxBuffer: 64 << 20 });
  });
}

/** Converts a PCM buffer at another rate/format through sox (for the wrong-sample-rate garbage case). */
export function soxRaw(input: Buffer, inArgs: string[], outArgs: string[] = SOX_RAW_OUT): Buffer {
  return execFileSync('sox', ['-R', ...inArgs, '-', ...outArgs], { input, maxBuffer: 64 << 20 });
}

export type NoiseKind = 'whitenoise' | 'pinknoise';

/** `seconds` of white (or pink) noise from sox (repeatable with -R), full scale before mixing. */
export function whiteNoise(seconds: number, kind: NoiseKind = 'whitenoise'): Buffer {
  return execFileSync('sox', ['-R', '-n', ...SOX_RAW_OUT, 'synth', seconds.toFixed(3), kind],
    { maxBuffer: 64 << 20 });
}

export function silence(seconds: number): Buffer {
  return Buffer.alloc(Math.round(seconds * RATE) * 2);
}

export function rms(pcm: Buffer): number {
  let sum = 0;
  const n = pcm.length >> 1;
  for (let i = 0; i < n; i++) { const s = pcm.readInt16LE(i * 2); sum += s * s; }
  return Math.sqrt(sum / Math.max(1, n));
}

/** RMS of the speech only (20 ms frames within 30 dB of the loudest), the usual reference for SNR. */
export function activeRms(pcm: Buffer): number {
  const frame = 320 * 2;
  const energies: number[] = [];
  for (let off = 0; off + frame <= pcm.length; off += frame) energies.push(rms(pcm.subarray(off, off + frame)));
  const peak = Math.max(1, ...energies);
  const active = energies.filter((e) => e > peak / 31.6);
  return Math.sqrt(active.reduce((a, e) => a + e * e, 0) / Math.max(1, active.length));
}

/** Mixes noise into `pcm` at `snrDb` relative to the speech's active RMS (noise covers the whole buffer). */
export function addNoise(pcm: Buffer, snrDb: number, noiseRef: Buffer = pcm, kind: NoiseKind = 'whitenoise'): Buffer {
  const noise = whiteNoise(pcm.length / 2 / RATE + 0.01, kind);
  const gain = activeRms(noiseRef) / (rms(noise) * Math.pow(10, snrDb / 20));
  const out = Buffer.alloc(pcm.length);
  for (let i = 0; i < pcm.length >> 1; i++) {
    const v = pcm.readInt16LE(i * 2) + gain * noise.readInt16LE(i * 2);
    out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v))), i * 2);
  }
  return out;
}

/** Scales speech to an active level of `dbfs` (TTS voices differ by 13 dB out of the box). */
export function normalizeLevel(pcm: Buffer, dbfs = -20): Buffer {
  return clip(pcm, (32768 * 10 ** (dbfs / 20)) / Math.max(1, activeRms(pcm)));
}

/** Scales and hard-clips (the "clipped" garbage case). */
export function clip(pcm: Buffer, gain: number): Buffer {
  const out = Buffer.alloc(pcm.length);
  for (let i = 0; i < pcm.length >> 1; i++) {
    const v = pcm.readInt16LE(i * 2) * gain;
    out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v))), i * 2);
  }
  return out;
}

/**
 * A command as the speech engine gets it in the product: 1.5 s of lead (silence, or the noise when
 * there is some) before `speech`, 0.3 s after, noise at `noise.snr` dB against the speech, then the
 * noise suppression, from 250 ms before the speech. `raw` is the stream before suppression (what the
 * endpointer measures).
 */
export function asEngineHearsIt(speech: Buffer, noise: { kind: NoiseKind; snr: number } | null): { raw: Buffer; engineAudio: Buffer } {
  const lead = silence(1.5);
  const pcm = Buffer.concat([lead, speech, silence(0.3)]);
  const raw = noise === null ? pcm : addNoise(pcm, noise.snr, speech, noise.kind);
  return { raw, engineAudio: new Denoiser().process(raw).subarray(lead.length - RATE / 2) };
}
