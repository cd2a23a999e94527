/**
 * The speech input: audio source -> (noise suppression) -> endpointer -> engine -> wake phrase /
 * push-to-talk -> STT confidence gate -> pipeline (source 'speech', sttConfidence) -> spoken feedback.
 * Utterances are handled in order; the next one is recorded while the previous one is decoded.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { InputLogger, InputSource } from '../agent/inputs/types.js';
import type { CommandResult } from '../agent/result.js';
import type { CommandInput } from '../agent/types.js';
import { Denoiser } from './audio/denoise.js';
import { Endpointer, type UtteranceEnd } from './audio/endpointer.js';
import type { AudioSource } from './audio/sources.js';
import type { SpeechConfig } from './config.js';
import { feedbackFor, NOT_UNDERSTOOD } from './feedback.js';
import type { SpeechEngine, Transcript } from './types.js';
import { WakeGate, type WakeDecision } from './wake.js';

/** The part of the pipeline the speech input needs. */
export interface CommandSink {
  handle(input: CommandInput): Promise<CommandResult>;
}

/** The part of the agent's MQTT client push-to-talk needs. */
export interface ListenChannel {
  topic(suffix: string): string;
  subscribe(topic: string, handler: (payload: Buffer, topic: string, retained: boolean) => void): void;
}

export interface UtteranceReport {
  transcript: Transcript;
  decision: WakeDecision;
  /** Mean confidence of the command words (after the wake phrase), when the engine gives one. */
  sttConfidence?: number;
  /** Set when the utterance reached the pipeline. */
  result?: CommandResult;
  /** Why it did not reach the pipeline. */
  skipped?: 'not_addressed' | 'low_stt_confidence' | 'empty';
  end: UtteranceEnd;
  /** performance.now() when the endpointer closed the utterance. */
  endedAt: number;
  /** ms from end of utterance to transcript, and to the pipeline's result. */
  sttMs: number;
  totalMs: number;
}

export interface SpeechInputOptions {
  config: SpeechConfig;
  engine: SpeechEngine;
  source: AudioSource;
  pipeline: CommandSink;
  log: InputLogger;
  mqtt?: ListenChannel | null;
  /** Speaks feedback; null for none. Resolves when playback ended (capture is muted meanwhile). */
  speak?: ((text: string) => Promise<void>) | null;
  onUtterance?: (report: UtteranceReport) => void;
  /** Called once after start() failed at run time or the source ended (file/stdin). */
  onSourceEnd?: () => void;
  /** Runs at the end of stop() (e.g. removes the generated language model). */
  cleanup?: () => void;
}

const LISTEN_ON = new Set(['', '1', 'on', 'true', 'start', 'listen']);
const LISTEN_OFF = new Set(['0', 'off', 'false', 'stop']);

export class SpeechInput implements InputSource {
  readonly name = 'speech';
  private readonly o: SpeechInputOptions;
  private readonly gate: WakeGate;
  private readonly endpointer: Endpointer;
  private readonly denoiser: Denoiser | null;
  private chain: Promise<void> = Promise.resolve();
  private rawBacklog: Buffer = Buffer.alloc(0);
  private stopped = false;
  private endedResolve: () => void = () => undefined;
  /** Resolves when a finite source (file, stdin) has been fully processed. */
  readonly ended: Promise<void>;

  constructor(options: SpeechInputOptions) {
    this.o = options;
    const c = options.config;
    this.gate = new WakeGate({ phrase: c.wakePhrase, pushToTalk: c.pushToTalk, followUpMs: c.followUpS * 1000 });
    this.denoiser = c.denoise ? new Denoiser() : null;
    this.ended = new Promise((resolve) => { this.endedResolve = resolve; });
    this.endpointer = new Endpointer({
      onStart: (audio) => {
        this.o.engine.start();
        this.o.engine.accept(audio);
      },
      onAudio: (audio) => this.o.engine.accept(audio),
      onEnd: (end) => this.onEnd(end),
      onDiscard: () => this.o.engine.cancel(),
    }, c.endpointing);
  }

