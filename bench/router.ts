/**
 * Router benchmark: how long the Needle router takes per command on this CPU, for the fp32 and
 * int8 graphs, with a small home configuration (the embedded default's tools) and with ten tools.
 * Prints p50 / p95 / mean per stage. Part of `make bench`.
 *
 *   tsx bench/router.ts [--runs 200] [--threads 1] [--model models/needle]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NeedleRuntime } from '../src/agent/needle/router.js';
import type { ModelVariant } from '../src/agent/needle/onnx-model.js';
import type { ToolSchema } from '../src/agent/types.js';

const root = join(import.meta.dirname, '..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 200);
const modelFlag = process.argv.indexOf('--model');
const modelDir = modelFlag > 0 ? process.argv[modelFlag + 1] : join(root, 'models/needle');
const threads = arg('threads', 1);

const fixtures = readFileSync(join(root, 'test/fixtures/needle/heldout_templates.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as { query: string; tools: ToolSchema[] });
const tenTools = fixtures.filter((f) => f.tools.length === 10).slice(0, 20);
const fewTools = fixtures.filter((f) => f.tools.length <= 4).slice(0, 20);

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

async function bench(variant: ModelVariant, label: string, set: typeof fixtures): Promise<void> {
  const runtime = await NeedleRuntime.load(modelDir, variant, threads);
  const routers = await Promise.all(set.map((f) => runtime.bind(f.tools)));
  for (let i = 0; i < 10; i++) await routers[i % routers.length].route(set[i % set.length].query);
  const total: number[] = [];
  const enc: number[] = [];
  const dec: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await routers[i % routers.length].route(set[i % set.length].query);
    total.push(r.timings.totalMs);
    enc.push(r.timings.encodeMs);
    dec.push(r.timings.decodeMs);
  }
  console.log(`router ${runtime.model.meta.config.tool_encoding.padEnd(8)} ${variant.padEnd(4)} ${label.padEnd(10)} total p50 ${quantile(total, 0.5).toFixed(1)} ms  p95 ${quantile(total, 0.95).toFixed(1)} ms  `
    + `(encode mean ${mean(enc).toFixed(1)} ms, decode mean ${mean(dec).toFixed(1)} ms)  runs ${runs} threads ${threads}`);
  await runtime.model.release();
}

for (const variant of ['fp32', 'int8'] as const) {
  await bench(variant, '<=4 tools', fewTools);
  await bench(variant, '10 tools', tenTools);
}
