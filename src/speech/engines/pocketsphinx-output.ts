/** Parses `pocketsphinx_continuous -time yes` output: hypothesis lines, each followed by "word start end posterior" lines. */
import type { RecognizedWord } from '../types.js';

const WORD_LINE = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?(?:e[-+]?\d+)?)$/;

function isFiller(word: string): boolean {
  return word.startsWith('<') || word.startsWith('[') || word.startsWith('++');
}

export interface ParsedOutput {
  text: string;
  words: RecognizedWord[];
}

export function parsePocketsphinxOutput(stdout: string): ParsedOutput {
  const hyps: string[] = [];
  const words: RecognizedWord[] = [];
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = WORD_LINE.exec(line);
    if (m !== null) {
      const word = m[1].replace(/\(\d+\)$/, '');
      if (isFiller(word)) continue;
      const confidence = Math.min(1, Math.max(0, Number(m[4])));
      words.push({ word, start: Number(m[2]), end: Number(m[3]), confidence });
      continue;
    }
    hyps.push(line);
  }
  const text = words.length > 0 ? words.map((w) => w.word).join(' ') : hyps.join(' ');
  return { text: text.toLowerCase().replace(/\s+/g, ' ').trim(), words };
}

/** Utterance confidence from per-word posteriors: their mean (undefined without words). */
export function meanConfidence(words: readonly RecognizedWord[]): number | undefined {
  const c = words.map((w) => w.confidence).filter((x): x is number => x !== undefined);
  if (c.length === 0) return undefined;
  return c.reduce((a, b) => a + b, 0) / c.length;
}
