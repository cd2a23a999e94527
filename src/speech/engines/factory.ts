/** Builds the configured engine; for pocketsphinx this includes generating the domain model. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ToolSchema } from '../../agent/types.js';
import { defaultNoiseTransform, type SpeechConfig } from '../config.js';
import { buildDomainModel, type DomainModel } from '../lm/domain-model.js';
import type { PhrasebookFamily } from '../lm/phrasebook.js';
import { domainSentences } from '../lm/sentences.js';
import type { SpeechEngine } from '../types.js';
import { PocketsphinxEngine, type NoiseAdaptation } from './pocketsphinx.js';
import { VoskEngine } from './vosk.js';

export interface BuiltEngine {
  engine: SpeechEngine;
  /** The generated domain model (pocketsphinx only). */
  domain: DomainModel | null;
  /** What the engine runs without, for the log (e.g. a missing shipped noise transform). */
  warnings: string[];
  /** Removes generated files; call after engine.close(). */
  cleanup(): void;
}

/** Whole sentences in Vosk's phrase list at most (it compiles them into a graph when the recogniser is made). */
const VOSK_MAX_PHRASES = 1000;

/**
 * Vosk's phrase list: at most `max` of the domain sentences, taken at an even stride so that every
 * tool's sentences are among them (the sentences come tool by tool), and every word of all the
 * sentences on its own, so a word of a sentence left out can still be recognised.
 */
export function voskPhrases(sentences: readonly string[], max: number): string[] {
  const unique = [...new Set(sentences)];
  const stride = Math.max(1, unique.length / max);
  const chosen: string[] = [];
  for (let i = 0; i < unique.length && chosen.length < max; i += stride) chosen.push(unique[Math.floor(i)]);
  const words = new Set(unique.flatMap((s) => s.split(' ').filter((w) => w !== '')));
  for (const phrase of chosen) words.delete(phrase);
  return [...chosen, ...words];
}

/**
 * The pocketsphinx engine's noise adaptation from the config. A configured transform that is missing
 * fails at open() with its path; a missing shipped one only costs noisy speech its adaptation (a
 * warning).
 */
export function noiseAdaptationFor(config: SpeechConfig, warnings: string[], shipped = defaultNoiseTransform()): NoiseAdaptation | undefined {
  const na = config.pocketsphinx.noiseAdaptation;
  if (!na.enabled || na.mllr === undefined) return undefined;
  if (na.mllr === shipped && !existsSync(shipped)) {
    warnings.push(`the shipped noise transform ${shipped} is missing: noisy speech is decoded without noise adaptation`);
    return undefined;
  }
  return { mllrPath: na.mllr, belowSnrDb: na.belowSnrDb };
}

/** `phrasebook`: the router's phrasings by tool family (lm/phrasebook.ts), folded into the domain phrases. */
export function createEngine(config: SpeechConfig, tools: readonly ToolSchema[], phrasebook: readonly PhrasebookFamily[] = []): BuiltEngine {
  if (config.engine === 'vosk') {
    let phrases: string[] | null = null;
    if (config.vosk.grammar) {
      const sentences = domainSentences(tools, { wakePhrase: config.wakePhrase, extraPhrases: config.pocketsphinx.extraPhrases, phrasebook });
      phrases = voskPhrases(sentences, VOSK_MAX_PHRASES);
    }
    const engine = new VoskEngine({ libraryPath: config.vosk.library, modelPath: config.vosk.model, phrases });
    return { engine, domain: null, warnings: [], cleanup: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'needle-agent-speech-'));
  const ps = config.pocketsphinx;
  const domain = buildDomainModel({
    tools,
    wakePhrase: config.wakePhrase,
    extraPhrases: ps.extraPhrases,
    phrasebook,
    ...(ps.cmudict !== undefined ? { cmudictPath: ps.cmudict } : {}),
    outDir: dir,
  });
  const warnings: string[] = [];
  const noiseAdaptation = noiseAdaptationFor(config, warnings);
  const engine = new PocketsphinxEngine({
    lmPath: domain.lmPath,
    dictPath: domain.dictPath,
    binary: ps.binary,
    beam: ps.beam,
    wbeam: ps.wbeam,
    pbeam: ps.pbeam,
    ...(ps.hmm !== undefined ? { hmmPath: ps.hmm } : {}),
    ...(ps.lw !== undefined ? { lw: ps.lw } : {}),
    ...(noiseAdaptation !== undefined ? { noiseAdaptation } : {}),
  });
  return { engine, domain, warnings, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
