/**
 * Lexical evidence for the choice between offered tools, and between the enum values of a parameter: the words of a tool's name and description
 * that no other offered tool has ("stop" for stop_conveyor beside start_conveyor), and how many of
 * them the utterance says. The router adds this to the model's score for each tool pointer: a model
 * trained on tools that differ by an enum value was no better than chance between sibling tools
 * that differ by one verb (model card).
 */
import type { ToolSchema } from '../types.js';
import { humanize, schemaText } from './serialize.js';

/** Words that say nothing about which tool is meant. */
const STOPWORDS = new Set(['the', 'a', 'an', 'to', 'of', 'in', 'for', 'and', 'or', 'is', 'it', 'this', 'that', 'my', 'me', 'i', 'you',
  'please', 'can', 'with', 'at', 'by', 'from', 'as', 'be', 'all', 'any', 'some']);

function words(text: string): Set<string> {
  return new Set(text.split(' ').filter((w) => w.length > 0 && !STOPWORDS.has(w)));
}

export class DistinctiveWords {
  private readonly distinctive: Array<Set<string>>;

  constructor(tools: readonly ToolSchema[]) {
    const own = tools.map((t) => words(`${humanize(t.name)} ${schemaText(t.description ?? '')}`));
    this.distinctive = own.map((set, i) => new Set([...set].filter((w) => own.every((other, j) => j === i || !other.has(w)))));
  }

  /** Tool i's distinctive words. */
  of(i: number): ReadonlySet<string> {
    return this.distinctive[i];
  }

  /** For each tool: how many of its distinctive words the (normalised) utterance contains. */
  hits(normalizedText: string): number[] {
    const said = words(normalizedText);
    return this.distinctive.map((set) => [...set].filter((w) => said.has(w)).length);
  }
}

/**
 * A crude stem, so that "locked" meets "lock" and "closing" meets "close": one inflection suffix
 * off, then a doubled final consonant ("stopped" -> "stop"). Words under four letters stay whole.
 */
export function stem(word: string): string {
  if (word.length < 4) return word;
  const cut = word.replace(/(ing|ed|es|s|e)$/, '');
  if (cut.length < 3) return word;
  return /([b-df-hj-np-tv-z])\1$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * For each enum value of one parameter: how many of its words the utterance says (compared by stem)
 * that no other value of the parameter has. "lock the side door" says "lock" of LOCK but nothing of
 * UNLOCK; "turn off the fan" says "off" of off; "on" and "off" both said ("turn off the light and
 * on the fan") cancel out.
 */
export function enumValueHits(values: readonly string[], normalizedText: string): number[] {
  const stems = (text: string): Set<string> => new Set([...words(text)].map(stem));
  const own = values.map((v) => stems(humanize(v)));
  const said = stems(normalizedText);
  return own.map((set, i) => [...set].filter((w) => said.has(w) && own.every((other, j) => j === i || !other.has(w))).length);
}
