/**
 * `make data`: regenerates the synthetic tool-calling corpus, trains the BPE tokenizer on it and
 * writes token ids for the PyTorch trainer.
 *
 *   models/work/data/{train,valid}.jsonl          examples (not committed; regenerated)
 *   models/work/tokens/{train,valid}.txt          "src|seg|tgt" token id lines for train.py
 *   models/needle/tokenizer.json                  shipped with the model
 *   test/fixtures/needle/heldout_{templates,families}.jsonl   committed evaluation fixtures
 *
 * Usage: tsx models/recipe/generate.ts [--train N] [--valid N] [--heldout N] [--seed S] [--vocab V]
 *                                      [--tokenizer keep] [--fixtures keep]
 *   --tokenizer keep   reuse models/needle/tokenizer.json (needed to continue training a shipped model)
 *   --fixtures keep    leave the committed held-out fixtures as they are (figures stay comparable)
 *   --heldout-only DIR write only fresh held-out files (this generator, this seed) into DIR, e.g. to
 *                      evaluate on sets no run has been tuned on: tsx models/recipe/eval.ts DIR/*.jsonl
 *   --composed-share X share of free-text values composed from word lists (default 0.35; 0 draws every
 *                      one from its family's own list, as the generator before the eighth run did)
 */
import { closeSync, createWriteStream, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DEFAULT_COMPOSED_TEXT_SHARE, Rng, setComposedTextShare } from './generator/dsl.js';
import { chitchatSplit, type Example, type FamilyPools, makeExample, type SplitName } from './generator/examples.js';
import { ALL_FAMILIES, HELDOUT_FAMILY_IDS } from './generator/families.js';
import { normalizeUtterance } from '../../src/agent/needle/normalize.js';
import { encodeAnswer, encodeQuery, encodeTool, humanize, parameterList, schemaText } from '../../src/agent/needle/serialize.js';
import { MAX_TOOL_SLOTS, Tokenizer, trainTokenizer } from '../../src/agent/needle/tokenizer.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Strict parsing: a mistyped or unknown option (even --help) must stop here, not regenerate the
// corpus with defaults and overwrite the shipped tokenizer and the committed fixtures.
const USAGE = 'usage: tsx models/recipe/generate.ts [--train N] [--valid N] [--heldout N] [--seed S] [--vocab V] '
  + '[--tokenizer keep] [--fixtures keep] [--heldout-only DIR] [--composed-share X]';
