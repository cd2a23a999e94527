/**
 * Vosk engine (the better recogniser on a Pi): libvosk through koffi, one recogniser reused across
 * utterances. With a phrase list the recogniser only considers the domain's words (+ [unk]).
 */
import { BYTES_PER_SAMPLE, SAMPLE_RATE, type RecognizedWord, type SpeechEngine, type Transcript } from '../types.js';
import { meanConfidence } from './pocketsphinx-output.js';
import { loadVosk, type VoskApi, type VoskModelHandle, type VoskRecognizerHandle } from './vosk-binding.js';

export interface VoskOptions {
  libraryPath: string;
  modelPath: string;
  /** Words/phrases the recogniser may produce; null for the model's full vocabulary. */
  phrases: readonly string[] | null;
}

interface VoskJsonResult {
  text?: string;
  result?: Array<{ word: string; conf?: number; start?: number; end?: number }>;
}

function parseResult(json: string): { text: string; words: RecognizedWord[] } {
  let parsed: VoskJsonResult;
  try {
    parsed = JSON.parse(json) as VoskJsonResult;
  } catch {
    return { text: '', words: [] };
  }
  const words: RecognizedWord[] = (parsed.result ?? [])
    .filter((w) => w.word !== '[unk]')
    .map((w) => ({ word: w.word, confidence: w.conf, start: w.start, end: w.end }));
  const text = (parsed.text ?? '').replace(/\[unk\]/g, '').replace(/\s+/g, ' ').trim();
  return { text, words };
}

export class VoskEngine implements SpeechEngine {
  readonly name = 'vosk' as const;
  private api: VoskApi | null = null;
  private model: VoskModelHandle | null = null;
  private rec: VoskRecognizerHandle | null = null;
  private segments: Array<{ text: string; words: RecognizedWord[] }> = [];
  private audioBytes = 0;
  /** Vocabulary words the phrase list dropped because the model does not know them. */
  unknownWords: string[] = [];

  constructor(private readonly options: VoskOptions) {}

  async open(): Promise<void> {
    const api = loadVosk(this.options.libraryPath);
    api.setLogLevel(-1);
    const model = api.newModel(this.options.modelPath);
    let grammar: string[] | undefined;
    if (this.options.phrases !== null) {
      // A phrase with a word the model lacks would be dropped by Vosk with a warning; keep the known words.
      const known = new Set<string>();
      const unknown = new Set<string>();
      for (const phrase of this.options.phrases) {
        for (const w of phrase.split(/\s+/).filter((x) => x !== '')) (api.findWord(model, w) >= 0 ? known : unknown).add(w);
      }
      this.unknownWords = [...unknown];
      grammar = [...this.options.phrases.filter((p) => p.split(/\s+/).every((w) => known.has(w))), ...known, '[unk]'];
    }
    const rec = api.newRecognizer(model, SAMPLE_RATE, grammar);
    api.setWords(rec, true);
    this.api = api;
    this.model = model;
    this.rec = rec;
  }

  private ready(): { api: VoskApi; rec: VoskRecognizerHandle } {
    if (this.api === null || this.rec === null) throw new Error('vosk engine not open');
    return { api: this.api, rec: this.rec };
  }

  start(): void {
    const { api, rec } = this.ready();
    api.reset(rec);
    this.segments = [];
    this.audioBytes = 0;
  }

  accept(pcm: Buffer): void {
    const { api, rec } = this.ready();
    this.audioBytes += pcm.length;
    if (api.acceptWaveform(rec, pcm)) this.segments.push(parseResult(api.result(rec)));
  }

  async finalize(): Promise<Transcript> {
    const { api, rec } = this.ready();
    const t0 = performance.now();
    this.segments.push(parseResult(api.finalResult(rec)));
    const words = this.segments.flatMap((s) => s.words);
    const text = this.segments.map((s) => s.text).filter((t) => t !== '').join(' ');
    this.segments = [];
    return {
      text,
      words,
      confidence: meanConfidence(words),
      finalizeMs: performance.now() - t0,
      audioSeconds: this.audioBytes / (SAMPLE_RATE * BYTES_PER_SAMPLE),
    };
  }

  cancel(): void {
    if (this.api !== null && this.rec !== null) this.api.reset(this.rec);
    this.segments = [];
  }

  async close(): Promise<void> {
    if (this.api !== null) {
      if (this.rec !== null) this.api.freeRecognizer(this.rec);
      if (this.model !== null) this.api.freeModel(this.model);
    }
    this.rec = null;
    this.model = null;
  }
}
