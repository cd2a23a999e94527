/**
 * `make candidate-decide`: whether a candidate checkpoint may replace the shipped model, by the rule
 * in the card notes (sixteenth run), from two `eval.ts --json` reports over the same sets:
 *   1. more exact answers pooled over the hand-written development sets than the shipped model;
 *   2. at most one more `[]` example of those sets acted on at the daemon's threshold;
 *   3. tool-name accuracy on each fresh held-out set at most 1 point below the shipped model's.
 * The routing tests (`make candidate-tests`) come first; int8 within 1 point is checked by
 * `make eval` once the candidate is exported into models/needle.
 *
 *   tsx models/recipe/decide.ts SHIPPED.json CANDIDATE.json
 *
 * Exits 0 when the candidate passes, 1 when it does not.
 */
import { readFileSync } from 'node:fs';
import type { Summary } from './metrics.js';

const HANDWRITTEN_DEV = ['handwritten-dev', 'multi-target-dev', 'example-config-dev'];
const FRESH = ['fresh_templates', 'fresh_families'];
const MORE_EMPTY_ACTED_ALLOWED = 1;
const FRESH_TOLERANCE = 0.01;

type Report = Record<string, Summary>;

function readReport(path: string): Report {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { report?: Report };
  if (!json.report) throw new Error(`${path}: not an eval.ts --json report`);
  const sets = [...HANDWRITTEN_DEV, ...FRESH];
  for (const name of sets) {
    if (!json.report[name]) throw new Error(`${path}: no figures for ${name} (evaluate ${sets.join(', ')})`);
    if (!json.report[name].counts) throw new Error(`${path}: ${name} has no counts (a report from before eval.ts wrote them; evaluate again)`);
  }
  return json.report;
}

function pooled(report: Report): { exact: number; emptyActed: number; n: number } {
  const sets = HANDWRITTEN_DEV.map((name) => report[name]);
  const sum = (of: (s: Summary) => number): number => sets.reduce((total, s) => total + of(s), 0);
  return { exact: sum((s) => s.counts.exact), emptyActed: sum((s) => s.counts.emptyActedOn), n: sum((s) => s.n) };
}

function main(): void {
  const [shippedPath, candidatePath] = process.argv.slice(2);
  if (!shippedPath || !candidatePath) {
    console.error('usage: tsx models/recipe/decide.ts SHIPPED.json CANDIDATE.json');
    process.exit(2);
  }
  const shipped = readReport(shippedPath);
  const candidate = readReport(candidatePath);
  const a = pooled(shipped);
  const b = pooled(candidate);
  const checks: Array<{ what: string; pass: boolean }> = [
    { what: `exact answers on the hand-written dev sets: ${b.exact} of ${b.n} against ${a.exact}`, pass: b.exact > a.exact },
    { what: `[] examples acted on there: ${b.emptyActed} against ${a.emptyActed} (at most ${MORE_EMPTY_ACTED_ALLOWED} more)`, pass: b.emptyActed <= a.emptyActed + MORE_EMPTY_ACTED_ALLOWED },
    ...FRESH.map((name) => {
      const was = shipped[name].toolNameAccuracy;
      const now = candidate[name].toolNameAccuracy;
      return { what: `${name} tool-name: ${(100 * now).toFixed(1)}% against ${(100 * was).toFixed(1)}%`, pass: now >= was - FRESH_TOLERANCE };
    }),
  ];
  for (const c of checks) console.log(`${c.pass ? 'pass' : 'FAIL'}  ${c.what}`);
  const verdict = checks.every((c) => c.pass);
  console.log(verdict ? 'the candidate may replace the shipped model (then make export eval: int8 within 1 point)' : 'the shipped model stays');
  process.exit(verdict ? 0 : 1);
}

main();