const OPTIONS = {
  train: { type: 'string' }, valid: { type: 'string' }, heldout: { type: 'string' }, seed: { type: 'string' },
  vocab: { type: 'string' }, tokenizer: { type: 'string' }, fixtures: { type: 'string' }, 'heldout-only': { type: 'string' },
  'composed-share': { type: 'string' },
  help: { type: 'boolean' },
} as const;
const args = (() => {
  try {
    const { values } = parseArgs({ options: OPTIONS, strict: true });
    if (values.help === true) {
      console.log(USAGE);
      process.exit(0);
    }
    return values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
function count(name: 'train' | 'valid' | 'heldout' | 'seed' | 'vocab', fallback: number): number {
  const text = args[name];
  const n = Number(text ?? fallback);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got ${JSON.stringify(text)}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}
function keep(name: 'tokenizer' | 'fixtures'): boolean {
  const text = args[name];
  if (text !== undefined && text !== 'keep') {
    console.error(`--${name} takes only the value keep, got ${JSON.stringify(text)}\n${USAGE}`);
    process.exit(2);
  }
  return text === 'keep';
}
const COMPOSED_SHARE = Number(args['composed-share'] ?? DEFAULT_COMPOSED_TEXT_SHARE);
try {
  setComposedTextShare(COMPOSED_SHARE);
} catch (err) {
  console.error(`--composed-share ${JSON.stringify(args['composed-share'])}: ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
const N_TRAIN = count('train', 120000);
const N_VALID = count('valid', 2000);
const N_HELDOUT = count('heldout', 800);
const SEED = count('seed', 1234);
const VOCAB = count('vocab', 4096);
const MAX_SRC = 512;
const KEEP_TOKENIZER = keep('tokenizer');
const KEEP_FIXTURES = keep('fixtures');

const trainFamilies = ALL_FAMILIES.filter((f) => !HELDOUT_FAMILY_IDS.includes(f.id));
const heldoutFamilies = ALL_FAMILIES.filter((f) => HELDOUT_FAMILY_IDS.includes(f.id));
const chit = chitchatSplit();

function generate(split: SplitName, n: number, seed: number): Example[] {
  const r = new Rng(seed);
  const pools: FamilyPools =
    split === 'heldout_families' ? { targets: heldoutFamilies, distractors: trainFamilies, templates: 'all' }
    : split === 'heldout_templates' ? { targets: trainFamilies, distractors: trainFamilies, templates: 'heldout' }
    : { targets: trainFamilies, distractors: trainFamilies, templates: 'train' };
  const lines = split === 'heldout_templates' || split === 'heldout_families' ? chit.heldout : chit.train;
  const out: Example[] = [];
  while (out.length < n) {
    const ex = makeExample(r, pools, split, lines);
    if (ex) out.push(ex);
  }
  return out;
}

/** Written in chunks: one string of 300k examples is over V8's string length limit. */
function writeJsonl(path: string, rows: readonly unknown[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < rows.length; i += 10000) writeSync(fd, rows.slice(i, i + 10000).map((x) => JSON.stringify(x) + '\n').join(''));
  } finally {
    closeSync(fd);
  }
}

/** Every piece of text the model reads, for the tokenizer's training corpus. */
function* corpus(examples: readonly Example[]): Generator<string> {
  for (const ex of examples) {
    yield ' ' + normalizeUtterance(ex.query);
    for (const t of ex.tools) {
      yield ' ' + humanize(t.name);
      yield ' ' + schemaText(t.description);
      for (const [name, p] of parameterList(t)) {
        yield ' ' + humanize(name);
        if (p.description) yield ' ' + schemaText(p.description);
        for (const e of p.enum ?? []) yield ' ' + humanize(String(e));
      }
    }
  }
}

async function writeTokens(path: string, examples: readonly Example[], tok: Tokenizer, r: Rng): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  let kept = 0;
  for (const ex of examples) {
    const slots = r.chance(0.5) ? ex.tools.map((_, i) => i + 1) : r.sample(Array.from({ length: MAX_TOOL_SLOTS }, (_, i) => i + 1), ex.tools.length);
    const src = encodeQuery(tok, normalizeUtterance(ex.query));
    const seg = src.map(() => 0);
    ex.tools.forEach((t, i) => {
      const ids = encodeTool(tok, t, slots[i]);
      src.push(...ids);
      seg.push(...ids.map(() => i + 1));
    });
    if (src.length > MAX_SRC) continue;
    const tgt = encodeAnswer(tok, ex.answers, ex.tools, slots);
    out.write(`${src.join(' ')}|${seg.join(' ')}|${tgt.join(' ')}\n`);
    kept++;
  }
  await new Promise<void>((res) => out.end(res));
  return kept;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const heldoutOnly = args['heldout-only'];
  if (heldoutOnly !== undefined) {
    writeJsonl(join(heldoutOnly, 'fresh_templates.jsonl'), generate('heldout_templates', N_HELDOUT, SEED + 2));
    writeJsonl(join(heldoutOnly, 'fresh_families.jsonl'), generate('heldout_families', N_HELDOUT, SEED + 3));
    console.log(`wrote ${N_HELDOUT}+${N_HELDOUT} held-out examples (seed ${SEED}) to ${heldoutOnly} in ${Date.now() - t0} ms`);
    return;
  }
  const train = generate('train', N_TRAIN, SEED);
  const valid = generate('valid', N_VALID, SEED + 1);
  const heldT = generate('heldout_templates', N_HELDOUT, SEED + 2);
  const heldF = generate('heldout_families', N_HELDOUT, SEED + 3);
  console.log(`generated ${train.length} train, ${valid.length} valid, ${heldT.length}+${heldF.length} held-out in ${Date.now() - t0} ms`);
  console.log(`families: ${trainFamilies.length} train, held out: ${HELDOUT_FAMILY_IDS.join(', ')}`);
  const work = join(root, 'models/work');
  writeJsonl(join(work, 'data/train.jsonl'), train);
  writeJsonl(join(work, 'data/valid.jsonl'), valid);
  if (!KEEP_FIXTURES) {
    writeJsonl(join(root, 'test/fixtures/needle/heldout_templates.jsonl'), heldT);
    writeJsonl(join(root, 'test/fixtures/needle/heldout_families.jsonl'), heldF);
  }

  const t1 = Date.now();
  const tokPath = join(root, 'models/needle/tokenizer.json');
  const tokJson = KEEP_TOKENIZER ? JSON.parse(readFileSync(tokPath, 'utf8')) : trainTokenizer(corpus(train.slice(0, 40000)), VOCAB);
  if (!KEEP_TOKENIZER) {
    mkdirSync(join(root, 'models/needle'), { recursive: true });
    writeFileSync(tokPath, JSON.stringify(tokJson));
  }
  const tok = new Tokenizer(tokJson);
  console.log(`tokenizer: ${tok.size} tokens (${tokJson.merges.length} merges), ${KEEP_TOKENIZER ? 'kept' : 'trained'} in ${Date.now() - t1} ms`);

  const r = new Rng(SEED + 7);
  const kt = await writeTokens(join(work, 'tokens/train.txt'), train, tok, r);
  const kv = await writeTokens(join(work, 'tokens/valid.txt'), valid, tok, r);
  const stats = {
    seed: SEED, composed_share: COMPOSED_SHARE, vocab: tok.size, train: kt, valid: kv, heldout_templates: heldT.length, heldout_families: heldF.length,
    families: ALL_FAMILIES.length, heldout_family_ids: HELDOUT_FAMILY_IDS,
    kinds: Object.fromEntries(['single', 'multi', 'chitchat', 'not_offered'].map((k) => [k, train.filter((e) => e.meta.kind === k).length])),
  };
  writeFileSync(join(work, 'data/stats.json'), JSON.stringify(stats, null, 2));
  console.log(JSON.stringify(stats));
}

await main();
