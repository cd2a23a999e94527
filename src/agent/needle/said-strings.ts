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
import { normalizeUtterance, saidWordsOf, type SourcedUtterance } from './normalize.js';

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

/** A topic as typed: words joined by slashes ("office/sensor/mode", "zigbee2mqtt/hall_lamp/set"). */
const TYPED_TOPIC = /[^\s/]+(?:\/[^\s/]+)+/g;

/**
 * The calls with every MQTT topic argument given as the topic typed in the utterance that holds it.
 * The model reads the normalised words, where "office/sensor/mode" is three words, and may stop a
 * topic early ("office"); a hyphen or underscore inside a level reads as a space as well. A topic
 * value whose words are a run of the words of exactly one typed topic becomes that topic.
 */
export function typedTopics(calls: readonly ToolCall[], tools: readonly ToolSchema[], text: string): ToolCall[] {
  const typed = [...new Set((text.toLowerCase().match(TYPED_TOPIC) ?? []).map((t) => t.replace(/[.,;:!?'"]+$/, '')))];
  if (typed.length === 0) return [...calls];
  const wordsOf = typed.map((t) => normalizeUtterance(t).split(' '));
  return calls.map((call) => {
    const properties = tools.find((t) => t.name === call.name)?.parameters.properties ?? {};
    const args = { ...call.arguments };
    for (const [name, value] of Object.entries(args)) {
      const schema = properties[name];
      if (typeof value !== 'string' || schema === undefined || !isTopicParameter(name, schema)) continue;
      const run = value.split('/');
      const holders = typed.filter((_, k) => runStart(wordsOf[k], run) >= 0);
      if (holders.length === 1) args[name] = holders[0];
    }
    return { ...call, arguments: args };
  });
}
