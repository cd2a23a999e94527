/** Scoring of routed answers against fixture answers (used by eval.ts and the runtime tests). */
import type { JsonPrimitive, ToolCall, ToolSchema } from '../../src/agent/types.js';

export interface EvalExample {
  query: string;
  tools: ToolSchema[];
  answers: ToolCall[];
  meta?: { kind?: string; families?: string[] };
}

export interface Scored {
  family: string;
  expectedEmpty: boolean;
  predictedEmpty: boolean;
  namesOk: boolean;
  exact: boolean;
  ms: number;
  confidence: number;
  /** What went wrong, or 'ok'. */
  error: ErrorKind;
}

/** Error categories, most severe first: acting on a `[]` example is the costly one. */
export type ErrorKind = 'ok' | 'acted-on-empty' | 'missed-call' | 'wrong-call-count' | 'wrong-tool' | 'wrong-arguments';

function classify(expected: readonly ToolCall[], predicted: readonly ToolCall[], namesOk: boolean, exact: boolean): ErrorKind {
  if (exact) return 'ok';
  if (expected.length === 0) return 'acted-on-empty';
  if (predicted.length === 0) return 'missed-call';
  if (predicted.length !== expected.length) return 'wrong-call-count';
  return namesOk ? 'wrong-arguments' : 'wrong-tool';
}

/** Type-normalised equality: numbers numerically, strings trimmed and case-insensitive. */
export function sameValue(a: JsonPrimitive | undefined, b: JsonPrimitive | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a) === String(b);
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

export function sameCall(a: ToolCall, b: ToolCall): boolean {
  if (a.name !== b.name) return false;
  const keys = new Set([...Object.keys(a.arguments), ...Object.keys(b.arguments)]);
  for (const k of keys) if (!sameValue(a.arguments[k], b.arguments[k])) return false;
  return true;
}

export function scoreExample(ex: EvalExample, predicted: readonly ToolCall[], ms: number, confidence: number): Scored {
  const expected = ex.answers;
  const namesOk = predicted.length === expected.length && predicted.every((c, i) => c.name === expected[i].name);
  const exact = namesOk && predicted.every((c, i) => sameCall(c, expected[i]));
  const kind = ex.meta?.kind ?? '';
  const family = kind === 'chitchat' ? '(chit-chat)' : kind === 'not_offered' ? '(not offered)' : (ex.meta?.families ?? ['?']).join('+');
  return {
    family, expectedEmpty: expected.length === 0, predictedEmpty: predicted.length === 0, namesOk, exact, ms, confidence,
    error: classify(expected, predicted, namesOk, exact),
  };
}

export interface Summary {
  n: number;
  toolNameAccuracy: number;
  toolNameAccuracyCalls: number;
  exactMatch: number;
  exactMatchCalls: number;
  emptyPrecision: number;
  emptyRecall: number;
  latencyP50: number;
  latencyP95: number;
  families: Record<string, { n: number; toolNameAccuracy: number; exactMatch: number }>;
  /** Share of all examples per error category. */
  errors: Partial<Record<ErrorKind, number>>;
  /**
   * What the daemon would do at its confidence threshold (answers below it are not acted on):
   * share of `[]` examples acted on anyway, share of call examples executed exactly right, and
   * share of the acted-on answers that were not exactly right.
   */
  atThreshold: { threshold: number; emptyActedOn: number; callsExecutedRight: number; actedWrong: number };
  /** The counts behind the shares: exact answers, `[]` examples, and those acted on at the threshold. */
  counts: { exact: number; empty: number; emptyActedOn: number };
}

/** The daemon's default `confidenceThreshold` (src/agent/default-config.ts). */
export const DEFAULT_THRESHOLD = 0.5;

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function summarize(rows: readonly Scored[], threshold = DEFAULT_THRESHOLD): Summary {
  const calls = rows.filter((r) => !r.expectedEmpty);
  const predEmpty = rows.filter((r) => r.predictedEmpty);
  const expEmpty = rows.filter((r) => r.expectedEmpty);
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const families: Summary['families'] = {};
  for (const r of rows) {
    for (const fam of r.family.includes('+') ? [r.family.split('+')[0], 'multi-call'] : [r.family]) {
      const f = (families[fam] ??= { n: 0, toolNameAccuracy: 0, exactMatch: 0 });
      f.n++;
      f.toolNameAccuracy += r.namesOk ? 1 : 0;
      f.exactMatch += r.exact ? 1 : 0;
    }
  }
  for (const f of Object.values(families)) { f.toolNameAccuracy /= f.n; f.exactMatch /= f.n; }
  const errors: Summary['errors'] = {};
  for (const r of rows) if (r.error !== 'ok') errors[r.error] = (errors[r.error] ?? 0) + 1 / rows.length;
  const acted = rows.filter((r) => !r.predictedEmpty && r.confidence >= threshold);
  const exact = rows.filter((r) => r.exact).length;
  const emptyActedOn = acted.filter((r) => r.expectedEmpty).length;
  const atThreshold = {
    threshold,
    emptyActedOn: ratio(emptyActedOn, expEmpty.length),
    callsExecutedRight: ratio(acted.filter((r) => !r.expectedEmpty && r.exact).length, calls.length),
    actedWrong: acted.length === 0 ? 0 : acted.filter((r) => !r.exact).length / acted.length,
  };
  return {
    n: rows.length,
    toolNameAccuracy: ratio(rows.filter((r) => r.namesOk).length, rows.length),
    toolNameAccuracyCalls: ratio(calls.filter((r) => r.namesOk).length, calls.length),
    exactMatch: ratio(exact, rows.length),
    exactMatchCalls: ratio(calls.filter((r) => r.exact).length, calls.length),
    emptyPrecision: ratio(predEmpty.filter((r) => r.expectedEmpty).length, predEmpty.length),
    emptyRecall: ratio(expEmpty.filter((r) => r.predictedEmpty).length, expEmpty.length),
    latencyP50: ms[Math.floor(ms.length * 0.5)] ?? 0,
    latencyP95: ms[Math.floor(ms.length * 0.95)] ?? 0,
    families,
    errors,
    atThreshold,
    counts: { exact, empty: expEmpty.length, emptyActedOn },
  };
}
