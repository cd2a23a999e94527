/**
 * `speak` driver: spoken feedback through espeak-ng (Debian `espeak-ng`), argv only, the text on
 * stdin (`--stdin`) so a text beginning with `-` can never be read as an option.
 *
 *   action: { driver: speak, text: "Timer {{label}} is done", voice: en-us, speed: 160 }
 *   action: { driver: speak, text: "{{text}}", output: "/run/needle/last.wav" }   # write a WAV instead
 *
 * `speak()` is exported for the daemon's own spoken confirmations.
 */
import type { ToolCall } from '../agent/types.js';
import { bindingChecker, errorMessage, fail, ok, clip } from './common.js';
import { describeFailure, runProcess } from './process.js';
import { fillPath, fillTemplate, transformArgs, transformSchemaProperties, type ArgumentTransforms } from './template.js';
import type { ActionBinding, Driver, DriverContext, DriverResult } from './types.js';

export interface SpeakOptions {
  voice?: string;
  /** Words per minute (espeak-ng default 175). */
  speed?: number;
  /** 0..99 (default 50). */
  pitch?: number;
  /** 0..200 (default 100). */
  amplitude?: number;
  /** Write a WAV file here instead of playing it. */
  output?: string;
  /** Audio device to play on (espeak-ng `-d`); default device when absent. */
  device?: string;
  timeoutMs?: number;
  /** espeak-ng binary (default `espeak-ng` on PATH). */
  espeakPath?: string;
}

export interface SpeakBinding extends ArgumentTransforms {
  driver: 'speak';
  text: string;
  voice?: string;
  speed?: number;
  pitch?: number;
  amplitude?: number;
  output?: string;
  device?: string;
  timeout_ms?: number;
}

export const speakBindingSchema = {
  type: 'object',
  required: ['driver', 'text'],
  additionalProperties: false,
  properties: {
    driver: { const: 'speak' },
    text: { type: 'string', minLength: 1 },
    voice: { type: 'string', pattern: '^[A-Za-z0-9_+-]{1,40}$' },
    speed: { type: 'integer', minimum: 80, maximum: 500 },
    pitch: { type: 'integer', minimum: 0, maximum: 99 },
    amplitude: { type: 'integer', minimum: 0, maximum: 200 },
    output: { type: 'string', pattern: '^/' },
    device: { type: 'string', minLength: 1 },
    timeout_ms: { type: 'integer', minimum: 1, maximum: 120000 },
    ...transformSchemaProperties,
  },
} as const;

/** argv for espeak-ng; the text itself goes on stdin. */
export function espeakArgs(options: SpeakOptions): string[] {
  const args: string[] = [];
  if (options.voice) args.push('-v', options.voice);
  if (options.speed !== undefined) args.push('-s', String(options.speed));
  if (options.pitch !== undefined) args.push('-p', String(options.pitch));
  if (options.amplitude !== undefined) args.push('-a', String(options.amplitude));
  if (options.output) args.push('-w', options.output);
  else if (options.device) args.push('-d', options.device);
  args.push('--stdin');
  return args;
}

/** Speaks (or renders to a WAV) one text; never throws. */
export async function speak(text: string, options: SpeakOptions = {}): Promise<DriverResult> {
  const program = options.espeakPath ?? 'espeak-ng';
  const clean = text.replace(/\0/g, '').trim();
  if (clean === '') return fail('speak: nothing to say');
  const r = await runProcess(program, espeakArgs(options), { timeoutMs: options.timeoutMs ?? 30000, input: `${clean}\n` });
  if (r.error || r.timedOut || r.code !== 0) return fail(`speak: ${describeFailure(program, r)}`);
  const where = options.output ? `to ${options.output}` : options.device ? `on ${options.device}` : 'on the default audio device';
  return ok(`said "${clip(clean, 80)}" ${where}`, {
    text: clip(clean, 500),
    output: options.output ?? null,
    durationMs: Math.round(r.durationMs),
  });
}

export function createSpeakDriver(defaults: Pick<SpeakOptions, 'espeakPath' | 'voice' | 'device'> = {}): Driver {
  const check = bindingChecker<SpeakBinding>('speak', speakBindingSchema);
  return {
    name: 'speak',
    bindingSchema: speakBindingSchema,
    async execute(raw: ActionBinding, call: ToolCall, _context: DriverContext): Promise<DriverResult> {
      const binding = check(raw);
      if (typeof binding === 'string') return fail(binding);
      let text: string;
      let output: string | undefined;
      try {
        const args = transformArgs(call.arguments, binding);
        text = fillTemplate(binding.text, args);
        output = binding.output ? fillPath(binding.output, args) : undefined;
      } catch (e) {
        return fail(`speak: ${errorMessage(e)}`);
      }
      return speak(text, {
        espeakPath: defaults.espeakPath,
        voice: binding.voice ?? defaults.voice,
        device: binding.device ?? defaults.device,
        speed: binding.speed,
        pitch: binding.pitch,
        amplitude: binding.amplitude,
        output,
        timeoutMs: binding.timeout_ms,
      });
    },
  };
}
