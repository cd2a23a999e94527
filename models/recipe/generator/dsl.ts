/**
 * The little language tool families are written in, and the sampler that turns a family into
 * randomised tool schemas and utterances with their exact answers.
 *
 * A family declares name words, descriptions, parameters (with value domains and the phrases people
 * use for each value) and utterance templates. Template syntax:
 *   [a|b|c]   one alternative (an empty alternative makes the group optional: [please|])
 *   {key}     a spoken value of parameter `key` (the answer gets the typed value)
 *   {key=v}   parameter `key` is fixed to semantic value v (spoken as well)
 *   {!key=v}  parameter `key` is fixed to v but not spoken (indirect phrasing: "it's too dark")
 */
import type { JsonPrimitive, ParameterSchema, ParameterType, ToolSchema } from '../../../src/agent/types.js';
import { numberToWords } from '../../../src/agent/needle/normalize.js';
import { composedText, type TextShape } from './text-values.js';

export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0 || 1; }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)]; }
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(this.next() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
    return a;
  }
  sample<T>(items: readonly T[], n: number): T[] { return this.shuffle(items).slice(0, Math.min(n, items.length)); }
}

/** A value domain: how to draw a value, what the answer holds and how people say it. */
export type Domain =
  | { kind: 'enum'; values: Record<string, string[]>; sizes?: [number, number]; styles?: Array<Record<string, string | number>>; stringChance?: number; numeric?: boolean; shape?: TextShape; asBoolean?: BooleanRendering }
  | { kind: 'int'; min: number; max: number; step?: number; unit?: string[]; asNumber?: number }
  | { kind: 'number'; min: number; max: number; decimals: number; unit?: string[] }
  | { kind: 'percent' }
  | { kind: 'time' }
  | { kind: 'duration'; max?: number }
  | { kind: 'bool'; yes: string[]; no: string[] }
  | { kind: 'text'; values: string[]; shape?: TextShape };

/**
 * A two-sided enum (on/off, lock/unlock) that a tool may declare as a boolean instead: how often, the
 * boolean's value for each side, and the names and descriptions a boolean parameter goes by.
 */
export interface BooleanRendering { chance: number; values: Record<string, boolean>; names: string[]; descriptions: string[] }

export interface ParamSpec {
  key: string;
  names: string[];
  descriptions: string[];
  domain: Domain;
  /** probability the parameter is required (default 1) */
  required?: number;
  /** probability an optional parameter appears in the schema at all (default 0.8) */
  present?: number;
}

export interface FamilySpec {
  id: string;
  /** families whose requests this one could also serve (never used as "not offered" negatives) */
  related?: string[];
  names: string[];
  descriptions: string[];
  params: ParamSpec[];
  templates: string[];
  /** an enum parameter whose value may be baked into a device-specific tool ("kitchen_light") */
  deviceParam?: string;
  /** a tool that could stand in for its related families (HassTurnOn): never offered beside them */
  generic?: boolean;
  /** share of targets drawn as one-action tools (default VERB_TOOLS in examples.ts) */
  verbShare?: number;
}

export interface SampledTool {
  family: string;
  schema: ToolSchema;
  spec: FamilySpec;
  /** schema value for each semantic enum value, per parameter key */
  enumMaps: Record<string, Record<string, JsonPrimitive>>;
  /** parameter key -> schema property name (absent when not in the schema) */
  propNames: Record<string, string>;
  /** device-specific tool: the baked parameter and its semantic value */
  baked?: { key: string; value: string };
  /** one-action tool ("lock_front_door", "stopConveyor"): the action parameter baked into the name */
  verb?: { key: string; value: string };
}

/** The enum parameter a family's one-action tools bake into their name (state, action), if any. */
export function actionParam(spec: FamilySpec): ParamSpec | undefined {
  return spec.params.find((p) => (p.key === 'state' || p.key === 'action') && p.domain.kind === 'enum' && !p.domain.numeric && Object.keys(p.domain.values).length >= 2);
}

/** The value a tool fixes for a parameter by its name (device or action), if it does. */
export function bakedValue(tool: SampledTool, key: string): string | undefined {
  if (tool.baked?.key === key) return tool.baked.value;
  if (tool.verb?.key === key) return tool.verb.value;
  return undefined;
}

