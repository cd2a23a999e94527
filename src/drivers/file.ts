/**
 * `file` driver: writes a templated value to a path, for sysfs attributes (LEDs, PWM duty cycle,
 * backlight) and plain files.
 *
 *   action: { driver: file, path: /sys/class/backlight/10-0045/brightness, value: "{{level}}",
 *             scale: { level: { from: [0, 100], to: [0, 255] } } }
 *   action: { driver: file, path: "/sys/class/leds/{{led}}/brightness", value: "{{state}}", map: { state: { on: 1, off: 0 } } }
 *
 * Values substituted into the path must be a single path segment, so an argument cannot climb out
 * of the configured directory. sysfs attributes are written in place (open for writing, one write);
 * `atomic: true` writes a temporary file and renames it over the target for ordinary files.
 */
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ToolCall } from '../agent/types.js';
import { bindingChecker, clip, errorMessage, fail, ok } from './common.js';
import { fillPath, fillTemplate, transformArgs, transformSchemaProperties, type ArgumentTransforms } from './template.js';
import type { ActionBinding, Driver, DriverContext, DriverResult } from './types.js';

export interface FileBinding extends ArgumentTransforms {
  driver: 'file';
  path: string;
  value: string | number | boolean;
  /** Append instead of replacing (log files, FIFOs). */
  append?: boolean;
  /** Write "value\n" (default false: sysfs accepts both). */
  newline?: boolean;
  /** Temporary file + rename (ordinary files only, not sysfs). */
  atomic?: boolean;
}

export const fileBindingSchema = {
  type: 'object',
  required: ['driver', 'path', 'value'],
  additionalProperties: false,
  properties: {
    driver: { const: 'file' },
    path: { type: 'string', minLength: 1, pattern: '^/' },
    value: { type: ['string', 'number', 'boolean'] },
    append: { type: 'boolean' },
    newline: { type: 'boolean' },
    atomic: { type: 'boolean' },
    ...transformSchemaProperties,
  },
} as const;

async function writeInPlace(target: string, text: string, append: boolean): Promise<void> {
  const handle = await open(target, append ? 'a' : 'w');
  try {
    await handle.write(text);
  } finally {
    await handle.close();
  }
}

async function writeAtomic(target: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export function createFileDriver(): Driver {
  const check = bindingChecker<FileBinding>('file', fileBindingSchema);
  return {
    name: 'file',
    bindingSchema: fileBindingSchema,
    async execute(raw: ActionBinding, call: ToolCall, _context: DriverContext): Promise<DriverResult> {
      const binding = check(raw);
      if (typeof binding === 'string') return fail(binding);
      let target: string;
      let text: string;
      try {
        const args = transformArgs(call.arguments, binding);
        target = path.normalize(fillPath(binding.path, args));
        text = fillTemplate(String(binding.value), args);
      } catch (e) {
        return fail(`file: ${errorMessage(e)}`);
      }
      if (binding.newline) text += '\n';
      try {
        if (binding.atomic && !binding.append) await writeAtomic(target, text);
        else await writeInPlace(target, text, binding.append ?? false);
      } catch (e) {
        return fail(`file: writing ${JSON.stringify(clip(text, 60))} to ${target} failed: ${errorMessage(e)}`, { path: target });
      }
      return ok(`wrote ${JSON.stringify(clip(text.trimEnd(), 60))} to ${target}`, { path: target, value: text.trimEnd() });
    },
  };
}
