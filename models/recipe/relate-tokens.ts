/**
 * Adds the related-word positions (src/agent/needle/related-words.ts) to a token file written by
 * generate.ts, as a fourth field: "src|seg|tgt|p p p". train.py gives those source tokens the
 * related flag (2) where they are not already shared words (1), as the router does at run time.
 *
 * Usage: tsx models/recipe/relate-tokens.ts [--lexicon models/needle/lexicon.json.gz] FILE...
 * (each FILE is rewritten in place; a file already carrying the field is recomputed).
 */
import { closeSync, createReadStream, openSync, renameSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Lexicon, relatedPositions } from '../../src/agent/needle/related-words.js';
import { Tokenizer } from '../../src/agent/needle/tokenizer.js';

const { values, positionals } = parseArgs({
  options: { lexicon: { type: 'string', default: 'models/needle/lexicon.json.gz' }, tokenizer: { type: 'string', default: 'models/needle/tokenizer.json' } },
  allowPositionals: true,
  strict: true,
});
if (positionals.length === 0) {
  console.error('usage: tsx models/recipe/relate-tokens.ts [--lexicon FILE] [--tokenizer FILE] TOKENS_FILE...');
  process.exit(2);
}
const tok = Tokenizer.load(values.tokenizer as string);
const lexicon = Lexicon.load(values.lexicon as string);
// line by line: the token file of 300k examples is over V8's string length limit
for (const file of positionals) {
  let flagged = 0;
  let examples = 0;
  const tmp = `${file}.relating`;
  const out = openSync(tmp, 'w');
  const pending: string[] = [];
  const flush = (): void => {
    writeSync(out, pending.join(''));
    pending.length = 0;
  };
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line.length === 0) continue;
    const [src, seg, tgt] = line.split('|');
    const ids = src.split(' ').map(Number);
    const related = [...relatedPositions(tok, lexicon, ids)].sort((a, b) => a - b);
    examples++;
    if (related.length > 0) flagged++;
    pending.push(`${src}|${seg}|${tgt}|${related.join(' ')}\n`);
    if (pending.length >= 5000) flush();
  }
  flush();
  closeSync(out);
  renameSync(tmp, file);
  console.log(`${file}: ${examples} examples, ${flagged} with related words (${(100 * flagged / examples).toFixed(1)}%)`);
}