const NAME_VERBS = ['set', 'control', 'switch', 'turn', 'toggle', 'change', 'manage', 'adjust'];
const VERB_WORDS: Record<string, string[][]> = {
  on: [['turn', 'on'], ['switch', 'on'], ['on'], ['enable']], off: [['turn', 'off'], ['switch', 'off'], ['off'], ['disable']],
};

export interface Segment { text: string; protect: boolean }
export interface Utterance { segments: Segment[]; args: Record<string, JsonPrimitive>; template: number }

const NAMESPACE_CHANCE = 0.1;
const NAMESPACES = ['hass', 'ha', 'home', 'mqtt', 'zigbee', 'tasmota', 'esphome', 'iot', 'smart', 'my', 'api', 'plc', 'local', 'agent', 'tool', 'cmd', 'node', 'hub'];

const NAME_STYLES = ['snake', 'snake', 'camel', 'camel', 'pascal', 'kebabless'] as const;

export function styleName(words: string[], r: Rng): string {
  const style = r.pick(NAME_STYLES);
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  if (style === 'snake') return words.join('_');
  if (style === 'camel') return words[0] + words.slice(1).map(cap).join('');
  if (style === 'pascal') return words.map(cap).join('');
  return words.join('_').toLowerCase();
}

function styleEnumValue(semantic: string, r: Rng, style: number): string {
  const words = semantic.split(/[_ ]/);
  switch (style) {
    case 0: return words.join('_');
    case 1: return words.join(' ');
    case 2: return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    case 3: return words.join('_').toUpperCase();
    default: return words.join('-');
  }
}

function descriptionFor(p: ParamSpec, r: Rng): string {
  return r.pick(p.descriptions);
}

/** Draws one randomised tool schema of a family. */
export function sampleTool(spec: FamilySpec, r: Rng, bake?: string | null, verbValue?: string | null): SampledTool {
  const properties: Record<string, ParameterSchema> = {};
  const required: string[] = [];
  const enumMaps: Record<string, Record<string, JsonPrimitive>> = {};
  const propNames: Record<string, string> = {};
  let nameWords = r.pick(spec.names).split(' ');
  let description = r.pick(spec.descriptions);
  let baked: SampledTool['baked'];
  let verb: SampledTool['verb'];
  const nameStyle = r.next();
  const action = verbValue ? actionParam(spec) : undefined;
  if (action && verbValue) {
    verb = { key: action.key, value: verbValue };
    const noun = nameWords.filter((w) => !NAME_VERBS.includes(w));
    const words = r.pick(VERB_WORDS[verbValue] ?? [verbValue.split(/[_ ]/)]);
    nameWords = r.chance(0.7) ? [...words, ...(noun.length ? noun : nameWords)] : [...(noun.length ? noun : nameWords), ...words];
    const phrase = action.domain.kind === 'enum' ? action.domain.values[verbValue]?.[0] ?? verbValue : verbValue;
    description = r.pick([`${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} only. ${description}`, `${description}: ${phrase}`, `Performs "${phrase}". ${description}`]);
  }
  for (const p of spec.params) {
    if (verb && p.key === verb.key) continue;
    const isRequired = r.chance(p.required ?? 1);
    if (!isRequired && !r.chance(p.present ?? 0.8)) continue;
    const d = p.domain;
    if (bake !== undefined && bake !== null && p.key === spec.deviceParam && d.kind === 'enum') {
      baked = { key: p.key, value: bake };
      const word = bake.split(/[_ ]/);
      nameWords = r.chance(0.5) ? [...word, ...nameWords.filter((w) => !['set', 'control', 'switch', 'turn', 'toggle'].includes(w)).slice(-1)]
        : [...nameWords, ...word];
      if (r.chance(0.3)) nameWords.push(String(r.int(1, 4)));
      description = `${description} (${d.values[bake][0]})`;
      continue;
    }
    const asBoolean = d.kind === 'enum' && d.asBoolean && r.chance(d.asBoolean.chance) ? d.asBoolean : null;
    let name = styleName(r.pick(asBoolean ? asBoolean.names : p.names).split(' '), r);
    if (nameStyle < 0.5) name = name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()).replace(/^_/, '');
    while (name in properties) name += '_';
    const schema: ParameterSchema = { type: 'string', description: asBoolean ? r.pick(asBoolean.descriptions) : descriptionFor(p, r) };
    if (asBoolean) {
      // the answer holds true/false for the two sides ("turn off" -> on: false)
      schema.type = 'boolean';
      enumMaps[p.key] = { ...asBoolean.values };
    } else if (d.kind === 'enum') {
      const all = Object.keys(d.values);
      const [lo, hi] = d.sizes ?? [Math.min(2, all.length), all.length];
      const chosen = all.length <= 3 ? all : r.sample(all, r.int(lo, hi));
      const map: Record<string, string | number> = {};
      if (d.numeric) {
        for (const v of chosen) map[v] = Number(v);
        schema.type = 'integer';
        schema.enum = chosen.map(Number);
      } else if (d.stringChance && r.chance(d.stringChance)) {
        // free string parameter: the answer copies the spoken words
        for (const v of all) map[v] = d.values[v][0];
        schema.type = 'string';
      } else {
        const styleMap = d.styles ? r.pick(d.styles) : null;
        const style = r.chance(0.6) ? 0 : r.int(1, 4);
        for (const v of chosen) map[v] = styleMap && v in styleMap ? styleMap[v] : styleEnumValue(v, r, style);
        schema.enum = chosen.map((v) => map[v]);
      }
      enumMaps[p.key] = map;
    } else if (d.kind === 'int' && d.asNumber && r.chance(d.asNumber)) {
      // declared as a number: the value may have a half ("twenty one point five")
      schema.type = 'number';
      if (r.chance(0.5)) { schema.minimum = d.min; schema.maximum = d.max; }
    } else if (d.kind === 'int' || d.kind === 'percent' || d.kind === 'duration') {
      schema.type = 'integer';
      if (d.kind === 'int' && r.chance(0.5)) { schema.minimum = d.min; schema.maximum = d.max; }
      if (d.kind === 'percent' && r.chance(0.5)) { schema.minimum = 0; schema.maximum = 100; }
    } else if (d.kind === 'number') {
      schema.type = 'number';
    } else if (d.kind === 'bool') {
      schema.type = 'boolean';
    } else {
      schema.type = 'string';
    }
    properties[name] = schema;
    propNames[p.key] = name;
    if (isRequired) required.push(name);
  }
  // integrations prefix their tools ("HassTurnOn", "mqtt_set_light"); the model must look past it
  if (r.chance(NAMESPACE_CHANCE)) nameWords = [r.pick(NAMESPACES), ...nameWords];
  const schema: ToolSchema = {
    name: styleName(nameWords, r),
    description,
    parameters: { type: 'object', properties, required },
  };
  return { family: spec.id, schema, spec, enumMaps, propNames, baked, verb };
}

