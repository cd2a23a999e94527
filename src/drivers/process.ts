/**
 * Runs a program with an argv array: spawn with shell:false (no shell ever parses the arguments),
 * a hard timeout (SIGKILL), bounded output capture and optional stdin text. Never throws: spawn
 * failures (ENOENT, EACCES) come back in `error`.
 */
import { spawn } from 'node:child_process';

export interface RunOptions {
  timeoutMs: number;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  /** Bytes kept from stdout and from stderr each (default 64 KiB). */
  maxOutputBytes?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  /** Exit code, or null when killed by a signal or never started. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Spawn error (e.g. "spawn gpioset ENOENT"), when the program could not run at all. */
  error?: string;
  durationMs: number;
}

export function runProcess(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const limit = options.maxOutputBytes ?? 64 * 1024;
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    let timedOut = false;
    let spawnError: string | undefined;
    let settled = false;

    const child = spawn(file, [...args], {
      shell: false,
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);

    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        error: spawnError,
        durationMs: performance.now() - started,
      });
    };

    child.stdout?.on('data', (chunk: Buffer) => {
      if (outLen < limit) out.push(chunk.subarray(0, limit - outLen));
      outLen += chunk.length;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (errLen < limit) err.push(chunk.subarray(0, limit - errLen));
      errLen += chunk.length;
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e.code ? `${e.code}: ${e.message}` : e.message;
      // 'close' may not follow a spawn failure.
      setImmediate(() => finish(null, null));
    });
    child.on('close', (code, signal) => finish(code, signal));

    if (options.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // EPIPE when the child exits early
      child.stdin.end(options.input);
    }
  });
}

/** One line describing why a run failed, for DriverResult.detail. */
export function describeFailure(program: string, r: RunResult): string {
  if (r.error) return `${program} could not start (${r.error})`;
  if (r.timedOut) return `${program} timed out and was killed`;
  const msg = firstLine(r.stderr) || firstLine(r.stdout);
  const how = r.code !== null ? `exited with code ${r.code}` : `was killed by ${r.signal ?? 'a signal'}`;
  return msg ? `${program} ${how}: ${msg}` : `${program} ${how}`;
}

export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return (line ?? '').trim().slice(0, 300);
}
