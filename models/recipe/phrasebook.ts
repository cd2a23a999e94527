/**
 * Writes models/needle/phrasebook.json: the generator's phrasings per tool family as carrier sentences
 * for the speech language model (src/speech/lm/phrasebook.ts). The router is trained on these
 * phrasings ("it's too dark in the kitchen", "i'm going to bed"); the recogniser must be able to hear
 * them too. Each template's alternatives are expanded (a few per template), values the template fixes
 * silently are dropped, fixed spoken values become their words, and every other value becomes a slot
 * the daemon fills from the configured tool: {L} a place, {S} an on/off state, {SV} a state that is a
 * verb, {O} another enum value, {N} a number (with its unit). Templates with free text are left out.
 *
 *   tsx models/recipe/phrasebook.ts [--out models/needle/phrasebook.json]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHRASEBOOK_FILE, type PhrasebookFamily } from '../../src/speech/lm/phrasebook.js';
import { ON_OFF, VERB_STATES } from '../../src/speech/lm/sentences.js';
import type { FamilySpec, ParamSpec } from './generator/dsl.js';
import { ALL_FAMILIES } from './generator/families.js';

const root = join(import.meta.dirname, '../..');
const outArg = process.argv.indexOf('--out');
const outPath = outArg > 0 ? process.argv[outArg + 1] : join(root, 'models/needle', PHRASEBOOK_FILE);

/** Most expansions of one template's alternatives that are kept. */
const EXPANSIONS_PER_TEMPLATE = 6;
const PLACE_KEYS = /^(room|area|zone|location|place|floor|site|where|counter|department|camera|door|gate|line|machine|valve|pump|device)$/;

/** Every way of choosing the alternatives of "[a|b|]" groups, nested groups included, up to `cap`. */
export function expansions(template: string, cap: number): string[] {
  const m = /\[([^[\]]*)\]/.exec(template);
  if (m === null) return [template];
  const out: string[] = [];
  for (const option of m[1].split('|')) {
    for (const rest of expansions(template.slice(0, m.index) + option + template.slice(m.index + m[0].length), cap)) {
      if (out.length >= cap) return out;
      if (!out.includes(rest)) out.push(rest);
    }
  }
  return out;
}

/**
 * The slot a parameter's value takes in the daemon's sentence filler, or null for free text; on/off
 * and verb-like states are told apart with sentences.ts's own word sets, as the filler does.
 */
function slotOf(p: ParamSpec): string | null {
  const d = p.domain;
  switch (d.kind) {
    case 'text': return null;
    case 'time': return null;
    case 'bool': return '{S}';
    case 'enum': {
      const values = Object.keys(d.values);
      if (PLACE_KEYS.test(p.key)) return '{L}';
      if (values.some((v) => ON_OFF.has(v))) return '{S}';
      if (values.some((v) => VERB_STATES.has(v))) return '{SV}';
      return d.numeric ? '{N}' : '{O}';
    }
    default: return '{N}';
  }
}

/** A template as carrier sentences, or none when it needs free text or a clock time. */
function carriers(spec: FamilySpec, template: string): string[] {
  const out: string[] = [];
  for (const text of expansions(template.toLowerCase(), EXPANSIONS_PER_TEMPLATE)) {
    let ok = true;
    const filled = text.replace(/\{(!?)([a-z_]+)(?:=([^}]*))?\}/g, (_, silent: string, key: string, fixed: string | undefined) => {
      if (silent) return '';
      const p = spec.params.find((x) => x.key === key);
      if (p === undefined) { ok = false; return ''; }
      if (fixed !== undefined && p.domain.kind === 'enum') return p.domain.values[fixed]?.[0] ?? fixed;
      const slot = slotOf(p);
      if (slot === null) ok = false;
      // a slot is a word of its own for the filler ("{N}%" -> " {N} ")
      return slot === null ? '' : ` ${slot} `;
    });
    const clean = filled.replace(/[^a-zA-Z'{} ]/g, ' ').replace(/\s+/g, ' ').trim();
    if (ok && clean !== '' && !out.includes(clean)) out.push(clean);
  }
  return out;
}

export function buildPhrasebook(families: readonly FamilySpec[]): PhrasebookFamily[] {
  return families.map((spec) => ({
    id: spec.id,
    // what the family is about: its tool names and descriptions, for matching a configured tool
    words: [...new Set([...spec.names, ...spec.descriptions].join(' ').toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 1))],
    sentences: [...new Set(spec.templates.flatMap((t) => carriers(spec, t)))],
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const book = buildPhrasebook(ALL_FAMILIES);
  writeFileSync(outPath, `${JSON.stringify({ version: 1, families: book })}\n`);
  console.log(`${outPath}: ${book.length} families, ${book.reduce((n, f) => n + f.sentences.length, 0)} carrier sentences`);
}