/** Expands [a|b] groups. */
function expandAlternatives(template: string, r: Rng): string {
  let out = template;
  for (let guard = 0; guard < 20 && out.includes('['); guard++) {
    out = out.replace(/\[([^\[\]]*)\]/, (_, body: string) => r.pick(body.split('|')));
  }
  return out;
}

const SPEECH_NUMBERS = 0.55;
/**
 * Share of free-text values composed from word lists (text-values.ts) where the domain names a shape.
 * Half, in the eighth run, taught copying at the cost of tool choice on unseen families (model card).
 */
export const DEFAULT_COMPOSED_TEXT_SHARE = 0.35;
let composedTextShare = DEFAULT_COMPOSED_TEXT_SHARE;

/** Sets the share of composed free-text values for the examples generated from now on (generate.ts --composed-share). */
export function setComposedTextShare(share: number): void {
  if (!(share >= 0 && share <= 1)) throw new Error(`composed text share must be within 0..1, got ${share}`);
  composedTextShare = share;
}

function sayNumber(n: number, r: Rng): string {
  if (Number.isInteger(n) && n >= 0 && n < 10000 && r.chance(SPEECH_NUMBERS)) return numberToWords(n);
  return String(n);
}

function sayTime(h: number, m: number, r: Rng): string {
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const mer = h < 12 ? 'am' : 'pm';
  const opts: string[] = [`${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`];
  opts.push(`${h12}:${String(m).padStart(2, '0')} ${mer}`);
  if (m === 0) opts.push(`${numberToWords(h12)} ${mer}`, `${numberToWords(h12)} o'clock ${mer === 'pm' ? 'in the evening' : 'in the morning'}`.replace(/ in the (evening|morning)$/, ` ${mer}`));
  if (m === 30) opts.push(`half past ${numberToWords(h12)} ${mer}`);
  if (m === 15) opts.push(`quarter past ${numberToWords(h12)} ${mer}`);
  if (m === 45) opts.push(`quarter to ${numberToWords(h12 === 12 ? 1 : h12 + 1)} ${mer}`);
  if (m !== 0) opts.push(`${numberToWords(h12)} ${m < 10 ? 'oh ' + numberToWords(m) : numberToWords(m)} ${mer}`);
  return r.pick(opts);
}

