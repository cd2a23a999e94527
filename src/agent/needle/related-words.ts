/**
 * Related words from WordNet (models/needle/lexicon.json.gz, built by models/recipe/lexicon.py from
 * Debian's wordnet-base): "drapes" meets "curtains", "hoover" meets "cleaner", "help" meets
 * "assistant". A user's tool says what it does in the user's words, the utterance in the
 * speaker's; the tiny model only matches words it sees on both sides, so it answered `[]` to "open
 * the drapes" beside set_curtains. The router flags related words on both sides next to the
 * shared ones (serialize.ts pointerTags): 2 for a model trained with that flag, else 1.
 *
 * Two words are related when a concept one of them names (one of its first senses, or what its
 * derivations name) is a concept the other names or its direct broader concept (hypernym). Words
 * that merely share a broader concept ("kitchen" and "bedroom", both rooms) are not. A word for a
 * person as such ("someone") is related to the words for a kind of person ("employee").
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { GENERIC_TOOL_WORDS, stem, STOPWORDS } from './lexical.js';
import { firstToolPosition, type WordSpan, wordSpans } from './serialize.js';
import type { Tokenizer } from './tokenizer.js';

interface LexiconJson {
  format: 'needle-lexicon-1';
  words: Record<string, [number[], number[]]>;
  /** words whose first sense is "person" itself (someone, somebody), and words for a kind of person */
  personWords?: string[];
  personKinds?: string[];
}

/** Inflections WordNet's morphology strips, in its order: suffix -> ending of the lemma. */
const DETACH: ReadonlyArray<readonly [string, string]> = [
  ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
  ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''],
];

/** A word's concepts: its senses and its narrow broader concepts, each a sorted run of ids. */
interface Concepts {
  senses: Int32Array;
  broader: Int32Array;
}

export class Lexicon {
  /** word -> its entry; an entry is [start, senses, broader] in `entries`, its ids in `ids` */
  private readonly index = new Map<string, number>();
  private readonly entries: Int32Array;
  private readonly ids: Int32Array;
  private readonly personWords: ReadonlySet<string>;
  private readonly personKinds: ReadonlySet<string>;
  /** false: synonyms only (a shared sense); true: also a word and its direct broader concept */
  broaderToo = true;

  constructor(json: LexiconJson) {
    if (json.format !== 'needle-lexicon-1') throw new Error(`lexicon: unknown format ${String(json.format)}`);
    this.personWords = new Set(json.personWords ?? []);
    this.personKinds = new Set(json.personKinds ?? []);
    // flat typed arrays, not a Set per word: 64k words take ~7 MB of heap instead of ~30 on a Pi
    const words = Object.entries(json.words);
    this.entries = new Int32Array(3 * words.length);
    this.ids = new Int32Array(words.reduce((n, [, [s, b]]) => n + s.length + b.length, 0));
    let at = 0;
    words.forEach(([word, [senses, broader]], k) => {
      this.index.set(word, k);
      this.entries.set([at, senses.length, broader.length], 3 * k);
      this.ids.set([...senses].sort((x, y) => x - y), at);
      this.ids.set([...broader].sort((x, y) => x - y), at + senses.length);
      at += senses.length + broader.length;
    });
  }

  private concepts(lemma: string): Concepts {
    const k = this.index.get(lemma) as number;
    const [start, senses, broader] = this.entries.subarray(3 * k, 3 * k + 3);
    return { senses: this.ids.subarray(start, start + senses), broader: this.ids.subarray(start + senses, start + senses + broader) };
  }

  /** Reads a gzip-compressed lexicon file; a clear error names a missing or corrupt one. */
  static load(path: string): Lexicon {
    let json: unknown;
    try {
      json = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
    } catch (err) {
      throw new Error(`lexicon ${path}: ${(err as Error).message}`);
    }
    if (typeof json !== 'object' || json === null || typeof (json as { words?: unknown }).words !== 'object') {
      throw new Error(`lexicon ${path}: not a needle lexicon (no "words" table)`);
    }
    return new Lexicon(json as LexiconJson);
  }

  /** The lemmas a word form may be ("cleaning" -> clean, "boxes" -> box). */
  private lemmas(word: string): string[] {
    if (this.index.has(word)) return [word];
    const out: string[] = [];
    for (const [suffix, ending] of DETACH) {
      if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
      const lemma = word.slice(0, -suffix.length) + ending;
      if (this.index.has(lemma) && !out.includes(lemma)) out.push(lemma);
    }
    return out;
  }

