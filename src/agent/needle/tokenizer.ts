/**
 * Byte-level BPE tokenizer shared by the training recipe and the runtime.
 *
 * Text is first split into pre-tokens (a word with its leading space, one digit, or a run of
 * punctuation), each pre-token is turned into bytes, and the learned merges are applied by rank.
 * Digits are never merged with each other, so numbers are copied digit by digit and the decoding
 * grammar can tell a digit token from a word token. Special tokens (structure markers and the
 * tool / parameter / enum slot pointers) have fixed ids below the byte tokens.
 */
import { readFileSync } from 'node:fs';

export const MAX_TOOL_SLOTS = 48;
export const MAX_PARAM_SLOTS = 12;
export const MAX_ENUM_SLOTS = 24;

const STRUCTURE = ['<pad>', '<bos>', '<eos>', '<q>', '<d>', '<call>', '<true>', '<false>', '<req>', '<opt>',
  '<ty_string>', '<ty_integer>', '<ty_number>', '<ty_boolean>'] as const;
export type StructureToken = (typeof STRUCTURE)[number];

/** All special tokens in id order. */
export const SPECIAL_TOKENS: readonly string[] = [
  ...STRUCTURE,
  ...Array.from({ length: MAX_TOOL_SLOTS }, (_, i) => `<T${i + 1}>`),
  ...Array.from({ length: MAX_PARAM_SLOTS }, (_, i) => `<P${i + 1}>`),
  ...Array.from({ length: MAX_ENUM_SLOTS }, (_, i) => `<E${i + 1}>`),
];

const PRETOKEN = / ?[\p{L}_']+| ?[0-9]| ?[^\s\p{L}0-9_']+|\s+/gu;

/** Splits normalised text into pre-tokens; merges never cross their boundaries. */
export function preTokenize(text: string): string[] {
  return text.match(PRETOKEN) ?? [];
}

/** Encodes a string as a "byte string" (one char per UTF-8 byte), the alphabet merges work on. */
export function toByteString(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

export function fromByteString(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export interface TokenizerJson {
  format: 'needle-bpe-1';
  specials: string[];
  /** Merges in rank order; each is two byte strings. */
  merges: Array<[string, string]>;
}

export class Tokenizer {
  readonly vocab: string[];
  readonly specials: Map<string, number>;
  private readonly ids = new Map<string, number>();
  private readonly ranks = new Map<string, number>();
  private readonly cache = new Map<string, number[]>();

  constructor(readonly json: TokenizerJson) {
    if (json.format !== 'needle-bpe-1') throw new Error(`tokenizer: unknown format ${String(json.format)}`);
    this.vocab = [...json.specials];
    for (let b = 0; b < 256; b++) this.vocab.push(String.fromCharCode(b));
    json.merges.forEach(([a, b], rank) => {
      this.ranks.set(a + '\u0000' + b, rank);
      this.vocab.push(a + b);
    });
    this.vocab.forEach((tok, id) => { if (!this.ids.has(tok)) this.ids.set(tok, id); });
    this.specials = new Map(json.specials.map((s, i) => [s, i]));
  }

  static load(path: string): Tokenizer {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`tokenizer: cannot read ${path}: ${(err as Error).message}`);
    }
    return new Tokenizer(parsed as TokenizerJson);
  }

  get size(): number { return this.vocab.length; }

  special(name: string): number {
    const id = this.specials.get(name);
    if (id === undefined) throw new Error(`tokenizer: no special token ${name}`);
    return id;
  }

  /** Encodes normalised text (no special tokens inside). */
  encode(text: string): number[] {
    const out: number[] = [];
    for (const pre of preTokenize(text)) {
      let ids = this.cache.get(pre);
      if (!ids) {
        ids = this.bpe(toByteString(pre)).map((piece) => this.ids.get(piece) as number);
        if (this.cache.size < 50_000) this.cache.set(pre, ids);
      }
      out.push(...ids);
    }
    return out;
  }

  /** Decodes ordinary tokens back to text; special tokens are skipped. */
  decode(ids: readonly number[]): string {
    let bytes = '';
    for (const id of ids) if (id >= this.specials.size) bytes += this.vocab[id];
    return fromByteString(bytes);
  }

  /** The byte string of one token (for the decoding grammar). */
  piece(id: number): string {
    return this.vocab[id];
  }

  private bpe(word: string): string[] {
    let parts = [...word];
    for (;;) {
      let best = -1;
      let bestRank = Infinity;
      for (let i = 0; i < parts.length - 1; i++) {
        const rank = this.ranks.get(parts[i] + '\u0000' + parts[i + 1]);
        if (rank !== undefined && rank < bestRank) { bestRank = rank; best = i; }
      }
      if (best < 0) return parts;
      parts = [...parts.slice(0, best), parts[best] + parts[best + 1], ...parts.slice(best + 2)];
    }
  }
}

/**
 * Learns merges from a corpus of normalised lines until the vocabulary has `vocabSize` entries.
 * Pairs made of two digits are never merged (numbers stay digit by digit).
 */
export function trainTokenizer(lines: Iterable<string>, vocabSize: number): TokenizerJson {
  const counts = new Map<string, number>();
  for (const line of lines) for (const pre of preTokenize(line)) counts.set(pre, (counts.get(pre) ?? 0) + 1);
  const words = [...counts.entries()].map(([w, c]) => ({ parts: [...toByteString(w)], count: c }));
  const merges: Array<[string, string]> = [];
  const isDigit = (s: string): boolean => /[0-9]/.test(s);
  const target = vocabSize - SPECIAL_TOKENS.length - 256;
  while (merges.length < target) {
    const pairs = new Map<string, number>();
    for (const w of words) {
      for (let i = 0; i < w.parts.length - 1; i++) {
        const a = w.parts[i];
        const b = w.parts[i + 1];
        if (isDigit(a) && isDigit(b)) continue;
        const key = a + '\u0000' + b;
        pairs.set(key, (pairs.get(key) ?? 0) + w.count);
      }
    }
    let bestKey = '';
    let bestCount = 1;
    for (const [key, c] of pairs) if (c > bestCount || (c === bestCount && bestKey !== '' && key < bestKey)) { bestKey = key; bestCount = c; }
    if (bestKey === '') break;
    const [a, b] = bestKey.split('\u0000') as [string, string];
    merges.push([a, b]);
    for (const w of words) {
      for (let i = 0; i < w.parts.length - 1; i++) {
        if (w.parts[i] === a && w.parts[i + 1] === b) w.parts.splice(i, 2, a + b);
      }
    }
  }
  return { format: 'needle-bpe-1', specials: [...SPECIAL_TOKENS], merges };
}
