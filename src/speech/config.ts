/**
 * The `speech:` block of the agent config (validated here; the agent's schema only says "object").
 *
 *   speech:
 *     enabled: true
 *     engine: pocketsphinx            # or vosk
 *     source: { type: microphone, recorder: arecord, device: "plughw:1,0" }   # | { type: file, path } | { type: stdin }
 *     wakePhrase: computer            # null: no wake phrase
 *     pushToTalk: false               # true: only after <base>/listen (or the wake phrase)
 *     vosk: { library: /opt/vosk/libvosk.so, model: models/vosk-model-small-en-us-0.15 }
 *     pocketsphinx: { noiseAdaptation: { enabled: true, belowSnrDb: 28 } }   # mllr: the shipped transform
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createConfigAjv, explainAjvError, pointerToPath } from '../agent/ajv.js';
import { ConfigError } from '../agent/config.js';
import { packageRoot } from '../agent/paths.js';
import type { EndpointerOptions } from './audio/endpointer.js';
import type { SourceConfig } from './audio/sources.js';

export interface SpeechConfig {
  enabled: boolean;
  engine: 'pocketsphinx' | 'vosk';
  source: SourceConfig;
  wakePhrase: string | null;
  pushToTalk: boolean;
  /** How long the wake phrase alone, a listen message or a question keeps the agent listening. */
  followUpS: number;
  /** Transcripts with a lower mean word confidence are not acted on ("sorry, I did not catch that"). */
  minConfidence: number;
  /** Spoken feedback through espeak-ng (the speak driver's settings under drivers.speak apply). */
  feedback: boolean;
  /** Noise suppression before endpointing and recognition. */
  denoise: boolean;
  endpointing: EndpointerOptions;
  pocketsphinx: {
    binary: string;
    hmm?: string;
    cmudict?: string;
    lw?: number;
    beam: string;
    wbeam: string;
    pbeam: string;
    /** Extra phrases for the domain language model. */
    extraPhrases: string[];
    /**
     * Noisy utterances decoded with a noise transform of the acoustic model (engines/pocketsphinx.ts).
     * `mllr` defaults to the shipped transform, which belongs to the default en-us model: with another
     * `hmm` and no `mllr` of its own, noise adaptation is off.
     */
    noiseAdaptation: { enabled: boolean; mllr?: string; belowSnrDb: number };
  };
  vosk: {
    /** libvosk.so (default: see defaultVoskLibrary). */
    library: string;
    /** Vosk model folder (default: DEFAULT_VOSK_MODEL). */
    model: string;
    /** Restrict Vosk to the domain's words and phrases (vosk_recognizer_new_grm). */
    grammar: boolean;
  };
}

const positiveMs = { type: 'integer', minimum: 0, maximum: 60000 } as const;

/** The noise transform shipped for the default en-us acoustic model (models/speech/recipe makes it). */
export function defaultNoiseTransform(): string {
  return join(packageRoot(), 'models', 'speech', 'en-us-noise.mllr');
}

/**
 * Below this SNR (the endpointer's estimate, dB) the noise-adapted decoder's transcript is used.
 * Chosen on the development commands (README, speech): the transform gained at estimated 12-25 dB and
 * lost espeak-ng's voice at 31 dB and clean.
 */
export const DEFAULT_NOISE_ADAPTATION_SNR_DB = 28;

