/**
 * `gpio` driver: Linux GPIO character device through libgpiod's command-line tools (Debian `gpiod`),
 * never the deprecated sysfs interface. Programs run with an argv array, never a shell.
 *
 *   action: { driver: gpio, chip: gpiochip0, line: 17, value: "{{state}}" }            # relay, held
 *   action: { driver: gpio, chip: gpiochip0, line: 27, op: pulse, value: 1, pulse_ms: 500 }  # bell
 *   action: { driver: gpio, chip: gpiochip0, line: 22, op: get }
 *
 * A line set through the character device only keeps its value while a process holds it. `hold`
 * (the default for `set`) therefore keeps one gpioset process per line running (v1 `--mode=signal`,
 * v2's default) and replaces it on the next set; `hold: false` sets and exits, which is only
 * meaningful for lines whose state survives release. libgpiod v1 (Debian 12, Raspberry Pi OS
 * bookworm) and v2 (Debian 13+) have different command lines: the major version is probed once with
 * `gpioset --version`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { ToolCall } from '../agent/types.js';
import { bindingChecker, errorMessage, fail, ok } from './common.js';
import { describeFailure, firstLine, runProcess } from './process.js';
import { fillTemplate, transformArgs, transformSchemaProperties, type ArgumentTransforms } from './template.js';
import type { ActionBinding, Driver, DriverContext, DriverResult } from './types.js';

export type GpioOp = 'set' | 'get' | 'pulse';
export type GpioBias = 'as-is' | 'disable' | 'pull-up' | 'pull-down';

export interface GpioBinding extends ArgumentTransforms {
  driver: 'gpio';
  op?: GpioOp;
  /** gpiochip name, number or /dev path; templated. */
  chip: string;
  /** Line offset (or a `{{arg}}` template that fills to one). */
  line: number | string;
  /** For set/pulse: 1/0, on/off, high/low, true/false, active/inactive; templated. */
  value?: string | number | boolean;
  active_low?: boolean;
  bias?: GpioBias;
  pulse_ms?: number;
  hold?: boolean;
  consumer?: string;
  timeout_ms?: number;
}

export const gpioBindingSchema = {
  type: 'object',
  required: ['driver', 'chip', 'line'],
  additionalProperties: false,
  properties: {
    driver: { const: 'gpio' },
    op: { enum: ['set', 'get', 'pulse'] },
    chip: { type: 'string', minLength: 1 },
    line: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', minLength: 1 }] },
    value: { type: ['string', 'number', 'boolean'] },
    active_low: { type: 'boolean' },
    bias: { enum: ['as-is', 'disable', 'pull-up', 'pull-down'] },
    pulse_ms: { type: 'integer', minimum: 1, maximum: 60000 },
    hold: { type: 'boolean' },
    consumer: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,31}$' },
    timeout_ms: { type: 'integer', minimum: 1, maximum: 120000 },
    ...transformSchemaProperties,
  },
} as const;

export interface GpioDriverOptions {
  gpiosetPath?: string;
  gpiogetPath?: string;
  /** How long a held gpioset must survive to count as success (default 300 ms). */
  settleMs?: number;
}

const TRUE_WORDS = new Set(['1', 'on', 'high', 'true', 'active', 'yes', 'open']);
const FALSE_WORDS = new Set(['0', 'off', 'low', 'false', 'inactive', 'no', 'closed', 'close']);

export function parseLineValue(value: string): 0 | 1 {
  const v = value.trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return 1;
  if (FALSE_WORDS.has(v)) return 0;
  throw new Error(`not a GPIO value: ${JSON.stringify(value)} (use 1/0, on/off, high/low)`);
}

/** Major libgpiod version from `gpioset --version` output ("gpioset (libgpiod) v1.6.3" / "gpioset (libgpiod) v2.1"). */
export function parseGpiodVersion(output: string): 1 | 2 | null {
  const m = /\bv(\d+)\.\d+/.exec(output);
  if (!m) return null;
  return Number(m[1]) >= 2 ? 2 : 1;
}

export interface GpioRequest {
  chip: string;
  line: number;
  value: 0 | 1;
  activeLow: boolean;
  bias?: GpioBias;
  consumer: string;
}

/** v2 renamed `disable` to `disabled`. */
function v2Bias(bias: GpioBias): string {
  return bias === 'disable' ? 'disabled' : bias;
}

