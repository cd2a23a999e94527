/**
 * The router's phrasings for the recogniser: models/needle/phrasebook.json (written by
 * models/recipe/phrasebook.ts from the training generator) holds, per tool family, carrier sentences
 * with slots ("it's too dark in the {L}", "count down {N}"). A configured tool takes the sentences of
 * the families whose names and descriptions cover most of its own words (set_light "Switch the light
 * in a room on or off" -> the light families), filled with its own values by sentences.ts. A missing
 * or unreadable phrasebook is reported and the language model is built without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ToolSchema } from '../../agent/types.js';
import { STOPWORDS, stem } from '../../agent/needle/lexical.js';
import { speakableWords } from './words.js';

/** The phrasebook's file name in the model folder. */
export const PHRASEBOOK_FILE = 'phrasebook.json';

export interface PhrasebookFamily {
  id: string;
  /** words of the family's tool names and descriptions */
  words: string[];
  /** carrier sentences, slots {L} {S} {SV} {O} {N} */
  sentences: string[];
}

/** Words every family and tool uses: they say nothing about which family a tool belongs to. */
const GENERIC = new Set([...STOPWORDS, 'set', 'turn', 'switch', 'control', 'change', 'get', 'on', 'off', 'or', 'room', 'value',
  'state', 'mode', 'level', 'device', 'command', 'send', 'start', 'stop', 'make', 'give', 'tell', 'show', 'query', 'read', 'status', 'current']);
/** Share of a tool's own words a family must have to lend it its phrasings. */
const MIN_COVER = 0.5;
/** Families one tool takes phrasings from at most (the best covering ones). */
const MAX_FAMILIES = 2;

function contentStems(words: readonly string[]): Set<string> {
  return new Set(words.filter((w) => w.length > 1 && !GENERIC.has(w)).map(stem));
}

/** The families whose words cover at least MIN_COVER of the tool's name and description words, best first. */
export function familiesFor(tool: ToolSchema, book: readonly PhrasebookFamily[]): PhrasebookFamily[] {
  const own = contentStems(speakableWords(`${tool.name} ${tool.description ?? ''}`));
  if (own.size === 0) return [];
  const scored = book.map((family) => {
    const theirs = contentStems(family.words);
    const shared = [...own].filter((w) => theirs.has(w)).length;
    return { family, cover: shared / own.size };
  }).filter((x) => x.cover >= MIN_COVER);
  scored.sort((a, b) => b.cover - a.cover);
  const best = scored[0]?.cover ?? 0;
  return scored.filter((x) => x.cover === best).slice(0, MAX_FAMILIES).map((x) => x.family);
}

function isFamily(x: unknown): x is PhrasebookFamily {
  if (typeof x !== 'object' || x === null) return false;
  const f = x as Record<string, unknown>;
  const strings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
  return typeof f.id === 'string' && strings(f.words) && strings(f.sentences);
}

/**
 * Reads a phrasebook file. Returns its families, or an empty list and a warning naming the problem
 * (no file, not JSON, wrong shape): speech works without it, only less of the router's phrasing is heard.
 */
export function loadPhrasebook(path: string): { families: PhrasebookFamily[]; warning: string | null } {
  if (!existsSync(path)) return { families: [], warning: `no phrasebook at ${path}: the speech model knows only the phrasings it derives from the tools` };
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { families?: unknown };
    if (!Array.isArray(data.families) || !data.families.every(isFamily)) {
      return { families: [], warning: `phrasebook ${path} is not a list of {id, words, sentences} families; ignored` };
    }
    return { families: data.families, warning: null };
  } catch (err) {
    return { families: [], warning: `phrasebook ${path} cannot be read (${(err as Error).message}); ignored` };
  }
}
