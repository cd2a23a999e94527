/**
 * Builds whole training / evaluation examples from the tool families: picks the target family and
 * template, draws distractor tools, turns the template into speech-like or typed text with ASR-style
 * noise, and produces `{query, tools, answers}` in Needle's finetune shape.
 */
import type { ToolCall, ToolSchema } from '../../../src/agent/types.js';
import { actionParam, fillTemplate, type FamilySpec, Rng, sampleTool, type SampledTool, type Segment, usableTemplates } from './dsl.js';

export type SplitName = 'train' | 'valid' | 'heldout_templates' | 'heldout_families';
export type ExampleKind = 'single' | 'multi' | 'chitchat' | 'not_offered';

export interface Example {
  query: string;
  tools: ToolSchema[];
  answers: ToolCall[];
  meta: { split: SplitName; kind: ExampleKind; families: string[] };
}

const CHITCHAT = [
  'what is your name', 'tell me a joke', 'thank you', 'thanks a lot', 'never mind', 'good morning', 'how are you', 'who made you',
  'what can you do', 'nothing', 'cancel', 'forget it', 'i love you', 'you are great', 'hello', 'hi there', 'good night', 'are you listening',
  'what is the meaning of life', 'sing me a song', 'how old are you', 'where are you from', 'that is all', 'ok', 'yes', 'no', 'stop listening',
  'what did i just say', 'do you like pizza', 'test test one two three', 'can you hear me', 'i am bored', 'blah blah blah', 'hmm',
  'who won the game last night', 'how do i bake bread', 'tell me about the roman empire', 'what is two plus two', 'you are useless',
  'my name is alex', 'i had a long day', 'what should i eat for dinner', 'is it friday yet', 'the cat is sleeping', 'sorry wrong button',
  'oops', 'um', 'wait a second', 'hold on', 'let me think', 'what was that noise', 'did you do that', 'wow', 'cool', 'nice',
  'how tall is mount everest', 'translate hello into french', 'what is the capital of spain', 'recommend a good book', 'goodbye',
  // added with the extra phrasings (templates-more.ts): short reactions, small talk, and remarks
  // about the home that ask for nothing
  'oh no', 'whatever', 'fine', 'sure', 'maybe later', 'hang on a sec', 'one moment', 'huh', 'what', 'seriously',
  'haha that is funny', 'good job', 'well done', 'see you later', 'i will be right back', 'excuse me', 'bless you', 'of course',
  'no thanks', 'not really', 'i think so', 'really', 'amazing', 'great', 'alright then', 'never mind that', 'hold that thought',
  'where did i put my keys', 'what day is it tomorrow', 'how do you spell necessary', 'what rhymes with orange', 'do you dream',
  'are you a robot', 'what is your favourite colour', 'tell me something interesting', 'how many legs does a spider have',
  'the kitchen looks nice today', 'i painted the bedroom last year', 'the lights in this shop are pretty', 'my brother fixed the door',
  'the music at the party was great', 'we watched a movie last night', 'the garden was lovely in spring', 'i bought a new lamp',
  'the printer at work is broken', 'the heating bill was high last winter', 'my phone is on the table', 'the dog likes the fan',
  'line two had a good week', 'the new conveyor arrived yesterday', 'i read about smart homes', 'my neighbour has a pool pump',
  'that song reminds me of school', 'the door bell sounds funny', 'it was cold yesterday', 'our old thermostat was grey',
  // added with the third batch of phrasings (templates-paraphrase.ts): speech not meant for the agent,
  // general questions about devices, and more remarks that ask for nothing
  'sorry i was talking to someone else', 'not you', 'i was not talking to you', 'ignore that', 'that was the tv talking',
  'the sunset was beautiful', 'i walked the dog this morning', 'my coffee is getting cold', 'the kids are at school',
  'we had pasta for dinner', 'the car is in the garage', 'i like the colour blue', 'do you know any good songs',
  'i fixed the fan last week', 'the new tv is huge', 'my sister lives in madrid', 'the warehouse is busy today',
  'the shift ends at six', 'my alarm clock is broken', 'do you like the rain', 'the oven was a gift',
  'who invented the light bulb', 'how does a thermostat work', 'why is the sky blue', 'how far away is the moon',
  'i am going to the shop later', 'the meeting went well', 'what does a relay do', 'the plants look happy',
  'we should paint the hallway someday',
];

