/**
 * `make eval`: runs the exported ONNX model through the TypeScript runtime (the code the daemon
 * uses) on held-out fixtures and prints tool-name accuracy, full-call exact match, `[]` precision
 * and recall, per-family figures and routing latency.
 *
 *   tsx models/recipe/eval.ts [--model models/needle] [--variant fp32|int8] [--pointer pointers|pointers+call|decoder] [--order mention|model] [--json out.json]
 *                             [--limit N] [--pad-tools N] [--errors out.jsonl] [--related no] [fixture.jsonl ...]
 *
 * --pad-tools N offers every example N tools: its own plus unrelated ones from other examples
 * (families that do not overlap its own, chosen by a fixed seed), answers unchanged: how accuracy
 * holds up when a deployment configures more tools than the generator offers (1-10).
 * --errors FILE writes every example not matched exactly (query, offered tool names, expected and
 * routed calls, error kind, confidence) as JSONL, for reading what the model gets wrong.
 * --related no routes without the related-words lexicon beside the model (related-words.ts), for A/B;
 * --related synonyms relates synonyms only (no broader concepts).
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CallOrder, DEFAULT_CALL_ORDER, DEFAULT_POINTER_SCORING, NeedleRuntime, type PointerScoring } from '../../src/agent/needle/router.js';
import type { ModelVariant } from '../../src/agent/needle/onnx-model.js';
import { Rng } from './generator/dsl.js';
import { type EvalExample, type Scored, scoreExample, summarize, type Summary } from './metrics.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const modelDir = opt('model', resolve(root, 'models/needle'));
const variant = opt('variant', 'fp32') as ModelVariant;
const jsonOut = opt('json', '');
const limit = Number(opt('limit', '0'));
const pointer = opt('pointer', DEFAULT_POINTER_SCORING) as PointerScoring;
const padTools = Number(opt('pad-tools', '0'));
const errorsOut = opt('errors', '');
const callOrder = opt('order', DEFAULT_CALL_ORDER) as CallOrder;
/** --related no: route without the related-words lexicon beside the model (related-words.ts); synonyms: synonyms only */
const related = opt('related', 'yes');
const relatedWords = related !== 'no';

/** Pads each example's tools to `n` with tools of other examples from unrelated families. */
function padded(rows: EvalExample[], n: number): EvalExample[] {
  const r = new Rng(7);
  const families = (ex: EvalExample): Set<string> => new Set(ex.meta?.families ?? []);
  const pool = rows.flatMap((ex) => ex.tools.map((tool) => ({ tool, families: families(ex) })));
  return rows.map((ex) => {
    const own = families(ex);
    const tools = [...ex.tools];
    const names = new Set(tools.map((t) => t.name));
    while (tools.length < n) {
      const pick = r.pick(pool);
      if (names.has(pick.tool.name) || [...pick.families].some((f) => own.has(f))) continue;
      names.add(pick.tool.name);
      tools.splice(r.int(0, tools.length), 0, pick.tool);
    }
    return { ...ex, tools };
  });
}
const files = argv.length > 0 ? argv : ['heldout_templates', 'heldout_families', 'handwritten'].map((n) => resolve(root, `test/fixtures/needle/${n}.jsonl`));

function pct(x: number): string { return (100 * x).toFixed(1).padStart(5) + '%'; }

function printSummary(name: string, s: Summary): void {
  console.log(`\n== ${name} (${s.n} examples, model ${variant}, pointer scoring ${pointer}, call order ${callOrder}${padTools ? `, padded to ${padTools} tools` : ''}) ==`);
  console.log(`tool-name accuracy     ${pct(s.toolNameAccuracy)}   (calls only: ${pct(s.toolNameAccuracyCalls)})`);
  console.log(`full-call exact match  ${pct(s.exactMatch)}   (calls only: ${pct(s.exactMatchCalls)})`);
  console.log(`[] precision / recall  ${pct(s.emptyPrecision)} / ${pct(s.emptyRecall)}`);
  console.log(`latency p50 / p95      ${s.latencyP50.toFixed(1)} / ${s.latencyP95.toFixed(1)} ms`);
  const t = s.atThreshold;
  console.log(`at threshold ${t.threshold}: [] acted on ${pct(t.emptyActedOn).trim()}, calls executed right ${pct(t.callsExecutedRight).trim()}, acted-on answers wrong ${pct(t.actedWrong).trim()}`);
  console.log('errors (share of all examples): ' + (Object.entries(s.errors).map(([k, v]) => `${k} ${pct(v ?? 0).trim()}`).join(', ') || 'none'));
  console.log('per family: n  name-acc  exact');
  for (const [fam, f] of Object.entries(s.families).sort()) console.log(`  ${fam.padEnd(22)} ${String(f.n).padStart(4)}  ${pct(f.toolNameAccuracy)}  ${pct(f.exactMatch)}`);
}

async function main(): Promise<void> {
  const runtime = await NeedleRuntime.load(modelDir, variant, 1, relatedWords);
  if (related === 'synonyms' && runtime.lexicon !== null) runtime.lexicon.broaderToo = false;
  const report: Record<string, Summary> = {};
  if (errorsOut) writeFileSync(errorsOut, '');
  for (const file of files) {
    let rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as EvalExample);
    if (limit) rows = rows.slice(0, limit);
    if (padTools) rows = padded(rows, padTools);
    const scored: Scored[] = [];
    let failed = 0;
    for (const [i, ex] of rows.entries()) {
      try {
        const router = await runtime.bind(ex.tools, 4, pointer, callOrder);
        const result = await router.route(ex.query);
        const row = scoreExample(ex, result.calls, result.timings.totalMs, result.confidence);
        scored.push(row);
        if (errorsOut && !row.exact) {
          appendFileSync(errorsOut, JSON.stringify({
            file: basename(file), line: i + 1, error: row.error, family: row.family, confidence: Number(result.confidence.toFixed(3)),
            query: ex.query, tools: ex.tools.map((t) => t.name), expected: ex.answers, routed: result.calls,
          }) + '\n');
        }
      } catch (err) {
        // an example the router refuses (e.g. more tools than slots) counts as answered with []
        if (failed++ < 5) console.error(`${basename(file)}:${i + 1}: ${(err as Error).message}`);
        scored.push(scoreExample(ex, [], 0, 0));
      }
    }
    if (failed > 0) console.error(`${basename(file)}: ${failed} example(s) could not be routed, scored as []`);
    const name = basename(file, '.jsonl');
    report[name] = summarize(scored);
    printSummary(name, report[name]);
    // what other confidence thresholds would trade (the daemon's confidenceThreshold)
    console.log('threshold sweep: ' + [0.3, 0.5, 0.7, 0.9].map((t) => {
      const a = summarize(scored, t).atThreshold;
      return `${t}: [] acted ${pct(a.emptyActedOn).trim()}, right ${pct(a.callsExecutedRight).trim()}, wrong ${pct(a.actedWrong).trim()}`;
    }).join(' | '));
  }
  if (jsonOut) mkdirSync(dirname(resolve(jsonOut)), { recursive: true });
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ variant, pointer, modelDir: basename(modelDir), report }, null, 1));
  await runtime.model.release();
}

await main();
