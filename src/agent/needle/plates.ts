/**
 * Number plates. A parking kiosk's tool takes the plate the driver says ("i'm parked outside
 * registration lm09 pqr", "pay for kx 4471"); the model copies free strings word by word and, with a
 * plate's odd words, often stops after the first ("lm09") or starts at the second ("abc"), or takes
 * other words altogether ("my car"). A plate has a shape no other words of such an utterance have: a
 * word of letters and digits with, optionally, a short word of letters after it ("ab12 cde"), or a
 * short word of letters before a number of three or four digits that counts no unit ("zz 1234").
 * When the utterance says exactly one such run, a plate argument that is not that run but only part
 * of it, or no plate at all, becomes the run.
 */
import type { ParameterSchema, ToolCall, ToolSchema } from '../types.js';
import { isUnitWord } from './grammar.js';
import { CLAUSE_JOINERS, FILLER_WORDS, STOPWORDS } from './lexical.js';

/** A string parameter for a vehicle's number plate (its name or description says plate, registration, licence or vehicle). */
export function isPlateParameter(name: string, schema: ParameterSchema): boolean {
  return schema.type === 'string' && !schema.enum && /plate|registration|licen[cs]e|vehicle/i.test(`${name} ${schema.description ?? ''}`);
}

const LETTERS_AND_DIGITS = /^(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]{3,8}$/;
const PLATE_DIGITS = /^\d{3,4}$/;

/** A short word of letters that may be a plate's part: not a function word, filler, joiner or unit. */
function plateLetters(word: string | undefined): boolean {
  return word !== undefined && /^[a-z]{1,3}$/.test(word) && !STOPWORDS.has(word) && !FILLER_WORDS.has(word) && !CLAUSE_JOINERS.has(word) && !isUnitWord(word);
}

/** The plate-shaped runs of a normalised utterance, each once. */
export function plateRuns(normalizedText: string): string[] {
  const words = normalizedText.split(' ').filter((w) => w.length > 0);
  const runs = new Set<string>();
  words.forEach((w, k) => {
    if (LETTERS_AND_DIGITS.test(w)) runs.add(plateLetters(words[k + 1]) ? `${w} ${words[k + 1]}` : w);
    else if (plateLetters(w) && PLATE_DIGITS.test(words[k + 1] ?? '') && !isUnitWord(words[k + 2] ?? '')) runs.add(`${w} ${words[k + 1]}`);
  });
  return [...runs];
}

/** Whether a value has a plate's shape by itself. */
function plateShaped(value: string): boolean {
  const runs = plateRuns(value);
  return runs.length === 1 && runs[0] === value;
}

/** The calls with each plate argument completed to the one plate the utterance says (a new list). */
export function withWholePlates(calls: readonly ToolCall[], tools: readonly ToolSchema[], normalizedText: string): ToolCall[] {
  const runs = plateRuns(normalizedText);
  if (runs.length !== 1) return [...calls];
  const plate = runs[0];
  return calls.map((call) => {
    const properties = tools.find((t) => t.name === call.name)?.parameters.properties ?? {};
    const args = { ...call.arguments };
    for (const [name, value] of Object.entries(args)) {
      const schema = properties[name];
      if (typeof value !== 'string' || schema === undefined || !isPlateParameter(name, schema) || value === plate) continue;
      const part = plate.split(' ').includes(value) || value.split(' ').every((w) => plate.split(' ').includes(w));
      if (part || !plateShaped(value)) args[name] = plate;
    }
    return { ...call, arguments: args };
  });
}
