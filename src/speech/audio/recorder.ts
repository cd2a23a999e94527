/**
 * Microphone capture through node-record-lpcm16 with our own recorder module:
 *  - raw 16 kHz mono S16LE from `arecord` or `sox` (its sox recorder ignores the device; ours passes
 *    `-t alsa <device>`), no WAV header to strip;
 *  - a normal stop() is not an error (node-record-lpcm16 reports one because arecord exits 1 on SIGTERM
 *    and a signalled sox has no exit code).
 * node-record-lpcm16 loads a recorder by `require(path.resolve(__dirname, name))`; we register our
 * recorder function in the CommonJS module cache under this file's own path (a file that exists, so
 * the resolution succeeds) and pass that path as the recorder name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import { SAMPLE_RATE } from '../types.js';

export type RecorderProgram = 'arecord' | 'sox';

export interface RecorderOptions {
  program: RecorderProgram;
  /** ALSA device (e.g. `plughw:1,0`); the default device when unset. */
  device?: string;
}

interface RecorderSpec { cmd: string; args: string[]; spawnOptions?: object }

/** The command line for a program/device (exported for tests). */
export function recorderCommand(options: RecorderOptions): RecorderSpec {
  const rate = String(SAMPLE_RATE);
  if (options.program === 'arecord') {
    const args = ['-q', '-r', rate, '-c', '1', '-f', 'S16_LE', '-t', 'raw'];
    if (options.device !== undefined) args.unshift('-D', options.device);
    return { cmd: 'arecord', args: [...args, '-'] };
  }
  const input = options.device !== undefined ? ['-t', 'alsa', options.device] : ['--default-device'];
  return { cmd: 'sox', args: ['-q', ...input, '-r', rate, '-c', '1', '-e', 'signed-integer', '-b', '16', '-t', 'raw', '-'] };
}

interface Lpcm16Recording {
  process: ChildProcess;
  stream(): Readable;
  stop(): void;
}
interface Lpcm16 { record(options: Record<string, unknown>): Lpcm16Recording }

const require = createRequire(import.meta.url);
const RECORDER_KEY = fileURLToPath(import.meta.url);
let currentOptions: RecorderOptions = { program: 'arecord' };

function registerRecorderModule(): void {
  const cache = require.cache;
  if (cache[RECORDER_KEY] !== undefined) return;
  const ModuleCtor = Module as unknown as new (id: string) => NodeJS.Module;
  const m = new ModuleCtor(RECORDER_KEY);
  m.filename = RECORDER_KEY;
  m.loaded = true;
  m.exports = (): RecorderSpec => recorderCommand(currentOptions);
  cache[RECORDER_KEY] = m;
}

function loadLpcm16(): Lpcm16 | null {
  try {
    return require('node-record-lpcm16') as Lpcm16;
  } catch {
    return null;
  }
}

export interface Capture {
  readonly stream: Readable;
  /** How capture was started (for logs). */
  readonly via: 'node-record-lpcm16' | 'spawn';
  stop(): void;
  /** Called with real failures only (the device is missing, the recorder died), not on stop(). */
  onError(handler: (err: Error) => void): void;
}

/** Starts capturing; errors after stop() are swallowed. */
export function startCapture(options: RecorderOptions): Capture {
  let stopping = false;
  let errorHandler: (err: Error) => void = () => undefined;
  const report = (err: unknown): void => {
    if (!stopping) errorHandler(err instanceof Error ? err : new Error(String(err)));
  };
  const lpcm16 = loadLpcm16();
  let proc: ChildProcess;
  let stream: Readable;
  let via: Capture['via'];
  if (lpcm16 !== null) {
    registerRecorderModule();
    currentOptions = options;
    const rec = lpcm16.record({ recorder: RECORDER_KEY, sampleRate: SAMPLE_RATE, channels: 1, audioType: 'raw' });
    proc = rec.process;
    stream = rec.stream();
    via = 'node-record-lpcm16';
  } else {
    // Bundles that cannot load node-record-lpcm16 from disk: the same command, spawned directly.
    const spec = recorderCommand(options);
    proc = spawn(spec.cmd, spec.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    stream = proc.stdout as Readable;
    proc.on('close', (code) => { if (code !== 0) report(new Error(`${spec.cmd} exited with code ${code}`)); });
    via = 'spawn';
  }
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-500); });
  proc.on('error', (err) => report(err));
  stream.on('error', (err: unknown) => report(new Error(`${String(err).split('\n')[0]} ${stderr.trim()}`.trim())));
  return {
    stream,
    via,
    stop: () => {
      stopping = true;
      proc.kill('SIGTERM');
    },
    onError: (handler) => { errorHandler = handler; },
  };
}