  async start(): Promise<void> {
    await this.o.engine.open();
    const mqtt = this.o.mqtt;
    if (mqtt) {
      mqtt.subscribe(mqtt.topic('listen'), (payload, _topic, retained) => {
        if (retained) return;
        const p = payload.toString('utf8').trim().toLowerCase();
        if (LISTEN_OFF.has(p)) this.gate.close();
        else if (LISTEN_ON.has(p) || /^\d+(\.\d+)?$/.test(p)) this.gate.open(/^\d/.test(p) && p !== '1' ? Number(p) * 1000 : undefined);
        this.o.log.info({ listening: this.gate.listening }, 'push-to-talk');
      });
    }
    this.o.source.start(
      (pcm) => this.onAudio(pcm),
      () => {
        this.endpointer.flush();
        void this.chain.then(() => { this.endedResolve(); this.o.onSourceEnd?.(); });
      },
      (err) => {
        this.o.log.error({ err: err.message, source: this.o.source.description }, 'speech capture failed');
        this.endedResolve();
        this.o.onSourceEnd?.();
      },
    );
    this.o.log.info({ engine: this.o.engine.name, source: this.o.source.description, wakePhrase: this.o.config.wakePhrase,
      pushToTalk: this.o.config.pushToTalk }, 'speech input listening');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.o.source.stop();
    await this.chain;
    await this.o.engine.close();
    this.o.cleanup?.();
  }

  /** Opens a listening window as a push-to-talk message would (for other inputs / tests). */
  listen(ms?: number): void {
    this.gate.open(ms);
  }

  private onAudio(pcm: Buffer): void {
    if (this.stopped) return;
    if (this.denoiser === null) {
      this.endpointer.push(pcm);
      return;
    }
    // Speech is detected on the original signal (its noise is steadier than the suppressed one);
    // the engine gets the suppressed signal. Both advance by the same number of samples.
    this.rawBacklog = this.rawBacklog.length === 0 ? pcm : Buffer.concat([this.rawBacklog, pcm]);
    const clean = this.denoiser.process(pcm);
    const raw = this.rawBacklog.subarray(0, clean.length);
    this.rawBacklog = Buffer.from(this.rawBacklog.subarray(clean.length));
    if (clean.length > 0) this.endpointer.push(clean, raw);
  }

  private onEnd(end: UtteranceEnd): void {
    const endedAt = performance.now();
    const transcript = this.o.engine.finalize({ snrDb: end.snrDb });
    this.chain = this.chain.then(async () => {
      try {
        await this.handle(await transcript, end, endedAt);
      } catch (err) {
        this.o.log.error({ err: err instanceof Error ? err.message : String(err) }, 'speech utterance failed');
      }
    });
  }

  private async handle(transcript: Transcript, end: UtteranceEnd, endedAt: number): Promise<void> {
    const sttMs = performance.now() - endedAt;
    const decision = this.gate.decide(transcript.text);
    const report: UtteranceReport = { transcript, decision, end, endedAt, sttMs, totalMs: sttMs };
    const finish = (): void => {
      report.totalMs = performance.now() - endedAt;
      this.o.log.info({ text: transcript.text, decision: decision.kind, sttConfidence: report.sttConfidence,
        skipped: report.skipped, status: report.result?.status, sttMs: Math.round(sttMs), totalMs: Math.round(report.totalMs),
        audioS: transcript.audioSeconds, snrDb: Math.round(end.snrDb),
        ...(transcript.noiseAdapted !== undefined ? { noiseAdapted: transcript.noiseAdapted } : {}) }, 'utterance');
      this.o.onUtterance?.(report);
    };
    if (decision.kind === 'wake_only') {
      finish();
      return;
    }
    if (decision.kind === 'ignored') {
      report.skipped = transcript.text === '' ? 'empty' : 'not_addressed';
      finish();
      return;
    }
    // Confidence of the command words only: the wake phrase is not part of the command.
    const commandWords = decision.text.split(' ').length;
    const scored = transcript.words.slice(-commandWords).map((w) => w.confidence).filter((c): c is number => c !== undefined);
    const sttConfidence = scored.length > 0 ? scored.reduce((a, b) => a + b, 0) / scored.length : undefined;
    if (sttConfidence !== undefined) report.sttConfidence = sttConfidence;
    if (sttConfidence !== undefined && sttConfidence < this.o.config.minConfidence) {
      report.skipped = 'low_stt_confidence';
      finish();
      await this.say(NOT_UNDERSTOOD);
      return;
    }
    const input: CommandInput = { text: decision.text, source: 'speech', id: randomUUID(),
      ...(sttConfidence !== undefined ? { sttConfidence } : {}) };
    const result = await this.o.pipeline.handle(input);
    report.result = result;
    finish();
    // A question ("should I …? say yes or no") is answered without the wake phrase.
    if (result.status === 'confirmation_required') this.gate.open();
    const text = feedbackFor(result);
    if (text !== null) await this.say(text);
  }

  private async say(text: string): Promise<void> {
    if (!this.o.config.feedback || !this.o.speak) return;
    this.endpointer.muted = true;
    try {
      await this.o.speak(text);
    } catch (err) {
      this.o.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'spoken feedback failed');
    } finally {
      // Let the room's echo die down before listening again.
      setTimeout(() => { this.endpointer.muted = false; }, 200).unref();
    }
  }
}
