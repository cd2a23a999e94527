/**
 * Decides whether an utterance is addressed to the agent: it starts with the wake phrase ("computer,
 * turn on the light"), or the wake phrase alone opened a short follow-up window, or push-to-talk
 * (MQTT `<base>/listen`) opened one. Without a wake phrase and without push-to-talk every utterance counts.
 */
import { speakableWords } from './lm/words.js';

export interface WakeOptions {
  /** null: no wake phrase. */
  phrase: string | null;
  /** Only utterances inside a push-to-talk window count (the wake phrase still opens one). */
  pushToTalk: boolean;
  /** How long "computer" alone, or a listen message, keeps the agent listening (ms). */
  followUpMs: number;
}

export type WakeDecision =
  | { kind: 'command'; text: string; via: 'wake_phrase' | 'window' | 'always' }
  | { kind: 'wake_only' }
  | { kind: 'ignored'; reason: string };

export class WakeGate {
  private readonly wake: string[];
  private windowUntil = 0;

  constructor(private readonly options: WakeOptions) {
    this.wake = options.phrase === null ? [] : speakableWords(options.phrase);
  }

  /** Opens (or, with 0, closes) a listening window starting now. */
  open(ms: number = this.options.followUpMs, now = Date.now()): void {
    this.windowUntil = ms <= 0 ? 0 : now + ms;
  }

  close(): void {
    this.windowUntil = 0;
  }

  get listening(): boolean {
    return Date.now() < this.windowUntil;
  }

  /** Strips a leading wake phrase; returns the rest, or null when the text does not start with it. */
  private stripWake(words: string[]): string[] | null {
    if (this.wake.length === 0 || words.length < this.wake.length) return null;
    for (let i = 0; i < this.wake.length; i++) if (words[i] !== this.wake[i]) return null;
    return words.slice(this.wake.length);
  }

  decide(text: string, now = Date.now()): WakeDecision {
    const words = text.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) return { kind: 'ignored', reason: 'nothing recognised' };
    const rest = this.stripWake(words);
    if (rest !== null) {
      if (rest.length === 0) {
        this.open(this.options.followUpMs, now);
        return { kind: 'wake_only' };
      }
      this.close();
      return { kind: 'command', text: rest.join(' '), via: 'wake_phrase' };
    }
    if (now < this.windowUntil) {
      this.close();
      return { kind: 'command', text: words.join(' '), via: 'window' };
    }
    if (this.wake.length === 0 && !this.options.pushToTalk) return { kind: 'command', text: words.join(' '), via: 'always' };
    return { kind: 'ignored', reason: this.wake.length > 0 ? 'no wake phrase' : 'push-to-talk window closed' };
  }
}
