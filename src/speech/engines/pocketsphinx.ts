/**
 * pocketsphinx engine: one `pocketsphinx_continuous -infile /dev/stdin` child process per utterance, fed
 * raw 16 kHz S16LE PCM while the user speaks. The process for the next utterance is started (models
 * loaded) as soon as the previous one finishes, so only decoding remains after end of speech.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BYTES_PER_SAMPLE, SAMPLE_RATE, type SpeechEngine, type Transcript } from '../types.js';
import { meanConfidence, parsePocketsphinxOutput } from './pocketsphinx-output.js';

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
  extraArgs?: readonly string[];
}

interface Decoder {
  proc: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
  spawnError: Error | null;
}

function killGroup(d: Decoder): void {
  try {
    if (d.proc.pid !== undefined) process.kill(-d.proc.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export class PocketsphinxEngine implements SpeechEngine {
  readonly name = 'pocketsphinx' as const;
  private warm: Decoder | null = null;
  private current: Decoder | null = null;
  private audioBytes = 0;
  private closed = false;

  constructor(private readonly options: PocketsphinxOptions) {}

  private args(): string[] {
    const o = this.options;
    const a = ['-infile', '/dev/stdin', '-time', 'yes', '-lm', o.lmPath, '-dict', o.dictPath,
      '-beam', o.beam ?? '1e-80', '-wbeam', o.wbeam ?? '1e-60', '-pbeam', o.pbeam ?? '1e-80'];
    if (o.hmmPath !== undefined) a.push('-hmm', o.hmmPath);
    if (o.lw !== undefined) a.push('-lw', String(o.lw));
    return [...a, ...(o.extraArgs ?? [])];
  }

  private spawnDecoder(): Decoder {
    // Node gives a child a socket, not a pipe, as stdin, and pocketsphinx cannot open /dev/stdin on a
    // socket (ENXIO): `cat` turns it into a pipe. Own process group, so cancel() can kill both.
    const proc = spawn('sh', ['-c', 'cat | exec "$0" "$@"', this.options.binary ?? 'pocketsphinx_continuous',
      ...this.args()], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
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

  /** Runs a short silent utterance so a bad model, dictionary or binary fails here, not mid-command. */
  async open(): Promise<void> {
    const probe = this.spawnDecoder();
    probe.proc.stdin.end(Buffer.alloc(SAMPLE_RATE * BYTES_PER_SAMPLE / 5));
    const code = await probe.exited;
    if (code !== 0) throw new Error(PocketsphinxEngine.describeFailure(probe, code));
    this.warm = this.spawnDecoder();
  }

  start(): void {
    if (this.closed) throw new Error('pocketsphinx engine is closed');
    if (this.current !== null) this.cancel();
    this.current = this.warm ?? this.spawnDecoder();
    this.warm = null;
    this.audioBytes = 0;
  }

  accept(pcm: Buffer): void {
    if (this.current === null) throw new Error('accept() before start()');
    this.audioBytes += pcm.length;
    this.current.proc.stdin.write(pcm);
  }

  async finalize(): Promise<Transcript> {
    const d = this.current;
    if (d === null) throw new Error('finalize() before start()');
    const audioSeconds = this.audioBytes / (SAMPLE_RATE * BYTES_PER_SAMPLE);
    // The next utterance may start while this one decodes: it gets its own process.
    this.current = null;
    const t0 = performance.now();
    d.proc.stdin.end();
    const code = await d.exited;
    const finalizeMs = performance.now() - t0;
    if (!this.closed && this.warm === null) this.warm = this.spawnDecoder();
    if (code !== 0) {
      // A decoder crash on odd audio must not take the agent down: report nothing recognised.
      if (d.spawnError !== null) throw new Error(PocketsphinxEngine.describeFailure(d, code));
      return { text: '', words: [], confidence: 0, finalizeMs, audioSeconds };
    }
    const parsed = parsePocketsphinxOutput(d.stdout);
    return { text: parsed.text, words: parsed.words, confidence: meanConfidence(parsed.words), finalizeMs, audioSeconds };
  }

  cancel(): void {
    if (this.current !== null) {
      killGroup(this.current);
      this.current = null;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const procs = [this.current, this.warm].filter((d): d is Decoder => d !== null);
    this.current = null;
    this.warm = null;
    for (const d of procs) killGroup(d);
    await Promise.all(procs.map((d) => d.exited));
  }
}
