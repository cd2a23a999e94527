/**
 * Free-string arguments in the words the user said. The model reads and copies the normalised
 * utterance, where numbers are digits and durations seconds ("announce the meeting starts in 300
 * seconds"); a message, an announcement or a label should carry what was said ("... in five
 * minutes"). Each copied string is found as a run of the normalised words and replaced by the said
 * words that run came from. Clock times (HH:MM), numbers alone and MQTT topics keep their canonical
 * form: a device needs that shape.
 */
import type { ToolCall, ToolSchema } from '../types.js';
import { isTimeParameter, isTopicParameter } from './grammar.js';
import { NUMBER_WORD } from './lexical.js';
import { saidWordsOf, type SourcedUtterance } from './normalize.js';

const CLOCK_TIME = /^\d{1,2}:\d{2}$/;

/** Where `run` occurs as consecutive words of `words`, or -1. */
function runStart(words: readonly string[], run: readonly string[]): number {
  for (let a = 0; a + run.length <= words.length; a++) {
    if (run.every((w, k) => words[a + k] === w)) return a;
  }
  return -1;
}

/** The calls with every copied free string given in the said words (a new list; the input is not changed). */
export function inSaidWords(calls: readonly ToolCall[], tools: readonly ToolSchema[], utterance: SourcedUtterance): ToolCall[] {
  const words = utterance.text.split(' ');
  return calls.map((call) => {
    const properties = tools.find((t) => t.name === call.name)?.parameters.properties ?? {};
    const args = { ...call.arguments };
    for (const [name, value] of Object.entries(args)) {
      const schema = properties[name];
      if (typeof value !== 'string' || schema === undefined || schema.type !== 'string' || schema.enum) continue;
      if (isTimeParameter(name, schema) || isTopicParameter(name, schema)) continue;
      // a clock time alone keeps its HH:MM form, whatever the parameter is called ("at": "05:45"), and
      // a number alone its digits (an MQTT payload "50", not "fifty")
      if (CLOCK_TIME.test(value) || NUMBER_WORD.test(value)) continue;
      const run = value.split(' ');
      const at = runStart(words, run);
      const said = at < 0 ? null : saidWordsOf(utterance, at, at + run.length);
      if (said !== null) args[name] = said;
    }
    return { ...call, arguments: args };
  });
}
