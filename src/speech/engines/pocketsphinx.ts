/**
 * pocketsphinx engine: one `pocketsphinx_continuous -infile /dev/stdin` child process per utterance, fed
 * raw 16 kHz S16LE PCM while the user speaks. The process for the next utterance is started (models
 * loaded) as soon as the previous one finishes, so only decoding remains after end of speech.
 *
 * With noise adaptation, every utterance is decoded twice as it streams: by the plain acoustic model and
 * by the model with the noise transform (an MLLR transform of its means, models/speech). When the
 * utterance ends, the endpointer's SNR picks the result: below `belowSnrDb` the adapted one. The other
 * decoder is killed at that moment, so the wait after the utterance is one decoder's.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BYTES_PER_SAMPLE, SAMPLE_RATE, type SpeechEngine, type Transcript, type UtteranceConditions } from '../types.js';
import { meanConfidence, parsePocketsphinxOutput } from './pocketsphinx-output.js';

export interface NoiseAdaptation {
  /** MLLR transform of the acoustic model's means for noisy speech (SphinxTrain mllr_solve format). */
  mllrPath: string;
  /** Utterances with a lower SNR (dB, the endpointer's estimate) get the adapted model's transcript. */
  belowSnrDb: number;
}

export interface PocketsphinxOptions {
  lmPath: string;
  dictPath: string;
  /** Acoustic model folder; the binary's built-in default (the en-us model of pocketsphinx-en-us) when unset. */
  hmmPath?: string;
  binary?: string;
  /** Wide beams avoid empty results on short commands (measured); override with care. */
  beam?: string;
  wbeam?: string;
  pbeam?: string;
  /** Language model weight (pocketsphinx default 6.5). */
  lw?: number;
  noiseAdaptation?: NoiseAdaptation;
  extraArgs?: readonly string[];
}

interface Decoder {
  proc: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
  spawnError: Error | null;
}

/** One decoder per acoustic model variant: [plain] or [plain, noise-adapted]. */
type DecoderSet = Decoder[];

