/**
 * Plugs the speech input into the daemon (an InputFactory): reads the config's `speech:` block,
 * builds the engine (pocketsphinx domain model from the configured tools, or Vosk), the audio source
 * and spoken feedback through the speak driver's espeak-ng.
 */
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ConfigError, type AgentConfig } from '../agent/config.js';
import type { InputContext } from '../agent/daemon.js';
import type { InputSource } from '../agent/inputs/types.js';
import { speak } from '../drivers/speak.js';
import { createAudioSource } from './audio/sources.js';
import { resolveSpeechConfig, type SpeechConfig } from './config.js';
import { createEngine } from './engines/factory.js';
import { loadPhrasebook, PHRASEBOOK_FILE } from './lm/phrasebook.js';
import { SpeechInput, type ListenChannel, type UtteranceReport } from './input.js';

/** The speech config of an agent config, or null when there is none or it is disabled. */
export function speechConfigOf(config: AgentConfig): SpeechConfig | null {
  if (config.speech === undefined) return null;
  const speech = resolveSpeechConfig(config.speech, config.file);
  if (speech.enabled && speech.source.type === 'stdin' && config.inputs.stdin.enabled) {
    throw new ConfigError([{ file: config.file, path: 'speech.source', expected: 'not stdin while inputs.stdin.enabled is true (both would read stdin)' }]);
  }
  return speech.enabled ? speech : null;
}

export interface SpeechFactoryOptions {
  /** Receives every utterance's report (tests, bench). */
  onUtterance?: (report: UtteranceReport) => void;
  /** Overrides where audio comes from (tests). */
  stdin?: Readable;
}

/** InputFactory for Daemon({ inputFactories: [speechInputFactory()] }). */
export function speechInputFactory(options: SpeechFactoryOptions = {}) {
  return (context: InputContext): InputSource | null => {
    const config = speechConfigOf(context.config);
    if (config === null) return null;
    const tools = context.config.tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters }));
    const book = loadPhrasebook(join(context.config.router.modelDir, PHRASEBOOK_FILE));
    if (book.warning !== null) context.log.warn(`speech: ${book.warning}`);
    const built = createEngine(config, tools, book.families);
    for (const warning of built.warnings) context.log.warn(`speech: ${warning}`);
    if (built.domain !== null && built.domain.guessedWords.length > 0) {
      context.log.info({ words: built.domain.guessedWords }, 'speech: pronunciations guessed for words not in cmudict');
    }
    const speakOptions = context.config.drivers.speak ?? {};
    const input = new SpeechInput({
      config,
      engine: built.engine,
      source: createAudioSource(config.source, options.stdin ?? process.stdin),
      pipeline: context.pipeline,
      log: context.log,
      // InputContext.mqtt: the agent's MQTT connection (absent in daemons without it).
      mqtt: (context as InputContext & { mqtt?: ListenChannel | null }).mqtt ?? null,
      speak: config.feedback
        ? async (text) => {
          const r = await speak(text, speakOptions);
          if (!r.ok) context.log.warn({ detail: r.detail }, 'spoken feedback failed');
        }
        : null,
      cleanup: built.cleanup,
      ...(options.onUtterance ? { onUtterance: options.onUtterance } : {}),
    });
    return input;
  };
}
