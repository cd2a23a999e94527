/**
 * Generates the sentences a user is likely to say to the configured tools: tool names, descriptions and
 * parameter values (enum values, numbers as words, units) expanded through command phrase templates, plus
 * general politeness/command phrasing and the wake phrase. The n-gram estimator turns them into a
 * language model, so recombinations that no template produced are still recognised.
 */
import type { ParameterSchema, ToolSchema } from '../../agent/types.js';
import { numberToWords } from './numbers.js';
import { familiesFor, type PhrasebookFamily } from './phrasebook.js';
import { pick, seededRng, type Rng } from './rng.js';
import { speakable, speakableWords } from './words.js';

const VERBS = new Set(['set', 'turn', 'switch', 'start', 'stop', 'call', 'open', 'close', 'lock', 'unlock', 'play',
  'pause', 'get', 'read', 'toggle', 'dim', 'raise', 'lower', 'enable', 'disable', 'activate', 'deactivate', 'run',
  'send', 'announce', 'ring', 'page', 'show', 'tell', 'say', 'speak', 'arm', 'disarm', 'reset', 'change', 'adjust']);
export const ON_OFF: ReadonlySet<string> = new Set(['on', 'off']);
/** States that are verbs themselves ("open the garage door"). */
export const VERB_STATES: ReadonlySet<string> = new Set(['open', 'close', 'lock', 'unlock', 'start', 'stop', 'enable', 'disable', 'arm', 'disarm',
  'play', 'pause', 'raise', 'lower']);
const VERB_SYNONYMS: Record<string, string[]> = {
  set: ['set', 'change', 'adjust', 'make', 'put'],
  start: ['start', 'turn on', 'switch on', 'run'],
  stop: ['stop', 'turn off', 'switch off', 'halt'],
  call: ['call', 'get', 'page'],
  turn: ['turn', 'switch'],
};
const LOCATION_NAME = /room|location|zone|area|place|floor|where|site|station|line|bay|door|target|device|name/;
const PREFIXES = ['', '', '', '', 'please', 'can you', 'could you', 'would you', 'i want to', 'hey'];
const SUFFIXES = ['', '', '', '', '', 'please', 'now', 'thanks', 'thank you'];

type Slot = 'V' | 'S' | 'SV' | 'L' | 'N' | 'O' | 'OBJ';
/** Fillings of each phrasebook carrier sentence (phrasebook.ts) per tool. */
const PHRASEBOOK_FILLS = 2;

interface ToolSlots {
  verbs: string[];
  states: string[];
  verbStates: string[];
  locations: string[];
  numbers: string[];
  others: string[];
  objects: string[];
  duration: boolean;
}

const STATE_TEMPLATES = [
  '{V} {S} the? {L} {OBJ}', '{V} the? {L} {OBJ} {S}', '{V} {S} the? {OBJ} in the {L}',
  '{V} the? {OBJ} in the {L} {S}', '{L} {OBJ} {S}', '{V} {S} the? {OBJ}', '{V} the? {OBJ} {S}',
];
const VERB_STATE_TEMPLATES = ['{SV} the? {L} {OBJ}', '{SV} the? {OBJ} in the {L}', '{SV} the? {OBJ}', '{L} {OBJ} {SV}'];
const NUMBER_TEMPLATES = [
  '{V} the? {L} {OBJ} to {N}', '{V} the? {OBJ} in the {L} to {N}', '{V} the? {OBJ} to {N}', '{L} {OBJ} to {N}',
  '{L} {OBJ} {N}', '{OBJ} {N}', '{V} the? {L} to {N}', '{V} the? {OBJ} in the {L} at {N}', '{V} {L} {OBJ} {N}',
];
const DURATION_TEMPLATES = ['{V} a {OBJ} for {N}', '{OBJ} for {N}', '{V} a {N} {OBJ}', '{V} the? {OBJ} to {N}',
  'start a {OBJ} for {N}', '{N} {OBJ}'];
const OTHER_TEMPLATES = ['{V} the? {L} {OBJ} to {O}', '{V} the? {OBJ} to {O}', '{V} the? {OBJ} {O}', '{O} {OBJ}',
  '{V} the? {OBJ} in the {L} to {O}'];