function killGroup(d: Decoder): void {
  try {
    if (d.proc.pid !== undefined) process.kill(-d.proc.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export class PocketsphinxEngine implements SpeechEngine {
  readonly name = 'pocketsphinx' as const;
  private warm: DecoderSet | null = null;
  private current: DecoderSet | null = null;
  private audioBytes = 0;
  private closed = false;

  constructor(private readonly options: PocketsphinxOptions) {}

  private args(adapted: boolean): string[] {
    const o = this.options;
    const a = ['-infile', '/dev/stdin', '-time', 'yes', '-lm', o.lmPath, '-dict', o.dictPath,
      '-beam', o.beam ?? '1e-80', '-wbeam', o.wbeam ?? '1e-60', '-pbeam', o.pbeam ?? '1e-80'];
    if (o.hmmPath !== undefined) a.push('-hmm', o.hmmPath);
    if (o.lw !== undefined) a.push('-lw', String(o.lw));
    if (adapted && o.noiseAdaptation !== undefined) a.push('-mllr', o.noiseAdaptation.mllrPath);
    return [...a, ...(o.extraArgs ?? [])];
  }

  private spawnDecoder(adapted: boolean): Decoder {
    // Node gives a child a socket, not a pipe, as stdin, and pocketsphinx cannot open /dev/stdin on a
    // socket (ENXIO): `cat` turns it into a pipe. Own process group, so cancel() can kill both.
    const proc = spawn('sh', ['-c', 'cat | exec "$0" "$@"', this.options.binary ?? 'pocketsphinx_continuous',
      ...this.args(adapted)], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const d: Decoder = { proc, stdout: '', stderr: '', exited: Promise.resolve(null), spawnError: null };
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stdout.on('data', (s: string) => { d.stdout += s; });
    // Keep only the tail of the (chatty) log for error messages.
    proc.stderr.on('data', (s: string) => { d.stderr = (d.stderr + s).slice(-4000); });
    proc.stdin.on('error', () => { /* EPIPE when the decoder died; reported through its exit */ });
    d.exited = new Promise((resolve) => {
      proc.on('error', (err) => { d.spawnError = err; resolve(null); });
      proc.on('close', (code) => resolve(code));
    });
    return d;
  }

  private spawnSet(): DecoderSet {
    return this.options.noiseAdaptation === undefined
      ? [this.spawnDecoder(false)]
      : [this.spawnDecoder(false), this.spawnDecoder(true)];
  }

  private static describeFailure(d: Decoder, code: number | null): string {
    if (d.spawnError !== null) {
      const enoent = (d.spawnError as NodeJS.ErrnoException).code === 'ENOENT';
      return enoent
        ? 'pocketsphinx_continuous not found: install the Debian packages pocketsphinx and pocketsphinx-en-us'
        : `pocketsphinx_continuous failed to start: ${d.spawnError.message}`;
    }
    const errLines = d.stderr.split('\n').filter((l) => /ERROR|FATAL/.test(l)).slice(-3).join(' | ');
    return `pocketsphinx_continuous exited with code ${code}: ${errLines || d.stderr.slice(-300)}`;
  }

  /** Runs a short silent utterance so a bad model, dictionary, transform or binary fails here, not mid-command. */
  async open(): Promise<void> {
    const mllr = this.options.noiseAdaptation?.mllrPath;
    if (mllr !== undefined && !existsSync(mllr)) {
      throw new Error(`pocketsphinx noise adaptation: transform file not found: ${mllr}`);
    }
    const probes = this.spawnSet();
    for (const probe of probes) probe.proc.stdin.end(Buffer.alloc(SAMPLE_RATE * BYTES_PER_SAMPLE / 5));
    for (const [i, probe] of probes.entries()) {
      const code = await probe.exited;
      if (code !== 0) {
        const what = i === 0 ? '' : `with the noise transform ${mllr ?? ''}: `;
        throw new Error(what + PocketsphinxEngine.describeFailure(probe, code));
      }
    }
    this.warm = this.spawnSet();
  }

  start(): void {
    if (this.closed) throw new Error('pocketsphinx engine is closed');
    if (this.current !== null) this.cancel();
    this.current = this.warm ?? this.spawnSet();
    this.warm = null;
    this.audioBytes = 0;
  }

  accept(pcm: Buffer): void {
    if (this.current === null) throw new Error('accept() before start()');
    this.audioBytes += pcm.length;
    for (const d of this.current) d.proc.stdin.write(pcm);
  }

  /** Whether an utterance measured as `conditions` gets the noise-adapted model's transcript. */
  private useAdapted(conditions: UtteranceConditions | undefined): boolean {
    const na = this.options.noiseAdaptation;
    return na !== undefined && conditions?.snrDb !== undefined && conditions.snrDb < na.belowSnrDb;
  }

  async finalize(conditions?: UtteranceConditions): Promise<Transcript> {
    const set = this.current;
    if (set === null) throw new Error('finalize() before start()');
    const audioSeconds = this.audioBytes / (SAMPLE_RATE * BYTES_PER_SAMPLE);
    // The next utterance may start while this one decodes: it gets its own processes.
    this.current = null;
    const adapted = this.useAdapted(conditions);
    const d = set[adapted ? 1 : 0];
    for (const other of set) if (other !== d) killGroup(other);
    const t0 = performance.now();
    d.proc.stdin.end();
    const code = await d.exited;
    const finalizeMs = performance.now() - t0;
    if (!this.closed && this.warm === null) this.warm = this.spawnSet();
    const noiseAdapted = this.options.noiseAdaptation !== undefined ? { noiseAdapted: adapted } : {};
    if (code !== 0) {
      // A decoder crash on odd audio must not take the agent down: report nothing recognised.
      if (d.spawnError !== null) throw new Error(PocketsphinxEngine.describeFailure(d, code));
      return { text: '', words: [], confidence: 0, finalizeMs, audioSeconds, ...noiseAdapted };
    }
    const parsed = parsePocketsphinxOutput(d.stdout);
    return { text: parsed.text, words: parsed.words, confidence: meanConfidence(parsed.words), finalizeMs, audioSeconds, ...noiseAdapted };
  }

  cancel(): void {
    if (this.current !== null) {
      for (const d of this.current) killGroup(d);
      this.current = null;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const procs = [...(this.current ?? []), ...(this.warm ?? [])];
    this.current = null;
    this.warm = null;
    for (const d of procs) killGroup(d);
    await Promise.all(procs.map((d) => d.exited));
  }
}
