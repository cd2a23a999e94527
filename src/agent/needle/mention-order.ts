/**
 * Calls run in the order the utterance mentions them ("pause the music and then lock the door").
 * The small router often emits the right calls in another order (on 600 generated examples, 40 of
 * its 113 mistakes), so after decoding each call first gets the clause that says most of it, when
 * that settles the order (clauseOrder); otherwise each call is anchored to the earliest place in the
 * normalised utterance that only it explains: first a word of its tool's name or one of its
 * argument values said as words ("tv", "hong kong", "inlet", "2700"); failing those, a distinctive
 * word of its tool's description (lexical.ts). A call with no anchor takes a clause no other call
 * is in, when that is unambiguous. When every call has an anchor the calls are sorted by them;
 * otherwise the model's order stands.
 */
import type { ToolCall } from '../types.js';
import { clauseSpans, FILLER_WORDS, GENERIC_TOOL_WORDS, STOPWORDS } from './lexical.js';
import { humanize } from './serialize.js';

/** Name words that say what any tool does, not which one, and function words: they anchor nothing. */
const GENERIC: ReadonlySet<string> = new Set([...STOPWORDS, ...GENERIC_TOOL_WORDS]);

/** Start positions (in words) of `phrase` in `words`. */
function occurrences(words: readonly string[], phrase: readonly string[]): number[] {
  const out: number[] = [];
  if (phrase.length === 0) return out;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, k) => words[i + k] === w)) out.push(i);
  }
  return out;
}

function phrasesAt(words: readonly string[], phrases: ReadonlyArray<readonly string[]>): Set<number> {
  const found = new Set<number>();
  for (const phrase of phrases) for (const p of occurrences(words, phrase)) found.add(p);
  return found;
}

/** The earliest position of each call that no other call claims too (undefined where there is none). */
function earliestOwn(claims: ReadonlyArray<Set<number>>): Array<number | undefined> {
  return claims.map((own, i) => {
    const only = [...own].filter((p) => claims.every((other, j) => j === i || !other.has(p)));
    return only.length > 0 ? Math.min(...only) : undefined;
  });
}

/**
 * Calls with no anchor of their own ("it's freezing" says no word of `climateMode`) take the start of
 * a clause no anchored call is in, when there are exactly as many such clauses as such calls (in the
 * model's order): "it's freezing as well as skip to the next song" puts the climate call first.
 */
function placeUnanchored(anchors: ReadonlyArray<number | undefined>, words: readonly string[]): Array<number | undefined> {
  const missing = anchors.flatMap((a, i) => (a === undefined ? [i] : []));
  if (missing.length === 0) return [...anchors];
  const spans = clauseSpans(words);
  const free = spans.filter((c) => anchors.every((a) => a === undefined || a < c.from || a >= c.to));
  if (free.length !== missing.length) return [...anchors];
  const out = [...anchors];
  missing.forEach((i, k) => { out[i] = free[k].from; });
  return out;
}

/**
 * The phrases that say a call as its own: each word of its tool's name that is not generic, and each
 * argument value said as words ("hong kong" stays one phrase). Booleans say nothing.
 */
function anchorPhrases(call: { name: string; arguments: ToolCall['arguments'] }): string[][] {
  const phrases = humanize(call.name).split(' ').filter((w) => w.length > 0 && !GENERIC.has(w)).map((w) => [w]);
  for (const value of Object.values(call.arguments)) {
    if (typeof value !== 'boolean') phrases.push(humanize(String(value)).split(' ').filter((w) => w.length > 0));
  }
  return phrases;
}

/** How many of the positions in `at` fall inside the span. */
function countIn(at: ReadonlySet<number>, span: { from: number; to: number }): number {
  let n = 0;
  for (const p of at) if (p >= span.from && p < span.to) n++;
  return n;
}