export const speechConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean', default: true },
    engine: { type: 'string', enum: ['pocketsphinx', 'vosk'], default: 'pocketsphinx' },
    source: {
      type: 'object',
      default: { type: 'microphone' },
      required: ['type'],
      oneOf: [
        { additionalProperties: false, properties: { type: { const: 'microphone' },
          recorder: { type: 'string', enum: ['arecord', 'sox'], default: 'arecord' }, device: { type: 'string', minLength: 1 } } },
        { additionalProperties: false, required: ['path'], properties: { type: { const: 'file' },
          path: { type: 'string', minLength: 1 }, realtime: { type: 'boolean', default: false } } },
        { additionalProperties: false, properties: { type: { const: 'stdin' } } },
      ],
    },
    wakePhrase: { type: ['string', 'null'], default: 'computer' },
    pushToTalk: { type: 'boolean', default: false },
    followUpS: { type: 'number', minimum: 0, maximum: 120, default: 6 },
    minConfidence: { type: 'number', minimum: 0, maximum: 1, default: 0.3 },
    feedback: { type: 'boolean', default: true },
    denoise: { type: 'boolean', default: true },
    endpointing: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        preRollMs: { ...positiveMs, default: 250 },
        hangoverMs: { ...positiveMs, default: 500 },
        minSpeechMs: { ...positiveMs, default: 200 },
        maxUtteranceMs: { type: 'integer', minimum: 500, maximum: 60000, default: 8000 },
        startDb: { type: 'number', minimum: 1, maximum: 60, default: 9 },
        continueDb: { type: 'number', minimum: 0, maximum: 60, default: 4 },
        startFrames: { type: 'integer', minimum: 1, maximum: 50, default: 3 },
        minLevelDb: { type: 'number', minimum: -120, maximum: 0, default: -55 },
        tailMs: { ...positiveMs, default: 150 },
      },
    },
    pocketsphinx: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        binary: { type: 'string', minLength: 1, default: 'pocketsphinx_continuous' },
        hmm: { type: 'string', minLength: 1 },
        cmudict: { type: 'string', minLength: 1 },
        lw: { type: 'number', minimum: 0.1, maximum: 50 },
        beam: { type: 'string', pattern: '^[0-9.]+e-[0-9]+$', default: '1e-80' },
        wbeam: { type: 'string', pattern: '^[0-9.]+e-[0-9]+$', default: '1e-60' },
        pbeam: { type: 'string', pattern: '^[0-9.]+e-[0-9]+$', default: '1e-80' },
        extraPhrases: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
        noiseAdaptation: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { type: 'boolean', default: true },
            mllr: { type: 'string', minLength: 1 },
            belowSnrDb: { type: 'number', minimum: -20, maximum: 100, default: DEFAULT_NOISE_ADAPTATION_SNR_DB },
          },
        },
      },
    },
    vosk: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        library: { type: 'string', minLength: 1 },
        model: { type: 'string', minLength: 1 },
        grammar: { type: 'boolean', default: true },
      },
    },
  },
} as const;

/** Where deploy/raspi/install.sh --with-vosk puts the library and the model. */
export const DEFAULT_VOSK_DIR = '/opt/vosk';
export const DEFAULT_VOSK_MODEL = `${DEFAULT_VOSK_DIR}/models/vosk-model-small-en-us-0.15`;

/** aarch64: the installer's libvosk; x86_64 (development, CI): the one in the vosk npm package. */
export function defaultVoskLibrary(): string {
  return process.arch === 'x64'
    ? join(packageRoot(), 'node_modules', 'vosk', 'lib', 'linux-x86_64', 'libvosk.so')
    : `${DEFAULT_VOSK_DIR}/lib/libvosk.so`;
}

let compiled: ReturnType<ReturnType<typeof createConfigAjv>['compile']> | null = null;

/**
 * Validates and fills defaults; relative paths resolve against the config file's folder (against the
 * working directory for the embedded default config). Throws the agent's ConfigError.
 */
export function resolveSpeechConfig(raw: unknown, configFile: string): SpeechConfig {
  const data = structuredClone(raw ?? {}) as Record<string, unknown>;
  compiled ??= createConfigAjv().compile(speechConfigSchema);
  if (!compiled(data)) {
    const issues = (compiled.errors ?? [])
      .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'const')
      .map((e) => {
        const x = explainAjvError(e);
        return { file: configFile, path: `speech.${pointerToPath(x.pointer)}`.replace(/\.\(root\)$/, ''), expected: x.expected };
      });
    if (issues.length === 0) issues.push({ file: configFile, path: 'speech.source', expected: 'type microphone, file or stdin with their own options' });
    throw new ConfigError(issues);
  }
  const config = data as unknown as SpeechConfig;
  // ajv does not fill defaults inside oneOf branches.
  if (config.source.type === 'microphone') config.source.recorder ??= 'arecord';
  if (config.source.type === 'file') config.source.realtime ??= false;
  if (config.wakePhrase !== null && config.wakePhrase.trim() === '') config.wakePhrase = null;
  const base = configFile.startsWith('(') ? process.cwd() : dirname(resolve(configFile));
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  // A bare binary name is looked up on PATH; anything with a slash is a path.
  if (config.pocketsphinx.binary.includes('/')) config.pocketsphinx.binary = abs(config.pocketsphinx.binary);
  if (config.pocketsphinx.hmm !== undefined) config.pocketsphinx.hmm = abs(config.pocketsphinx.hmm);
  if (config.pocketsphinx.cmudict !== undefined) config.pocketsphinx.cmudict = abs(config.pocketsphinx.cmudict);
  const na = config.pocketsphinx.noiseAdaptation;
  if (na.mllr !== undefined) na.mllr = abs(na.mllr);
  else if (config.pocketsphinx.hmm !== undefined) na.enabled = false;
  else na.mllr = defaultNoiseTransform();
  config.vosk.library = config.vosk.library === undefined ? defaultVoskLibrary() : abs(config.vosk.library);
  config.vosk.model = config.vosk.model === undefined ? DEFAULT_VOSK_MODEL : abs(config.vosk.model);
  if (config.source.type === 'file') config.source.path = abs(config.source.path);
  return config;
}