/** argv for gpioset: `mode` exit = set and exit, hold = keep running until signalled, pulse = value for ms then the inverse. */
export function gpiosetArgs(version: 1 | 2, req: GpioRequest, mode: 'exit' | 'hold' | { pulseMs: number }): string[] {
  const args: string[] = [];
  if (version === 1) {
    if (req.activeLow) args.push('--active-low');
    if (req.bias && req.bias !== 'as-is') args.push(`--bias=${req.bias}`);
    if (mode === 'hold') args.push('--mode=signal');
    else if (typeof mode === 'object') args.push('--mode=time', `--usec=${mode.pulseMs * 1000}`);
    args.push(req.chip, `${req.line}=${req.value}`);
    return args;
  }
  args.push('--chip', req.chip, '--consumer', req.consumer);
  if (req.activeLow) args.push('--active-low');
  if (req.bias && req.bias !== 'as-is') args.push(`--bias=${v2Bias(req.bias)}`);
  if (mode === 'exit') args.push('--toggle', '0');
  // Toggle once after the pulse, then exit (a last period of 0 ends gpioset).
  else if (typeof mode === 'object') args.push('--toggle', `${mode.pulseMs}ms,0`);
  args.push(`${req.line}=${req.value}`);
  return args;
}

export function gpiogetArgs(version: 1 | 2, req: Omit<GpioRequest, 'value'>): string[] {
  const args: string[] = [];
  if (version === 1) {
    if (req.activeLow) args.push('--active-low');
    if (req.bias && req.bias !== 'as-is') args.push(`--bias=${req.bias}`);
    args.push(req.chip, String(req.line));
    return args;
  }
  args.push('--chip', req.chip, '--consumer', req.consumer, '--numeric');
  if (req.activeLow) args.push('--active-low');
  if (req.bias && req.bias !== 'as-is') args.push(`--bias=${v2Bias(req.bias)}`);
  args.push(String(req.line));
  return args;
}

/** Reads "1", "0", `"17"=active` or `17=inactive` from gpioget output. */
export function parseGpiogetOutput(stdout: string): 0 | 1 | null {
  const text = stdout.trim().toLowerCase();
  if (/^[01]$/.test(text)) return Number(text) as 0 | 1;
  const m = /=\s*(active|inactive|1|0)\b/.exec(text);
  if (!m) return null;
  return m[1] === 'active' || m[1] === '1' ? 1 : 0;
}

/** Adds what to check for the usual failures of the libgpiod tools. */
export function gpioHint(detail: string, chip: string): string {
  if (/could not start/.test(detail)) return detail;
  if (/No such file or directory|ENOENT/i.test(detail)) return `${detail} (no GPIO chip "${chip}"? list chips with gpiodetect)`;
  if (/Permission denied|EACCES|EPERM/i.test(detail)) return `${detail} (no access to /dev/gpiochip*: add the service user to the gpio group)`;
  if (/Device or resource busy|EBUSY/i.test(detail)) return `${detail} (line held by another consumer: see gpioinfo)`;
  return detail;
}

interface Held {
  child: ChildProcess;
  exited: Promise<void>;
}

export class GpioDriver implements Driver {
  readonly name = 'gpio';
  readonly bindingSchema = gpioBindingSchema;
  private readonly check = bindingChecker<GpioBinding>('gpio', gpioBindingSchema);
  private readonly gpioset: string;
  private readonly gpioget: string;
  private readonly settleMs: number;
  private version: Promise<1 | 2 | string> | null = null;
  private readonly held = new Map<string, Held>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(options: GpioDriverOptions = {}) {
    this.gpioset = options.gpiosetPath ?? 'gpioset';
    this.gpioget = options.gpiogetPath ?? 'gpioget';
    this.settleMs = options.settleMs ?? 300;
  }

  /** libgpiod major version, or a string explaining why it is unknown. */
  probeVersion(): Promise<1 | 2 | string> {
    this.version ??= runProcess(this.gpioset, ['--version'], { timeoutMs: 5000 }).then((r) => {
      if (r.error || r.code !== 0) {
        this.version = null; // try again next time (package may get installed)
        return `${describeFailure(this.gpioset, r)}; install the Debian package gpiod`;
      }
      return parseGpiodVersion(r.stdout) ?? `cannot read the libgpiod version from: ${firstLine(r.stdout)}`;
    });
    return this.version;
  }