function sayDuration(seconds: number, r: Rng): string {
  const say = (n: number): string => sayNumber(n, r);
  if (seconds % 3600 === 0) { const h = seconds / 3600; return h === 1 ? r.pick(['an hour', 'one hour', '1 hour', '60 minutes']) : `${say(h)} hours`; }
  if (seconds === 1800) return r.pick(['half an hour', 'thirty minutes', '30 minutes']);
  if (seconds === 5400) return r.pick(['an hour and a half', 'one and a half hours', '90 minutes']);
  if (seconds > 3600 && seconds % 60 === 0) return `${say(Math.floor(seconds / 3600))} hours ${say((seconds % 3600) / 60)} minutes`;
  if (seconds % 60 === 0) { const m = seconds / 60; return m === 1 ? r.pick(['a minute', 'one minute']) : `${say(m)} ${r.pick(['minutes', 'minutes', 'mins'])}`; }
  if (seconds > 60) return `${say(Math.floor(seconds / 60))} minutes and ${say(seconds % 60)} seconds`;
  return `${say(seconds)} ${r.pick(['seconds', 'seconds', 'secs'])}`;
}

/** A string parameter without an enum: its answer copies the words said. */
export function isFreeString(schema: ParameterSchema | undefined): boolean {
  return schema?.type === 'string' && !schema.enum;
}

/** Draws a value for a parameter: the typed answer value and its spoken form. */
function drawValue(tool: SampledTool, p: ParamSpec, r: Rng, fixed?: string): { value: JsonPrimitive; spoken: string } | null {
  const d = p.domain;
  const schema = tool.propNames[p.key] ? tool.schema.parameters.properties[tool.propNames[p.key]] : undefined;
  switch (d.kind) {
    case 'enum': {
      const freeString = isFreeString(schema);
      if (freeString && d.shape && fixed === undefined && bakedValue(tool, p.key) === undefined && r.chance(composedTextShare)) {
        const t = composedText(d.shape, r);
        return { value: t, spoken: t };
      }
      const map = tool.enumMaps[p.key] ?? {};
      const candidates = Object.keys(map);
      const semantic = fixed ?? bakedValue(tool, p.key) ?? r.pick(candidates.length ? candidates : Object.keys(d.values));
      if (bakedValue(tool, p.key) === undefined && schema && !(semantic in map)) return null;
      const phrases = d.values[semantic];
      if (!phrases) return null;
      let spoken = r.pick(phrases);
      if (d.numeric && /^\d+$/.test(spoken)) spoken = sayNumber(Number(spoken), r);
      const value = freeString ? spoken : map[semantic] ?? semantic;
      return { value, spoken };
    }
    case 'int': {
      const step = d.step ?? 1;
      const whole = fixed !== undefined ? Number(fixed) : d.min + step * r.int(0, Math.floor((d.max - d.min) / step));
      const half = fixed === undefined && schema?.type === 'number' && whole < d.max && r.chance(0.5);
      const unit = d.unit && r.chance(0.6) ? ' ' + r.pick(d.unit) : '';
      if (half) {
        const spoken = r.chance(SPEECH_NUMBERS) ? `${numberToWords(whole)} point five` : `${whole}.5`;
        return { value: whole + 0.5, spoken: spoken + unit };
      }
      return { value: whole, spoken: sayNumber(whole, r) + unit };
    }
    case 'number': {
      const n = fixed !== undefined ? Number(fixed) : Number((d.min + r.next() * (d.max - d.min)).toFixed(r.chance(0.5) ? 0 : d.decimals));
      const unit = d.unit && r.chance(0.6) ? ' ' + r.pick(d.unit) : '';
      return { value: n, spoken: String(n) + unit };
    }
    case 'percent': {
      const n = fixed !== undefined ? Number(fixed) : r.chance(0.6) ? r.int(1, 10) * 10 : r.int(1, 100);
      return { value: n, spoken: r.chance(0.3) ? `${n}%` : `${sayNumber(n, r)} ${r.pick(['percent', 'percent', 'per cent'])}` };
    }
    case 'time': {
      const [h, m] = fixed ? fixed.split(':').map(Number) : [r.int(0, 23), r.pick([0, 0, 0, 15, 30, 30, 45, r.int(1, 59)])];
      return { value: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, spoken: sayTime(h, m, r) };
    }
    case 'duration': {
      const pool = [5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1200, 1500, 1800, 2700, 3600, 5400, 7200, 8100, 10800];
      const s = fixed !== undefined ? Number(fixed) : r.chance(0.8) ? r.pick(pool.filter((x) => x <= (d.max ?? 1e9))) : r.int(2, 59) * 60;
      return { value: s, spoken: sayDuration(s, r) };
    }
    case 'bool': {
      const yes = fixed !== undefined ? fixed === 'true' : r.chance(0.5);
      return { value: yes, spoken: r.pick(yes ? d.yes : d.no) };
    }
    case 'text': {
      const t = fixed ?? (d.shape && r.chance(composedTextShare) ? composedText(d.shape, r) : r.pick(d.values));
      return { value: t, spoken: t };
    }
  }
}