const BARE_TEMPLATES = ['{V} the? {OBJ}', '{OBJ} {V}', '{V} {OBJ} now', '{V} the? {OBJ} please'];

function words(text: string): string[] {
  return speakableWords(text);
}

function isDuration(name: string, p: ParameterSchema): boolean {
  return /second|duration|minute|hour|timer|delay/.test(`${name} ${p.description ?? ''}`.toLowerCase());
}

function unitsFor(name: string, p: ParameterSchema, toolText: string): string[] {
  const text = `${name} ${p.description ?? ''} ${toolText}`.toLowerCase();
  if (/percent|brightness|level|volume|%|dim/.test(text)) return ['percent', ''];
  if (/temperature|thermostat|degree|celsius|heat/.test(text)) return ['degrees', 'degrees celsius', ''];
  return [''];
}

/** Spoken forms of a numeric parameter: a spread of values in range, spelled, with units. */
function numberPhrases(name: string, p: ParameterSchema, toolText: string): string[] {
  const lo = Math.max(0, Math.ceil(p.minimum ?? 0));
  const hi = Math.min(99_999, Math.floor(p.maximum ?? (isDuration(name, p) ? 7200 : 100)));
  const values = new Set<number>();
  if (hi - lo <= 100) for (let v = lo; v <= hi; v++) values.add(v);
  else {
    for (let v = lo; v <= Math.min(hi, lo + 30); v++) values.add(v);
    for (const step of [5, 10, 50, 100, 500, 1000]) {
      for (let v = Math.ceil(lo / step) * step; v <= hi && v <= step * 20; v += step) values.add(v);
    }
    values.add(hi);
  }
  const out: string[] = [];
  if (isDuration(name, p)) {
    for (const v of values) {
      if (v <= 120) out.push(`${numberToWords(v)} seconds`);
      if (v >= 1 && v * 60 <= hi && v <= 90) out.push(`${numberToWords(v)} ${v === 1 ? 'minute' : 'minutes'}`);
      if (v >= 1 && v * 3600 <= hi && v <= 12) out.push(`${numberToWords(v)} ${v === 1 ? 'hour' : 'hours'}`);
    }
    out.push('a minute', 'one minute', 'half a minute', 'an hour', 'half an hour', 'a minute and a half');
    return out;
  }
  const units = unitsFor(name, p, toolText);
  for (const v of values) for (const u of units) out.push(`${numberToWords(v)} ${u}`.trim());
  return out;
}

function slotsOf(tool: ToolSchema): ToolSlots {
  const nameWords = words(tool.name);
  const nameVerbs = nameWords.filter((w) => VERBS.has(w));
  const objects = nameWords.filter((w) => !VERBS.has(w) && !ON_OFF.has(w));
  const objectPhrase = objects.join(' ');
  const s: ToolSlots = { verbs: [], states: [], verbStates: [], locations: [], numbers: [], others: [], objects: [],
    duration: false };
  if (objectPhrase !== '') {
    s.objects.push(objectPhrase);
    const last = objects[objects.length - 1];
    if (!last.endsWith('s')) s.objects.push([...objects.slice(0, -1), `${last}s`].join(' '));
  }
  const toolText = `${tool.name} ${tool.description}`;
  for (const [name, p] of Object.entries(tool.parameters.properties)) {
    if (p.type === 'boolean') { s.states.push('on', 'off'); continue; }
    if (p.enum !== undefined) {
      const values = p.enum.map((v) => speakable(String(v))).filter((v) => v !== '');
      if (values.some((v) => ON_OFF.has(v))) s.states.push(...values);
      else if (values.some((v) => VERB_STATES.has(v))) s.verbStates.push(...values);
      else if (LOCATION_NAME.test(name.toLowerCase())) s.locations.push(...values);
      else s.others.push(...values);
      continue;
    }
    if (p.type === 'integer' || p.type === 'number') {
      s.numbers.push(...numberPhrases(name, p, toolText));
      if (isDuration(name, p)) s.duration = true;
    }
  }
  const verbs = new Set<string>();
  // An on/off parameter makes "turn"/"switch" the verbs ("set on the light" is not how people say it).
  if (s.states.length > 0) { verbs.add('turn'); verbs.add('switch'); }
  else for (const v of nameVerbs) for (const syn of VERB_SYNONYMS[v] ?? [v]) verbs.add(syn);
  if (verbs.size === 0) { verbs.add('set'); verbs.add('turn'); }
  s.verbs = [...verbs];
  return s;
}