const PREFIXES = ['uh', 'um', 'hey', 'okay', 'so', 'please', 'hey computer', 'computer', 'uh can you', 'could you please', "i'd like you to", 'can you', 'would you', 'hey um', 'alright',
  'i want you to', 'i need you to', 'go ahead and', 'would you mind', 'hey there', 'right', 'ok so', 'quickly', 'yo', 'uh please', 'hmm can you', 'listen', 'assistant', 'i said'];
const SUFFIXES = ['please', 'thanks', 'thank you', 'now', 'right now', 'for me', 'ok', 'if you can', 'when you get a chance', 'real quick', 'asap', 'would you', 'thanks a lot', 'cheers'];
const FILLERS = ['uh', 'um', 'like', 'er', 'you know', 'i mean', 'please'];
const CONNECTORS = [' and ', ' and then ', ' then ', ' and also ', ' also ', ', and ', ' plus ', ' after that ', ' as well as ', ' and uh ', ' oh and '];
const HOMOPHONES: Record<string, string[]> = {
  the: ['a', 'de', 'that'], to: ['too'], lights: ['light', 'lice'], light: ['lights', 'like'], off: ['of'], turn: ['turned', 'tern'],
  set: ['said', 'sit'], please: ['pleas', 'police'], switch: ['which'], in: ['and', 'an'], my: ['by'], it: ['in'], can: ['could'],
  lock: ['log', 'look'], door: ['store', 'dour'], timer: ['time her', 'tamer'], fan: ['fun', 'van'], blinds: ['blind'], open: ['opened'],
  start: ['star', 'started'], stop: ['stopped', 'top'], volume: ['volumes'], music: ['musics'], play: ['pray', 'played'],
};