  /**
   * "someone", "somebody", "a person" name the concept person itself, far too broad to relate all
   * its kinds to each other; but a request for someone is a request for a kind of person the tool
   * names ("send someone to the entrance" beside "Request assistance from an employee").
   */
  private asksForAPerson(general: string, specific: string): boolean {
    return this.personWords.has(general) && this.personKinds.has(specific);
  }

  /** Whether two words are related (see the module comment); a word is not related to itself here. */
  related(a: string, b: string): boolean {
    if (a === b) return false;
    for (const la of this.lemmas(a)) {
      for (const lb of this.lemmas(b)) {
        if (la === lb) return false;
        if (this.asksForAPerson(la, lb) || this.asksForAPerson(lb, la)) return true;
        const ca = this.concepts(la);
        const cb = this.concepts(lb);
        if (meets(ca.senses, cb.senses)) return true;
        if (this.broaderToo && (meets(ca.senses, cb.broader) || meets(ca.broader, cb.senses))) return true;
      }
    }
    return false;
  }
}

/** Whether two sorted id lists share an id. */
function meets(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}

/** Words worth relating: three letters or more, not a function word or a word every tool may use. */
function contentWord(word: string): boolean {
  return word.length >= 3 && /^[a-z]+$/.test(word) && !STOPWORDS.has(word) && !GENERIC_TOOL_WORDS.has(word);
}

/** A tool slot token (`<T3>`) or a parameter token (`<P1>`), by piece. */
const TOOL_SLOT = /^<T\d+>$/;
const PARAMETER_SLOT = /^<P\d+>$/;

/**
 * The content words of each offered tool's head (its name and description, up to its first
 * parameter) in the tools' token sequence: what an utterance's words are related to. A router
 * builds this once for its tool set; only the utterance changes per request. Parameter and enum
 * words take no part: they are matched as said.
 */
export class ToolHeads {
  private readonly heads: Array<{ words: WordSpan[]; literal: Set<string> }> = [];

  /** `toolIds`: the offered tools' tokens, each tool from its `<T…>` slot token on. */
  constructor(tok: Tokenizer, toolIds: readonly number[]) {
    // the tool each head position belongs to (-1: a parameter, or before the first tool)
    const toolAt = new Array<number>(toolIds.length).fill(-1);
    let tool = -1;
    let inHead = false;
    toolIds.forEach((id, i) => {
      const piece = id < tok.specials.size ? tok.piece(id) : '';
      if (TOOL_SLOT.test(piece)) {
        inHead = true;
        tool++;
        this.heads.push({ words: [], literal: new Set() });
      } else if (PARAMETER_SLOT.test(piece)) inHead = false;
      if (inHead) toolAt[i] = tool;
    });
    for (const span of wordSpans(tok, toolIds)) {
      const t = toolAt[span.positions[0]];
      if (t < 0 || !contentWord(span.word)) continue;
      this.heads[t].words.push(span);
      this.heads[t].literal.add(stem(span.word));
    }
  }

  /** Whether a word is related to a content word of tool i's head (not the same word). */
  relatesTo(lexicon: Lexicon, word: string, i: number): boolean {
    return this.heads[i]?.words.some((s) => lexicon.related(word, s.word)) ?? false;
  }

  /**
   * Positions, in the utterance's tokens followed by the tools', of the utterance's words and the
   * tool-head words that are related without being the same word. An utterance word a tool's head
   * already says outright relates to nothing more in that tool ("light" beside "the brightness of
   * the light" does not also flag "brightness").
   */
  related(tok: Tokenizer, lexicon: Lexicon, queryIds: readonly number[]): Set<number> {
    const said = wordSpans(tok, queryIds).filter((s) => contentWord(s.word));
    const offset = queryIds.length;
    const out = new Set<number>();
    for (const head of this.heads) {
      for (const q of said) {
        if (head.literal.has(stem(q.word))) continue;
        for (const s of head.words) {
          if (!lexicon.related(q.word, s.word)) continue;
          for (const p of q.positions) out.add(p);
          for (const p of s.positions) out.add(p + offset);
        }
      }
    }
    return out;
  }
}

/**
 * Related positions (ToolHeads.related) in one source sequence: the utterance, then the tools from
 * the first `<T…>` token on. The training recipe (models/recipe/relate-tokens.ts) calls this; the
 * router keeps its tool set's ToolHeads.
 */
export function relatedPositions(tok: Tokenizer, lexicon: Lexicon, ids: readonly number[]): Set<number> {
  const firstTool = firstToolPosition(tok, ids);
  return new ToolHeads(tok, ids.slice(firstTool)).related(tok, lexicon, ids.slice(0, firstTool));
}