function slotValues(s: ToolSlots, slot: Slot): string[] {
  switch (slot) {
    case 'V': return s.verbs;
    case 'S': return s.states;
    case 'SV': return s.verbStates;
    case 'L': return s.locations;
    case 'N': return s.numbers;
    case 'O': return s.others;
    case 'OBJ': return s.objects;
  }
}

function fill(template: string, s: ToolSlots, rng: Rng, forced: Partial<Record<Slot, string>>): string | null {
  const parts: string[] = [];
  for (const token of template.split(' ')) {
    const m = /^\{(\w+)\}$/.exec(token);
    if (m !== null) {
      const slot = m[1] as Slot;
      const values = slotValues(s, slot);
      if (values.length === 0) return null;
      parts.push(forced[slot] ?? pick(rng, values));
    } else if (token.endsWith('?')) {
      if (rng() < 0.7) parts.push(token.slice(0, -1));
    } else parts.push(token);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function templatesFor(s: ToolSlots): string[] {
  const t: string[] = [];
  if (s.states.length > 0) t.push(...STATE_TEMPLATES);
  if (s.verbStates.length > 0) t.push(...VERB_STATE_TEMPLATES);
  if (s.numbers.length > 0) t.push(...(s.duration ? DURATION_TEMPLATES : NUMBER_TEMPLATES));
  if (s.others.length > 0) t.push(...OTHER_TEMPLATES);
  if (t.length === 0 || (s.states.length === 0 && s.numbers.length === 0 && s.verbStates.length === 0
    && s.others.length === 0)) t.push(...BARE_TEMPLATES);
  return t;
}

export interface SentenceOptions {
  /** Wake phrase spoken before commands ("computer"); null when none is used. */
  wakePhrase: string | null;
  /** Extra phrases (e.g. from the config) added verbatim. */
  extraPhrases?: readonly string[];
  /** The router's phrasings by tool family (phrasebook.ts): each tool also gets its families' carrier sentences. */
  phrasebook?: readonly PhrasebookFamily[];
  /** Share of command sentences that start with the wake phrase (default 0.9: it is normally said). */
  wakeShare?: number;
  seed?: number;
}

/** The training sentences for the domain language model (lower-case, words separated by spaces). */
export function domainSentences(tools: readonly ToolSchema[], options: SentenceOptions): string[] {
  const rng = seededRng(options.seed ?? 7);
  const wake = options.wakePhrase === null ? '' : speakable(options.wakePhrase);
  const out: string[] = [];
  const decorate = (core: string): string => {
    const pre = pick(rng, PREFIXES);
    const suf = pick(rng, SUFFIXES);
    const w = wake !== '' && rng() < (options.wakeShare ?? 0.9) ? wake : '';
    return [w, pre, core, suf].filter((x) => x !== '').join(' ');
  };
  for (const tool of tools) {
    const s = slotsOf(tool);
    for (const template of templatesFor(s)) {
      const slotsUsed = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as Slot);
      // Every value of every slot appears at least twice in this template, then some random fills.
      for (const slot of slotsUsed) {
        for (const value of slotValues(s, slot)) {
          for (let k = 0; k < 2; k++) {
            const core = fill(template, s, rng, { [slot]: value });
            if (core !== null) out.push(decorate(core));
          }
        }
      }
      for (let k = 0; k < 10; k++) {
        const core = fill(template, s, rng, {});
        if (core !== null) out.push(decorate(core));
      }
    }
    for (const family of familiesFor(tool, options.phrasebook ?? [])) {
      for (const carrier of family.sentences) {
        for (let k = 0; k < PHRASEBOOK_FILLS; k++) {
          const core = fill(carrier, s, rng, {});
          if (core !== null) out.push(decorate(core));
        }
      }
    }
    const description = speakable(tool.description);
    if (description !== '') out.push(description);
  }
  for (const phrase of options.extraPhrases ?? []) {
    const p = speakable(phrase);
    if (p !== '') out.push(p);
  }
  if (wake !== '') for (let k = 0; k < 5; k++) out.push(wake);
  return out;
}
