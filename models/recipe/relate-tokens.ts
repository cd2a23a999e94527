/**
 * Adds the related-word positions (src/agent/needle/related-words.ts) to a token file written by
 * generate.ts, as a fourth field: "src|seg|tgt|p p p". train.py gives those source tokens the
 * related flag (2) where they are not already shared words (1), as the router does at run time.
 *
 * Usage: tsx models/recipe/relate-tokens.ts [--lexicon models/needle/lexicon.json.gz] FILE...
 * (each FILE is rewritten in place; a file already carrying the field is recomputed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
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
for (const file of positionals) {
  let flagged = 0;
  let examples = 0;
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0).map((line) => {
    const [src, seg, tgt] = line.split('|');
    const ids = src.split(' ').map(Number);
    const related = [...relatedPositions(tok, lexicon, ids)].sort((a, b) => a - b);
    examples++;
    if (related.length > 0) flagged++;
    return `${src}|${seg}|${tgt}|${related.join(' ')}`;
  });
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`${file}: ${examples} examples, ${flagged} with related words (${(100 * flagged / examples).toFixed(1)}%)`);
}
