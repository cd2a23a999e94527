/**
 * koffi binding to the Vosk C API (libvosk.so). Only the calls the engine needs; pointers stay opaque.
 * vosk_model_new returns NULL for a missing or broken model folder, and a recogniser built on NULL
 * crashes the process, so every constructor result is checked here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import koffi, { type LibraryHandle, type TypeObject } from 'koffi';

export interface VoskModelHandle { readonly kind: 'VoskModel'; readonly ptr: unknown }
export interface VoskRecognizerHandle { readonly kind: 'VoskRecognizer'; readonly ptr: unknown }

export interface VoskApi {
  /** Where the library was loaded from. */
  readonly path: string;
  /** libvosk has no version call: the version of the package that shipped it, when known. */
  readonly version: string | null;
  setLogLevel(level: number): void;
  newModel(folder: string): VoskModelHandle;
  freeModel(model: VoskModelHandle): void;
  /** Index of a word in the model's vocabulary, -1 when unknown. */
  findWord(model: VoskModelHandle, word: string): number;
  newRecognizer(model: VoskModelHandle, sampleRate: number, grammar?: readonly string[]): VoskRecognizerHandle;
  setWords(rec: VoskRecognizerHandle, on: boolean): void;
  /** true when Vosk detected the end of a phrase inside this chunk (result() then holds it). */
  acceptWaveform(rec: VoskRecognizerHandle, pcm: Buffer): boolean;
  result(rec: VoskRecognizerHandle): string;
  finalResult(rec: VoskRecognizerHandle): string;
  reset(rec: VoskRecognizerHandle): void;
  freeRecognizer(rec: VoskRecognizerHandle): void;
}

let opaqueTypes: { model: TypeObject; rec: TypeObject } | null = null;
function types(): { model: TypeObject; rec: TypeObject } {
  // koffi type names are global: declare them once per process.
  opaqueTypes ??= { model: koffi.opaque('VoskModel'), rec: koffi.opaque('VoskRecognizer') };
  return opaqueTypes;
}

function packageVersionNear(libPath: string): string | null {
  // node_modules/vosk/lib/linux-x86_64/libvosk.so -> node_modules/vosk/package.json
  for (const dir of [dirname(libPath), dirname(dirname(libPath)), dirname(dirname(dirname(libPath)))]) {
    const pkg = join(dir, 'package.json');
    if (!existsSync(pkg)) continue;
    try {
      const parsed = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown; version?: unknown };
      if (parsed.name === 'vosk' && typeof parsed.version === 'string') return parsed.version;
    } catch {
      // not a readable package.json
    }
  }
  const versionFile = join(dirname(libPath), 'VERSION');
  return existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() || null : null;
}

export class VoskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VoskError';
  }
}

/** Loads libvosk; throws VoskError with an actionable message when it is missing or not libvosk. */
export function loadVosk(libraryPath: string): VoskApi {
  if (!existsSync(libraryPath)) {
    throw new VoskError(`libvosk not found at ${libraryPath}: set speech.vosk.library to the libvosk.so for this `
      + 'machine (x86_64: node_modules/vosk/lib/linux-x86_64/libvosk.so; aarch64: from the vosk-linux-aarch64 release zip)');
  }
  let lib: LibraryHandle;
  try {
    lib = koffi.load(libraryPath);
  } catch (err) {
    throw new VoskError(`cannot load ${libraryPath}: ${err instanceof Error ? err.message : String(err)}`
      + ' (wrong architecture or missing dependencies?)');
  }
  const { model: M, rec: R } = types();
  const MP = koffi.pointer(M);
  const RP = koffi.pointer(R);
  let f;
  try {
    f = {
      setLogLevel: lib.func('vosk_set_log_level', 'void', ['int']),
      modelNew: lib.func('vosk_model_new', MP, ['str']),
      modelFree: lib.func('vosk_model_free', 'void', [MP]),
      findWord: lib.func('vosk_model_find_word', 'int', [MP, 'str']),
      recNew: lib.func('vosk_recognizer_new', RP, [MP, 'float']),
      recNewGrm: lib.func('vosk_recognizer_new_grm', RP, [MP, 'float', 'str']),
      setWords: lib.func('vosk_recognizer_set_words', 'void', [RP, 'int']),
      accept: lib.func('vosk_recognizer_accept_waveform', 'int', [RP, 'void *', 'int']),
      result: lib.func('vosk_recognizer_result', 'str', [RP]),
      finalResult: lib.func('vosk_recognizer_final_result', 'str', [RP]),
      reset: lib.func('vosk_recognizer_reset', 'void', [RP]),
      recFree: lib.func('vosk_recognizer_free', 'void', [RP]),
    };
  } catch (err) {
    throw new VoskError(`${libraryPath} does not look like libvosk: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ptrOf = <T extends { ptr: unknown }>(h: T): unknown => h.ptr;
  return {
    path: libraryPath,
    version: packageVersionNear(libraryPath),
    setLogLevel: (level) => { f.setLogLevel(level); },
    newModel: (folder) => {
      if (!existsSync(folder)) throw new VoskError(`Vosk model folder ${folder} does not exist`);
      const ptr: unknown = f.modelNew(folder);
      if (ptr === null) {
        throw new VoskError(`vosk_model_new failed for ${folder}: not a Vosk model folder `
          + '(expected e.g. am/final.mdl, conf/model.conf, graph/ from vosk-model-small-en-us-0.15)');
      }
      return { kind: 'VoskModel', ptr };
    },
    freeModel: (m) => { f.modelFree(ptrOf(m)); },
    findWord: (m, word) => Number(f.findWord(ptrOf(m), word)),
    newRecognizer: (m, rate, grammar) => {
      const ptr: unknown = grammar === undefined
        ? f.recNew(ptrOf(m), rate)
        : f.recNewGrm(ptrOf(m), rate, JSON.stringify(grammar));
      if (ptr === null) throw new VoskError('vosk_recognizer_new failed (model without a usable graph for this grammar?)');
      return { kind: 'VoskRecognizer', ptr };
    },
    setWords: (r, on) => { f.setWords(ptrOf(r), on ? 1 : 0); },
    acceptWaveform: (r, pcm) => Number(f.accept(ptrOf(r), pcm, pcm.length)) === 1,
    result: (r) => String(f.result(ptrOf(r))),
    finalResult: (r) => String(f.finalResult(ptrOf(r))),
    reset: (r) => { f.reset(ptrOf(r)); },
    freeRecognizer: (r) => { f.recFree(ptrOf(r)); },
  };
}
