/**
 * Types shared by the speech front end: engines, transcripts, PCM framing.
 * All audio inside src/speech is 16 kHz, mono, signed 16-bit little-endian PCM.
 */

export const SAMPLE_RATE = 16000;
export const BYTES_PER_SAMPLE = 2;

/** One recognised word; `confidence` is 0..1 where the engine reports one. */
export interface RecognizedWord {
  word: string;
  confidence?: number;
  /** Seconds from the start of the utterance, where the engine reports them. */
  start?: number;
  end?: number;
}

export interface Transcript {
  /** Lower-case words separated by single spaces; '' when nothing was recognised. */
  text: string;
  words: RecognizedWord[];
  /** 0..1 for the whole utterance (derived from the word confidences), undefined when unknown. */
  confidence?: number;
  /** Wall time from finalize() to the transcript (the decoder's own tail latency). */
  finalizeMs: number;
  /** Seconds of audio the engine received for this utterance. */
  audioSeconds: number;
  /** True when the noise-adapted acoustic model decoded it (pocketsphinx with noise adaptation). */
  noiseAdapted?: boolean;
}

/** What the front end measured about an utterance, for engines that decode noisy speech differently. */
export interface UtteranceConditions {
  /** The endpointer's signal-to-noise estimate in dB. */
  snrDb?: number;
}

/**
 * A speech recogniser that decodes one utterance at a time:
 * open() once, then for each utterance start() -> accept()* -> finalize() (or cancel()).
 */
export interface SpeechEngine {
  readonly name: 'vosk' | 'pocketsphinx';
  /** Loads models / checks binaries; throws a clear error when something is missing. */
  open(): Promise<void>;
  /** Begins an utterance. */
  start(): void;
  /** Feeds 16 kHz mono S16LE PCM (any length, even number of bytes). */
  accept(pcm: Buffer): void;
  /** Ends the utterance and returns what was said. */
  finalize(conditions?: UtteranceConditions): Promise<Transcript>;
  /** Drops the current utterance, if any. */
  cancel(): void;
  close(): Promise<void>;
}