/** Templates of a family usable with this sampled tool: every required parameter must be covered. */
export function usableTemplates(tool: SampledTool, indices: readonly number[]): number[] {
  const required = new Set((tool.schema.parameters.required ?? []));
  return indices.filter((i) => {
    const t = tool.spec.templates[i];
    const keys = [...t.matchAll(/\{!?([a-z_]+)(=[^}]*)?\}/g)].map((m) => m[1]);
    for (const [key, prop] of Object.entries(tool.propNames)) if (required.has(prop) && !keys.includes(key)) return false;
    // a baked device parameter must be spoken, otherwise the device is ambiguous
    if (tool.baked && !keys.includes(tool.baked.key)) return false;
    // a one-action tool serves only templates that ask for its action (spoken, or fixed to the same value)
    if (tool.verb) {
      const v = tool.verb;
      const uses = [...t.matchAll(/\{!?([a-z_]+)(?:=([^}]*))?\}/g)].filter((m) => m[1] === v.key);
      if (uses.length === 0 || uses.some((m) => m[2] !== undefined && m[2] !== v.value)) return false;
    }
    // a template whose spoken parameter is missing from the schema is fine only for optional words
    for (const key of keys) {
      const spec = tool.spec.params.find((p) => p.key === key);
      if (!spec) throw new Error(`family ${tool.spec.id}: template uses unknown key ${key}`);
    }
    return true;
  });
}

/** Fills a template: the segments of the utterance and the answer's arguments. */
export function fillTemplate(tool: SampledTool, templateIndex: number, r: Rng): Utterance | null {
  const text = expandAlternatives(tool.spec.templates[templateIndex], r);
  const segments: Segment[] = [];
  const args: Record<string, JsonPrimitive> = {};
  let last = 0;
  for (const m of text.matchAll(/\{(!?)([a-z_]+)(?:=([^}]*))?\}/g)) {
    segments.push({ text: text.slice(last, m.index), protect: false });
    last = (m.index ?? 0) + m[0].length;
    const [, silent, key, fixed] = m;
    const spec = tool.spec.params.find((p) => p.key === key);
    if (!spec) return null;
    const v = drawValue(tool, spec, r, fixed);
    if (!v) return null;
    const prop = tool.propNames[key];
    // a free-string answer copies the words said: an unsaid value ("ping everyone" fixing the
    // recipient) cannot be one, so this tool cannot serve the template
    if (silent && isFreeString(prop ? tool.schema.parameters.properties[prop] : undefined)) return null;
    if (prop) args[prop] = v.value;
    if (!silent) segments.push({ text: v.spoken, protect: true });
  }
  segments.push({ text: text.slice(last), protect: false });
  // a required parameter inside an optional group ("[in the {room}|]") may have been left out
  for (const prop of tool.schema.parameters.required ?? []) if (!(prop in args)) return null;
  return { segments, args, template: templateIndex };
}
