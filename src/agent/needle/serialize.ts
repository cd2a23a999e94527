/**
 * How the Needle model sees a request: token sequences for the query and for each tool schema, and
 * the target sequence for an answer. Shared by the training recipe (which writes token ids for
 * PyTorch) and the runtime (which feeds ONNX), so both always agree.
 *
 * Query:  <q> normalised utterance
 * Tool:   <T{slot}> humanised name <d> description
 *           then per parameter j: <P{j}> <ty_…> <req|opt> humanised name description [<E{k}> value]…
 * Answer: (<call> <T{slot}> (<P{j}> value)…)… <eos>
 *           value = <E{k}> for enums, <true>/<false> for booleans, else the value's tokens.
 */
import type { JsonPrimitive, ParameterSchema, ToolCall, ToolSchema } from '../types.js';
import { normalizeUtterance } from './normalize.js';
import { fromByteString, MAX_ENUM_SLOTS, MAX_PARAM_SLOTS, MAX_TOOL_SLOTS, type Tokenizer } from './tokenizer.js';

const DESCRIPTION_TOKENS = 16;
const PARAM_DESCRIPTION_TOKENS = 8;

/** "setKitchenLight2" / "set_kitchen_light_2" -> "set kitchen light 2". */
export function humanize(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises schema text (descriptions, enum values) the way the utterance is normalised. */
export function schemaText(text: string): string {
  return normalizeUtterance(text);
}

/** Parameters in the order the model sees and emits them. */
export function parameterList(tool: ToolSchema): Array<[string, ParameterSchema]> {
  return Object.entries(tool.parameters.properties ?? {}).slice(0, MAX_PARAM_SLOTS);
}

export function encodeQuery(tok: Tokenizer, normalizedText: string, maxTokens = 64): number[] {
  return [tok.special('<q>'), ...tok.encode(' ' + normalizedText).slice(0, maxTokens)];
}

export function encodeTool(tok: Tokenizer, tool: ToolSchema, slot: number): number[] {
  if (slot < 1 || slot > MAX_TOOL_SLOTS) throw new Error(`tool slot ${slot} out of range 1..${MAX_TOOL_SLOTS}`);
  const out = [tok.special(`<T${slot}>`), ...tok.encode(' ' + humanize(tool.name))];
  out.push(tok.special('<d>'), ...tok.encode(' ' + schemaText(tool.description ?? '')).slice(0, DESCRIPTION_TOKENS));
  const required = new Set(tool.parameters.required ?? []);
  parameterList(tool).forEach(([name, schema], j) => {
    out.push(tok.special(`<P${j + 1}>`), tok.special(`<ty_${schema.type}>`), tok.special(required.has(name) ? '<req>' : '<opt>'));
    out.push(...tok.encode(' ' + humanize(name)));
    if (schema.description) out.push(...tok.encode(' ' + schemaText(schema.description)).slice(0, PARAM_DESCRIPTION_TOKENS));
    (schema.enum ?? []).slice(0, MAX_ENUM_SLOTS).forEach((value, k) => {
      out.push(tok.special(`<E${k + 1}>`), ...tok.encode(' ' + humanize(String(value))));
    });
  });
  return out;
}

/** Canonical text of a scalar value as the model emits it (strings are normalised, lowercase). */
export function valueText(value: JsonPrimitive, schema: ParameterSchema): string {
  if (schema.type === 'string') return schemaText(String(value));
  return String(value);
}

/** Target tokens for an answer. `slots[i]` is the slot of tools[i]. Throws on calls the schema cannot express. */
export function encodeAnswer(tok: Tokenizer, calls: readonly ToolCall[], tools: readonly ToolSchema[], slots: readonly number[]): number[] {
  const out: number[] = [];
  for (const call of calls) {
    const index = tools.findIndex((t) => t.name === call.name);
    if (index < 0) throw new Error(`answer names unknown tool ${call.name}`);
    out.push(tok.special('<call>'), tok.special(`<T${slots[index]}>`));
    parameterList(tools[index]).forEach(([name, schema], j) => {
      if (!(name in call.arguments)) return;
      const value = call.arguments[name];
      out.push(tok.special(`<P${j + 1}>`));
      if (schema.enum) {
        const k = schema.enum.findIndex((e) => String(e) === String(value));
        if (k < 0 || k >= MAX_ENUM_SLOTS) throw new Error(`value ${String(value)} not in enum of ${call.name}.${name}`);
        out.push(tok.special(`<E${k + 1}>`));
      } else if (schema.type === 'boolean') {
        out.push(tok.special(value === true || value === 'true' ? '<true>' : '<false>'));
      } else {
        out.push(...tok.encode(' ' + valueText(value, schema)));
      }
    });
  }
  out.push(tok.special('<eos>'));
  return out;
}

/**
 * Pointer tags: for every source token, the tool-slot, parameter and enum-value pointer token it
 * belongs to (0 = none), for query tokens the token before it, and an exact-match flag (the token
 * also occurs on the other side, utterance <-> schemas), laid out [5, n]. The encoder adds their
 * embeddings to the token's, so every token of a tool carries the pointer the decoder emits to
 * choose it, a query token knows its predecessor (for copying values), and words shared by the
 * utterance and a schema stand out. Mirrors PointerTags in models/recipe/needle_model.py.
 * In separate tool encoding a tool alone gets no flags (it is encoded once, without the utterance)
 * and the utterance alone gets its flags from `schemaTokensOutside`, the offered schemas' tokens.
 */
export function pointerTags(tok: Tokenizer, ids: readonly number[], schemaTokensOutside?: ReadonlySet<number>,
  related?: ReadonlySet<number>, relatedFlag: 1 | 2 = 2): number[] {
  const n = ids.length;
  const out = new Array<number>(5 * n).fill(0);
  const firstOrdinary = tok.specials.size;
  const firstTool = firstToolPosition(tok, ids);
  const queryTokens = new Set(ids.slice(0, firstTool).filter((id) => id >= firstOrdinary));
  // separate tool encoding: the utterance is encoded alone, its flags come from the offered schemas
  const schemaTokens = schemaTokensOutside ?? new Set(ids.slice(firstTool).filter((id) => id >= firstOrdinary));
  let tool = 0;
  let param = 0;
  let value = 0;
  let inQuery = false;
  let prev = 0;
  ids.forEach((id, i) => {
    const piece = id < tok.specials.size ? tok.piece(id) : '';
    if (piece === '<q>' || /^<T\d+>$/.test(piece)) { tool = piece === '<q>' ? 0 : id; param = 0; value = 0; inQuery = piece === '<q>'; }
    else if (/^<P\d+>$/.test(piece)) { param = id; value = 0; }
    else if (/^<E\d+>$/.test(piece)) value = id;
    out[i] = tool;
    out[n + i] = param;
    out[2 * n + i] = value;
    out[3 * n + i] = inQuery && piece !== '<q>' ? prev : 0;
    const shared = id >= firstOrdinary && (inQuery ? schemaTokens.has(id) : queryTokens.has(id));
    out[4 * n + i] = shared ? 1 : id >= firstOrdinary && related?.has(i) === true ? relatedFlag : 0;
    prev = id;
  });
  return out;
}

/** Where the tools start in a source sequence: the first tool slot token (`<T3>`), or its length when it has none (the utterance alone). */
export function firstToolPosition(tok: Tokenizer, ids: readonly number[]): number {
  const at = ids.findIndex((id) => id < tok.specials.size && /^<T\d+>$/.test(tok.piece(id)));
  return at < 0 ? ids.length : at;
}

/** A word of the source and the positions of its tokens (a token starting with a space opens a word). */
export interface WordSpan {
  word: string;
  positions: number[];
}

/** The words of a token sequence; special tokens end a word. */
export function wordSpans(tok: Tokenizer, ids: readonly number[]): WordSpan[] {
  const spans: WordSpan[] = [];
  let bytes = '';
  let current: number[] | null = null;
  const close = (): void => {
    if (current !== null) spans.push({ word: fromByteString(bytes).trim(), positions: current });
    current = null;
    bytes = '';
  };
  ids.forEach((id, i) => {
    if (id < tok.specials.size) { close(); return; }
    const piece = tok.piece(id);
    if (piece.startsWith(' ') || current === null) close();
    current ??= [];
    current.push(i);
    bytes += piece;
  });
  close();
  return spans;
}
