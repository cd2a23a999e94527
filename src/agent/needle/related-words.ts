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
import { type WordSpan, wordSpans } from './serialize.js';
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

/**
 * Source positions (utterance first, then the tools) of the utterance's words and the tools' name
 * and description words that are related without being the same word. Only a tool's head (up to
 * its first parameter) takes part: it says what the tool is for, while parameter and enum words are
 * matched as said. An utterance word a tool's head already says outright relates to nothing more in
 * that tool ("light" beside "the brightness of the light" does not also flag "brightness").
 * The training recipe (models/recipe/relate-tokens.ts) and the router both call this.
 */
export function relatedPositions(tok: Tokenizer, lexicon: Lexicon, ids: readonly number[]): Set<number> {
  // the tool each head position belongs to (-1: the utterance or a parameter)
  const toolAt = new Array<number>(ids.length).fill(-1);
  let tool = -1;
  let inHead = false;
  let queryLength = ids.length;
  ids.forEach((id, i) => {
    const piece = id < tok.specials.size ? tok.piece(id) : '';
    if (/^<T\d+>$/.test(piece)) {
      inHead = true;
      tool++;
      queryLength = Math.min(queryLength, i);
    } else if (/^<P\d+>$/.test(piece)) inHead = false;
    if (inHead) toolAt[i] = tool;
  });
  const spans = wordSpans(tok, ids).filter((s) => contentWord(s.word));
  const said = spans.filter((s) => s.positions[0] < queryLength);
  const heads = new Map<number, WordSpan[]>();
  for (const s of spans) {
    const t = toolAt[s.positions[0]];
    if (t >= 0) heads.set(t, [...(heads.get(t) ?? []), s]);
  }
  const out = new Set<number>();
  for (const head of heads.values()) {
    const literal = new Set(head.map((s) => stem(s.word)));
    for (const q of said) {
      if (literal.has(stem(q.word))) continue;
      for (const s of head) {
        if (!lexicon.related(q.word, s.word)) continue;
        for (const p of q.positions) out.add(p);
        for (const p of s.positions) out.add(p);
      }
    }
  }
  return out;
}