/**
 * The clause each call is said in, when the clauses settle it: every way of giving the calls
 * distinct clauses is scored by what each clause says of its call (a name word or argument value
 * counts 2, a distinctive description word 1), and the best ways must all put the calls in one
 * order. "start the sump pump at 35% and then robot start" gives the pump the first clause although
 * "start" (of start_cleaning) comes first: the second clause says "robot" and "start" for it.
 */
function clauseOrder(primary: ReadonlyArray<Set<number>>, secondary: ReadonlyArray<Set<number>>, spans: ReadonlyArray<{ from: number; to: number }>): number[] | undefined {
  const n = primary.length;
  if (spans.length < n || spans.length > 8) return undefined;
  const score = primary.map((own, i) => spans.map((span) => 2 * countIn(own, span) + countIn(secondary[i], span)));
  let best = 0;
  let orders = new Set<string>();
  let bestClauses: number[] | undefined;
  const chosen: number[] = [];
  const visit = (i: number, total: number): void => {
    if (i === n) {
      if (total < best) return;
      const order = chosen.map((c, k) => ({ c, k })).sort((a, b) => a.c - b.c).map((x) => x.k).join(' ');
      if (total > best) { best = total; orders = new Set(); bestClauses = [...chosen]; }
      orders.add(order);
      return;
    }
    for (let c = 0; c < spans.length; c++) {
      if (chosen.includes(c)) continue;
      chosen.push(c);
      visit(i + 1, total + score[i][c]);
      chosen.pop();
    }
  };
  visit(0, 0);
  return best > 0 && orders.size === 1 ? bestClauses : undefined;
}

/**
 * Reorders `calls` by where the utterance mentions them.
 * @param descriptionWords each call's tool's distinctive words among the offered tools, by call index
 */
export function orderByMention(calls: readonly ToolCall[], normalizedText: string, descriptionWords: ReadonlyArray<ReadonlySet<string>>): ToolCall[] {
  if (calls.length < 2) return [...calls];
  const words = normalizedText.split(' ').filter((w) => w.length > 0);
  const primary = calls.map((call) => phrasesAt(words, anchorPhrases(call)));
  const secondary = calls.map((_, i) => phrasesAt(words, [...descriptionWords[i]].map((w) => [w])));
  const byClause = clauseOrder(primary, secondary, clauseSpans(words));
  if (byClause !== undefined) return calls.map((call, i) => ({ call, at: byClause[i] })).sort((a, b) => a.at - b.at).map((x) => x.call);
  const first = earliestOwn(primary);
  const second = earliestOwn(secondary);
  const anchors = placeUnanchored(first.map((a, i) => a ?? second[i]), words);
  if (anchors.some((a) => a === undefined)) return [...calls];
  return calls.map((call, i) => ({ call, at: anchors[i] as number })).sort((a, b) => a.at - b.at).map((x) => x.call);
}

/** The words a call explains: its tool's name words, its argument values, its tool's distinctive words. */
export function callWords(call: { name: string; arguments: ToolCall['arguments'] }, descriptionWords: ReadonlySet<string>): Set<string> {
  return new Set([...anchorPhrases(call).flat(), ...descriptionWords]);
}

/**
 * Whether the utterance has a clause (split at "and", "then", ...) that none of the calls so far
 * explains and that asks for something: "remind me at nine to take my pills and uh where is
 * everything" after the reminder call still has "where is everything".
 */
export function hasUnexplainedClause(normalizedText: string, explained: ReadonlySet<string>): boolean {
  const words = normalizedText.split(' ').filter((w) => w.length > 0);
  const spans = clauseSpans(words);
  if (spans.length < 2) return false;
  return spans.some((c) => {
    const clause = words.slice(c.from, c.to).map((w) => w.replace(/'.*$/, ''));
    return !clause.some((w) => explained.has(w)) && clause.some((w) => !STOPWORDS.has(w) && !FILLER_WORDS.has(w) && !GENERIC.has(w));
  });
}