function isHeldOutTemplate(family: string, index: number, count: number): boolean {
  if (count < 4) return false;
  let h = 2166136261;
  for (const c of `${family}#${index}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % 5 === 0;
}

export function templateSplit(spec: FamilySpec): { train: number[]; heldout: number[] } {
  const all = spec.templates.map((_, i) => i);
  let heldout = all.filter((i) => isHeldOutTemplate(spec.id, i, all.length));
  if (heldout.length === 0 && all.length >= 4) heldout = [all[all.length - 1]];
  return { train: all.filter((i) => !heldout.includes(i)), heldout };
}

/** Turns segments into the final text: speech-like (lowercase, no punctuation) or typed, with ASR noise. */
function render(segments: Segment[], r: Rng): string {
  const words: Array<{ w: string; protect: boolean }> = [];
  for (const s of segments) for (const w of s.text.split(/\s+/).filter(Boolean)) words.push({ w, protect: s.protect });
  if (r.chance(0.25)) words.unshift(...r.pick(PREFIXES).split(' ').map((w) => ({ w, protect: false })));
  if (r.chance(0.12)) words.push(...r.pick(SUFFIXES).split(' ').map((w) => ({ w, protect: false })));
  const free = (): number[] => words.map((x, i) => (x.protect ? -1 : i)).filter((i) => i >= 0);
  if (r.chance(0.1) && free().length > 2) words.splice(r.pick(free()), 1);
  if (r.chance(0.12)) {
    const candidates = free().filter((i) => words[i].w in HOMOPHONES);
    if (candidates.length) { const i = r.pick(candidates); words[i] = { w: r.pick(HOMOPHONES[words[i].w]), protect: false }; }
  }
  if (r.chance(0.05) && free().length > 0) { const i = r.pick(free()); words.splice(i, 0, { w: words[i].w, protect: false }); }
  // a hesitation in the middle of the command, never inside a value (the answer copies it as one run of words)
  const gaps = words.map((_, i) => i).filter((i) => i > 0 && !(words[i - 1].protect && words[i].protect));
  if (r.chance(0.08) && words.length > 2 && gaps.length > 0) words.splice(r.pick(gaps), 0, ...r.pick(FILLERS).split(' ').map((w) => ({ w, protect: false })));
  let text = words.map((x) => x.w).join(' ').replace(/\s+,/g, ',');
  // speech-like: no punctuation, but a decimal point between digits stays ("21.5")
  if (r.chance(0.6)) return text.toLowerCase().replace(/[,!?]/g, '').replace(/\.(?!\d)/g, '').replace(/\s+/g, ' ').trim();
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return text + r.pick(['', '', '.', '?', '!']);
}

export interface FamilyPools { targets: FamilySpec[]; distractors: FamilySpec[]; templates: 'train' | 'heldout' | 'all' }

function related(a: FamilySpec, b: FamilySpec): boolean {
  return a.id === b.id || (a.related ?? []).includes(b.id) || (b.related ?? []).includes(a.id);
}

/**
 * Whether a distractor of family `distractor` may be offered beside a target of family `target`:
 * never the target's own family, and never a generic tool (HassTurnOn) beside a family it could
 * stand in for, or the other way round (two right answers).
 */
export function mayOfferBeside(distractor: FamilySpec, target: FamilySpec): boolean {
  if (distractor.id === target.id) return false;
  return !((distractor.generic || target.generic) && related(distractor, target));
}

/** Share of targets drawn as one-action tools ("turn_off_fan") when the family has an action parameter. */
const VERB_TOOLS = 0.2;

function pickVerb(spec: FamilySpec, r: Rng, not?: string): string | null {
  const p = actionParam(spec);
  if (!p || p.domain.kind !== 'enum') return null;
  const values = Object.keys(p.domain.values).filter((v) => v !== not);
  return values.length ? r.pick(values) : null;
}

function sampleTarget(spec: FamilySpec, r: Rng, which: FamilyPools['templates'], verbChance = spec.verbShare ?? VERB_TOOLS): { tool: SampledTool; text: Segment[]; call: ToolCall } | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const bakeValue = spec.deviceParam && r.chance(0.25) ? pickBake(spec, r) : null;
    const verbValue = attempt < 6 && r.chance(verbChance) ? pickVerb(spec, r) : null;
    const tool = sampleTool(spec, r, bakeValue, verbValue);
    const split = templateSplit(spec);
    const indices = which === 'all' ? spec.templates.map((_, i) => i) : split[which];
    const usable = usableTemplates(tool, indices);
    if (usable.length === 0) continue;
    const u = fillTemplate(tool, r.pick(usable), r);
    if (!u) continue;
    return { tool, text: u.segments, call: { name: tool.schema.name, arguments: u.args } };
  }
  return null;
}

function pickBake(spec: FamilySpec, r: Rng): string | null {
  const p = spec.params.find((x) => x.key === spec.deviceParam);
  if (!p || p.domain.kind !== 'enum') return null;
  return r.pick(Object.keys(p.domain.values));
}

function addDistractors(r: Rng, pools: FamilyPools, chosen: SampledTool[], targetFamilies: FamilySpec[], total: number, siblings = true): SampledTool[] {
  const tools = [...chosen];
  const names = new Set(tools.map((t) => t.schema.name));
  // a device-specific target sometimes gets a sibling for another device of the same family
  for (const t of siblings ? chosen : []) {
    if (t.baked && r.chance(0.6)) {
      const other = pickBake(t.spec, r);
      if (other && other !== t.baked.value) {
        const sib = sampleTool(t.spec, r, other);
        if (!names.has(sib.schema.name)) { tools.push(sib); names.add(sib.schema.name); }
      }
    }
  }
  // a one-action target usually comes with its siblings ("lock_door" next to "unlock_door")
  for (const t of siblings ? chosen : []) {
    if (!t.verb || !r.chance(0.85)) continue;
    for (let k = r.int(1, 2); k > 0; k--) {
      const other = pickVerb(t.spec, r, t.verb.value);
      if (!other) break;
      const sib = sampleTool(t.spec, r, t.baked?.value ?? null, other);
      if (!names.has(sib.schema.name)) { tools.push(sib); names.add(sib.schema.name); }
    }
  }
  let guard = 0;
  while (tools.length < total && guard++ < 60) {
    const spec = r.pick(pools.distractors);
    if (!targetFamilies.every((f) => mayOfferBeside(spec, f))) continue;
    const tool = sampleTool(spec, r, spec.deviceParam && r.chance(0.2) ? pickBake(spec, r) : null, r.chance(0.1) ? pickVerb(spec, r) : null);
    if (names.has(tool.schema.name)) continue;
    names.add(tool.schema.name);
    tools.push(tool);
  }
  return r.shuffle(tools);
}

function toolCount(r: Rng, minimum: number): number {
  // mostly what a small config offers, with a tail of larger ones (the daemon shortlists above 10)
  const n = r.chance(0.12) ? r.int(11, 16) : r.pick([1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10]);
  return Math.max(minimum, n);
}

export function makeExample(r: Rng, pools: FamilyPools, split: SplitName, chitchat: readonly string[]): Example | null {
  const roll = r.next();
  if (roll < 0.12) {
    const tools = addDistractors(r, pools, [], [], toolCount(r, 1));
    return { query: render([{ text: r.pick(chitchat), protect: false }], r), tools: tools.map((t) => t.schema), answers: [], meta: { split, kind: 'chitchat', families: [] } };
  }
  if (roll < 0.25) {
    // a request whose tool is not offered
    const spec = r.pick(pools.targets);
    // sometimes the offered tool is the one-action sibling that does the opposite ("lock_door" for "unlock the door")
    const opposite = actionParam(spec) !== undefined && r.chance(0.3);
    const t = sampleTarget(spec, r, pools.templates, opposite ? 1 : VERB_TOOLS);
    if (!t) return null;
    const others: FamilyPools = { ...pools, distractors: pools.distractors.filter((f) => !related(f, spec)) };
    const siblings: SampledTool[] = [];
    if (opposite && t.tool.verb) {
      const other = pickVerb(spec, r, t.tool.verb.value);
      if (other) siblings.push(sampleTool(spec, r, t.tool.baked?.value ?? null, other));
    }
    const tools = addDistractors(r, others, siblings, [spec], toolCount(r, 1), false);
    return { query: render(t.text, r), tools: tools.map((x) => x.schema), answers: [], meta: { split, kind: 'not_offered', families: [spec.id] } };
  }
  const multi = roll > 0.79;
  const first = r.pick(pools.targets);
  const specs = [first];
  for (let k = multi ? (r.chance(0.15) ? 2 : 1) : 0; k > 0; k--) {
    const next = r.pick(pools.targets.filter((f) => !specs.some((s) => related(f, s))));
    if (!next) return null;
    specs.push(next);
  }
  const parts = specs.map((s) => sampleTarget(s, r, pools.templates));
  if (parts.some((p) => p === null)) return null;
  const done = parts as Array<NonNullable<(typeof parts)[number]>>;
  const segments: Segment[] = [];
  done.forEach((p, i) => {
    if (i > 0) segments.push({ text: r.pick(CONNECTORS), protect: false });
    segments.push(...p.text);
  });
  const tools = addDistractors(r, pools, done.map((p) => p.tool), specs, toolCount(r, specs.length));
  const names = tools.map((t) => t.schema.name);
  if (new Set(names).size !== names.length) return null;
  return {
    query: render(segments, r),
    tools: tools.map((t) => t.schema),
    answers: done.map((p) => p.call),
    meta: { split, kind: multi ? 'multi' : 'single', families: specs.map((s) => s.id) },
  };
}

/** Chit-chat lines split so held-out evaluation sees phrasings training never did. */
export function chitchatSplit(): { train: string[]; heldout: string[] } {
  return { train: CHITCHAT.filter((_, i) => i % 5 !== 2), heldout: CHITCHAT.filter((_, i) => i % 5 === 2) };
}
