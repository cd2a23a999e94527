/**
 * Builds the pocketsphinx domain model for a tool set: sentences -> ARPA trigram LM + pronunciation
 * dictionary, written to a folder (regenerated at start-up; it takes well under a second).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ToolSchema } from '../../agent/types.js';
import { estimateNgramModel, toArpa, type NgramModel } from './arpa.js';
import { NUMBER_WORDS } from './numbers.js';
import type { PhrasebookFamily } from './phrasebook.js';
import { pronounce, toSphinxDictionary, type PronunciationSource } from './pronounce.js';
import { domainSentences } from './sentences.js';

export interface DomainModelOptions {
  tools: readonly ToolSchema[];
  wakePhrase: string | null;
  extraPhrases?: readonly string[];
  /** The router's phrasings by tool family (phrasebook.ts). */
  phrasebook?: readonly PhrasebookFamily[];
  cmudictPath?: string;
  order?: number;
  /** Folder the .lm and .dic files are written to. */
  outDir: string;
}

export interface DomainModel {
  lmPath: string;
  dictPath: string;
  sentences: string[];
  model: NgramModel;
  /** Words whose pronunciation did not come from cmudict, with where it came from. */
  guessedWords: Array<{ word: string; source: PronunciationSource }>;
}

export function buildDomainModel(options: DomainModelOptions): DomainModel {
  const sentences = domainSentences(options.tools, {
    wakePhrase: options.wakePhrase,
    extraPhrases: options.extraPhrases,
    ...(options.phrasebook !== undefined ? { phrasebook: options.phrasebook } : {}),
  });
  // Spelled-out numbers are always in the vocabulary, so any number can at least be spoken.
  const allNumbers = NUMBER_WORDS.join(' ');
  const model = estimateNgramModel([...sentences, allNumbers], options.order ?? 3);
  const prons = pronounce(model.vocabulary.filter((w) => w !== '<s>'), { cmudictPath: options.cmudictPath });
  mkdirSync(options.outDir, { recursive: true });
  const lmPath = join(options.outDir, 'domain.lm');
  const dictPath = join(options.outDir, 'domain.dic');
  writeFileSync(lmPath, toArpa(model));
  writeFileSync(dictPath, toSphinxDictionary(prons));
  const guessedWords = [...prons].filter(([, p]) => p.source !== 'cmudict').map(([word, p]) => ({ word, source: p.source }));
  return { lmPath, dictPath, sentences, model, guessedWords };
}