  async execute(raw: ActionBinding, call: ToolCall, _context: DriverContext): Promise<DriverResult> {
    const binding = this.check(raw);
    if (typeof binding === 'string') return fail(binding);
    let req: GpioRequest;
    try {
      const args = transformArgs(call.arguments, binding);
      const chip = fillTemplate(binding.chip, args);
      const lineText = fillTemplate(String(binding.line), args);
      if (!/^\d{1,4}$/.test(lineText)) throw new Error(`line must be a line offset, got ${JSON.stringify(lineText)}`);
      if (!/^[A-Za-z0-9_./-]+$/.test(chip) || chip.startsWith('-')) throw new Error(`bad chip name ${JSON.stringify(chip)}`);
      const op = binding.op ?? 'set';
      const value = op === 'get' ? 0 : parseLineValue(fillTemplate(String(binding.value ?? '{{state}}'), args));
      req = {
        chip,
        line: Number(lineText),
        value,
        activeLow: binding.active_low ?? false,
        bias: binding.bias,
        consumer: binding.consumer ?? 'needle-agent',
      };
    } catch (e) {
      return fail(`gpio: ${errorMessage(e)}`);
    }
    const version = await this.probeVersion();
    if (typeof version === 'string') return fail(`gpio: ${version}`);
    // One operation at a time per line, so a hold is replaced in order.
    const key = `${req.chip}:${req.line}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.run(version, binding, req));
    this.queues.set(key, run.catch(() => undefined));
    return run;
  }

  private async run(version: 1 | 2, binding: GpioBinding, req: GpioRequest): Promise<DriverResult> {
    const r = await this.runOnce(version, binding, req);
    return r.ok ? r : { ...r, detail: gpioHint(r.detail, req.chip) };
  }

  private async runOnce(version: 1 | 2, binding: GpioBinding, req: GpioRequest): Promise<DriverResult> {
    const where = `${req.chip} line ${req.line}`;
    const timeoutMs = binding.timeout_ms ?? 5000;
    const op = binding.op ?? 'set';
    const data = { chip: req.chip, line: req.line };
    await this.release(`${req.chip}:${req.line}`);
    if (op === 'get') {
      const r = await runProcess(this.gpioget, gpiogetArgs(version, req), { timeoutMs });
      if (r.error || r.code !== 0 || r.timedOut) return fail(`gpio: reading ${where}: ${describeFailure('gpioget', r)}`, data);
      const value = parseGpiogetOutput(r.stdout);
      if (value === null) return fail(`gpio: unexpected gpioget output for ${where}: ${firstLine(r.stdout)}`, data);
      return ok(`${where} is ${value}`, { ...data, value });
    }
    if (op === 'pulse') {
      const pulseMs = binding.pulse_ms ?? 500;
      const argv = gpiosetArgs(version, req, { pulseMs });
      const r = await runProcess(this.gpioset, argv, { timeoutMs: timeoutMs + pulseMs });
      if (r.error || r.code !== 0 || r.timedOut) return fail(`gpio: pulsing ${where}: ${describeFailure('gpioset', r)}`, data);
      if (version === 1) {
        // v1 cannot toggle: drive the inverse value after the pulse.
        const back = await runProcess(this.gpioset, gpiosetArgs(1, { ...req, value: req.value ? 0 : 1 }, 'exit'), { timeoutMs });
        if (back.error || back.code !== 0) return fail(`gpio: ending pulse on ${where}: ${describeFailure('gpioset', back)}`, data);
      }
      return ok(`pulsed ${where} to ${req.value} for ${pulseMs} ms`, { ...data, value: req.value });
    }
    if (binding.hold === false) {
      const r = await runProcess(this.gpioset, gpiosetArgs(version, req, 'exit'), { timeoutMs });
      if (r.error || r.code !== 0 || r.timedOut) return fail(`gpio: setting ${where}: ${describeFailure('gpioset', r)}`, data);
      return ok(`set ${where} to ${req.value}`, { ...data, value: req.value });
    }
    return this.hold(version, req, where, data);
  }

  /** Starts a gpioset that keeps holding the line; success once it is still alive after settleMs. */
  private hold(version: 1 | 2, req: GpioRequest, where: string, data: { chip: string; line: number }): Promise<DriverResult> {
    const key = `${req.chip}:${req.line}`;
    return new Promise((resolve) => {
      let stderr = '';
      let settled = false;
      const child = spawn(this.gpioset, gpiosetArgs(version, req, 'hold'), { shell: false, stdio: ['ignore', 'ignore', 'pipe'] });
      const exited = new Promise<void>((done) => {
        child.on('close', (code, signal) => {
          if (this.held.get(key)?.child === child) this.held.delete(key);
          done();
          if (!settled) {
            settled = true;
            clearTimeout(timer);
            const how = code !== null ? `exited with code ${code}` : `was killed by ${signal ?? 'a signal'}`;
            resolve(fail(`gpio: setting ${where}: gpioset ${how}${stderr.trim() ? `: ${firstLine(stderr)}` : ''}`, data));
          }
        });
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 4096) stderr += chunk.toString('utf8');
      });
      child.on('error', (e) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(fail(`gpio: gpioset could not start (${errorMessage(e)})`, data));
      });
      this.held.set(key, { child, exited });
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        resolve(ok(`set ${where} to ${req.value} (held by gpioset pid ${child.pid ?? '?'})`, { ...data, value: req.value }));
      }, this.settleMs);
    });
  }

  private async release(key: string): Promise<void> {
    const held = this.held.get(key);
    if (!held) return;
    this.held.delete(key);
    held.child.kill('SIGTERM');
    const killTimer = setTimeout(() => held.child.kill('SIGKILL'), 2000);
    await held.exited;
    clearTimeout(killTimer);
  }

  /** Number of lines currently held by a gpioset process (diagnostics and tests). */
  get heldLines(): number {
    return this.held.size;
  }

  async close(): Promise<void> {
    await Promise.all([...this.held.keys()].map((key) => this.release(key)));
  }
}

export function createGpioDriver(options?: GpioDriverOptions): GpioDriver {
  return new GpioDriver(options);
}
