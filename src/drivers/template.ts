/**
 * Placeholder templates for driver bindings: `{{arg}}` is replaced by the validated call argument
 * `arg`, `{{arg|fallback}}` uses `fallback` when the argument is absent. Values can first be passed
 * through per-argument value maps (`on` -> `ON`) and linear scales (percent -> 0..254).
 *
 * Each target has its own filler because each has its own injection risk: argv elements stay one
 * element, MQTT topic values may not carry wildcards, path values may not climb directories, URL
 * values are percent-encoded, and a JSON template keeps the argument's type when a string is exactly
 * one placeholder.
 */
import type { JsonPrimitive } from '../agent/types.js';

export type TemplateArgs = Readonly<Record<string, JsonPrimitive>>;
export type JsonValue = JsonPrimitive | null | JsonValue[] | { [key: string]: JsonValue };

/** Thrown for a template that cannot be filled; drivers turn it into ok=false. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|([^}]*))?\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|([^}]*))?\}\}$/;

/** Encodes one substituted value for its target, or throws TemplateError when it is unsafe there. */
export type ValueEncoder = (value: string, name: string) => string;

function lookup(args: TemplateArgs, name: string, fallback: string | undefined): JsonPrimitive {
  if (Object.prototype.hasOwnProperty.call(args, name)) return args[name] as JsonPrimitive;
  if (fallback !== undefined) return fallback;
  throw new TemplateError(`template needs argument "${name}" but the call has none`);
}

/** Fills every `{{name}}` in `template` with the string form of the argument. */
export function fillTemplate(template: string, args: TemplateArgs, encode?: ValueEncoder): string {
  return template.replace(PLACEHOLDER, (_match, name: string, fallback: string | undefined) => {
    const text = String(lookup(args, name, fallback));
    return encode ? encode(text, name) : text;
  });
}

/** Names of all placeholders in a template (for config checks and tests). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

function parseFallback(text: string): JsonPrimitive {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/**
 * Fills a JSON template (object, array or scalar). A string that is exactly one placeholder becomes
 * the argument itself with its type (number stays number); placeholders inside longer strings and in
 * object keys are filled as text.
 */
export function fillJsonTemplate(template: unknown, args: TemplateArgs): JsonValue {
  if (typeof template === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(template);
    if (whole) {
      const name = whole[1] as string;
      const fallback = whole[2];
      if (Object.prototype.hasOwnProperty.call(args, name)) return args[name] as JsonPrimitive;
      if (fallback !== undefined) return parseFallback(fallback);
      throw new TemplateError(`template needs argument "${name}" but the call has none`);
    }
    return fillTemplate(template, args);
  }
  if (template === null || typeof template === 'number' || typeof template === 'boolean') return template;
  if (Array.isArray(template)) return template.map((item) => fillJsonTemplate(item, args));
  if (typeof template === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, value] of Object.entries(template as Record<string, unknown>)) {
      out[fillTemplate(key, args)] = fillJsonTemplate(value, args);
    }
    return out;
  }
  throw new TemplateError(`unsupported template value of type ${typeof template}`);
}

/** argv: every element is filled on its own and stays exactly one argument. */
export function fillArgv(templates: readonly string[], args: TemplateArgs): string[] {
  return templates.map((t) =>
    fillTemplate(t, args, (value, name) => {
      if (value.includes('\0')) throw new TemplateError(`argument "${name}" contains a NUL byte`);
      return value;
    }),
  );
}

/** MQTT topic: substituted values may not contain wildcards or NUL. */
export function fillTopic(template: string, args: TemplateArgs): string {
  const topic = fillTemplate(template, args, (value, name) => {
    if (/[+#\0]/.test(value)) throw new TemplateError(`argument "${name}" would put a wildcard or NUL into an MQTT topic`);
    if (value === '') throw new TemplateError(`argument "${name}" is empty in an MQTT topic`);
    return value;
  });
  if (topic === '' || Buffer.byteLength(topic) > 65535) throw new TemplateError('MQTT topic is empty or too long');
  return topic;
}

/** File path: a substituted value must be one plain path segment (no `/`, no `..`, no NUL). */
export function fillPath(template: string, args: TemplateArgs): string {
  return fillTemplate(template, args, (value, name) => {
    if (value === '' || value === '.' || value === '..' || /[/\0]/.test(value)) {
      throw new TemplateError(`argument "${name}" is not a single path segment: ${JSON.stringify(value)}`);
    }
    return value;
  });
}

/** URL: substituted values are percent-encoded; only http and https are accepted. */
export function fillUrl(template: string, args: TemplateArgs): URL {
  const text = fillTemplate(template, args, (value) => encodeURIComponent(value));
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TemplateError(`not a valid URL after filling: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TemplateError(`URL scheme ${url.protocol} is not allowed (http or https only)`);
  }
  return url;
}

/** HTTP header value: filled as text, CR/LF refused (header injection). */
export function fillHeader(template: string, args: TemplateArgs): string {
  return fillTemplate(template, args, (value, name) => {
    if (/[\r\n\0]/.test(value)) throw new TemplateError(`argument "${name}" contains a line break in an HTTP header`);
    return value;
  });
}

// ---------------------------------------------------------------------------------------------
// Argument transforms shared by all drivers: `map` (value lookup) and `scale` (linear range).

/** `map: { state: { on: ON, off: OFF } }`: string keys compared case-insensitively. */
export type ValueMaps = Readonly<Record<string, Readonly<Record<string, JsonPrimitive>>>>;

/** `scale: { level: { from: [0, 100], to: [0, 254] } }`: linear, clamped, rounded to an integer. */
export interface ScaleSpec {
  from: readonly [number, number];
  to: readonly [number, number];
  round?: boolean;
}
export type ValueScales = Readonly<Record<string, ScaleSpec>>;

export interface ArgumentTransforms {
  map?: ValueMaps;
  scale?: ValueScales;
}

export function scaleValue(value: number, spec: ScaleSpec): number {
  const [a, b] = spec.from;
  const [c, d] = spec.to;
  const clamped = Math.min(Math.max(value, Math.min(a, b)), Math.max(a, b));
  const scaled = a === b ? c : c + ((clamped - a) * (d - c)) / (b - a);
  return spec.round === false ? scaled : Math.round(scaled);
}

/** Applies value maps, then scales; arguments without a transform pass through unchanged. */
export function transformArgs(args: TemplateArgs, transforms: ArgumentTransforms): Record<string, JsonPrimitive> {
  const out: Record<string, JsonPrimitive> = { ...args };
  for (const [name, table] of Object.entries(transforms.map ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(out, name)) continue;
    const key = String(out[name]).toLowerCase();
    const hit = Object.entries(table).find(([k]) => k.toLowerCase() === key);
    if (hit) out[name] = hit[1];
  }
  for (const [name, spec] of Object.entries(transforms.scale ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(out, name)) continue;
    const n = typeof out[name] === 'number' ? (out[name] as number) : Number(out[name]);
    if (!Number.isFinite(n)) throw new TemplateError(`argument "${name}" is not a number and cannot be scaled`);
    out[name] = scaleValue(n, spec);
  }
  return out;
}

/** JSON-schema fragment for `map` and `scale`, merged into each driver's binding schema. */
export const transformSchemaProperties = {
  map: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
  },
  scale: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['from', 'to'],
      additionalProperties: false,
      properties: {
        from: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
        to: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
        round: { type: 'boolean' },
      },
    },
  },
} as const;
