/**
 * Energy-based utterance segmentation over 20 ms frames. A frame is "loud" when it is `startDb` above the
 * noise floor (the 10th percentile of the last 1.5 s) (and above `minLevelDb` dBFS); `startFrames` loud frames in a row open an
 * utterance (with `preRollMs` of audio before it), `hangoverMs` of quiet closes it. Utterances shorter
 * than `minSpeechMs` of loud audio are discarded, longer than `maxUtteranceMs` are cut.
 */
import { BYTES_PER_SAMPLE, SAMPLE_RATE } from '../types.js';

export const FRAME_SAMPLES = SAMPLE_RATE / 50;
const FRAME_BYTES = FRAME_SAMPLES * BYTES_PER_SAMPLE;
const FRAME_MS = 20;
const FLOOR_WINDOW = 75;
const SMOOTH_FRAMES = 3;
const FLOOR_PERCENTILE = 0.1;

export interface EndpointerOptions {
  preRollMs: number;
  hangoverMs: number;
  minSpeechMs: number;
  maxUtteranceMs: number;
  /** dB above the noise floor that counts as speech (start; continuing speech needs `continueDb`). */
  startDb: number;
  continueDb: number;
  startFrames: number;
  /** Frames quieter than this (dBFS) never count as speech. */
  minLevelDb: number;
  /** Quiet audio after the last speech that the engine still gets. */
  tailMs: number;
}

export const DEFAULT_ENDPOINTER: EndpointerOptions = {
  preRollMs: 250,
  hangoverMs: 500,
  minSpeechMs: 200,
  maxUtteranceMs: 8000,
  startDb: 9,
  continueDb: 4,
  startFrames: 3,
  minLevelDb: -55,
  tailMs: 150,
};

export type EndReason = 'silence' | 'max_length' | 'stream_end';

export interface UtteranceEnd {
  reason: EndReason;
  /** Loud (speech) time inside the utterance. */
  speechMs: number;
  /** Whole utterance incl. pre-roll and hangover. */
  durationMs: number;
  /** Stream position (ms) of the last loud frame: where speech actually ended. */
  lastSpeechAtMs: number;
  /** Stream position (ms) where the endpointer decided the utterance was over. */
  endedAtMs: number;
  /**
   * Signal-to-noise ratio in dB: the mean level of the utterance's loud frames against the noise floor
   * just before it began (on the detection signal, i.e. before noise suppression when there is one).
   */
  snrDb: number;
}

export interface EndpointerEvents {
  /** An utterance began; `audio` is the pre-roll plus the frames that triggered it. */
  onStart(audio: Buffer, atMs: number): void;
  onAudio(audio: Buffer): void;
  onEnd(end: UtteranceEnd): void;
  /** The utterance was too short to be speech (a click, a cough): drop it. */
  onDiscard(end: UtteranceEnd): void;
}

function framePower(frame: Buffer): number {
  let sum = 0;
  for (let i = 0; i < frame.length; i += 2) {
    const s = frame.readInt16LE(i);
    sum += s * s;
  }
  return sum / (frame.length / 2);
}

function powerDb(power: number): number {
  return 10 * Math.log10(Math.max(power, 1) / (32768 * 32768));
}

export class Endpointer {
  private readonly o: EndpointerOptions;
  private pending: Buffer = Buffer.alloc(0);
  private pendingDetect: Buffer | null = null;
  /** Recent frame powers (linear) for the 60 ms smoothed level. */
  private readonly recentPower: number[] = [];
  private readonly ring: Buffer[] = [];
  private floorDb: number | null = null;
  private inSpeech = false;
  private loudRun = 0;
  private quietRun = 0;
  private speechFrames = 0;
  private uttFrames = 0;
  private frameIndex = 0;
  private lastLoudFrame = 0;
  private recentDb: number[] = [];
  /** Noise floor when the utterance began, and the summed power of its loud frames. */
  private startFloorDb = 0;
  private loudPower = 0;
  private loudCount = 0;
  private readonly history: number[] = [];
  private readonly tail: Buffer[] = [];
  /** Frames are dropped while muted (e.g. while our own spoken feedback plays). */
  muted = false;

  constructor(private readonly events: EndpointerEvents, options: Partial<EndpointerOptions> = {}) {
    this.o = { ...DEFAULT_ENDPOINTER, ...options };
  }

  get noiseFloorDb(): number | null {
    return this.floorDb;
  }

  get active(): boolean {
    return this.inSpeech;
  }

  /**
   * Feeds audio. `detect` (same length and timing, e.g. the signal before noise suppression, whose
   * noise is steadier) drives the speech decisions when given; `pcm` is what the utterance carries.
   */
  push(pcm: Buffer, detect: Buffer = pcm): void {
    this.pending = this.pending.length === 0 ? pcm : Buffer.concat([this.pending, pcm]);
    this.pendingDetect = detect === pcm ? null : this.pendingDetect === null || this.pendingDetect.length === 0 ? detect : Buffer.concat([this.pendingDetect, detect]);
    let off = 0;
    while (off + FRAME_BYTES <= this.pending.length && (this.pendingDetect === null || off + FRAME_BYTES <= this.pendingDetect.length)) {
      const frame = this.pending.subarray(off, off + FRAME_BYTES);
      this.frame(frame, this.pendingDetect === null ? frame : this.pendingDetect.subarray(off, off + FRAME_BYTES));
      off += FRAME_BYTES;
    }
    this.pending = Buffer.from(this.pending.subarray(off));
    if (this.pendingDetect !== null) this.pendingDetect = Buffer.from(this.pendingDetect.subarray(off));
  }

  /** End of stream: closes an open utterance. */
  flush(): void {
    if (this.inSpeech) this.close('stream_end');
  }

  private frame(frame: Buffer, detect: Buffer): void {
    this.frameIndex++;
    if (this.muted) {
      // Whatever was being said when our own voice started is not a command: drop it.
      if (this.inSpeech) this.close('silence', true);
      this.ring.length = 0;
      return;
    }
    // Level of the last 60 ms: steadier than single frames, still quick at onsets.
    this.recentPower.push(framePower(detect));
    if (this.recentPower.length > SMOOTH_FRAMES) this.recentPower.shift();
    const db = powerDb(this.recentPower.reduce((a, b) => a + b, 0) / this.recentPower.length);
    this.trackFloor(db);
    const floor = this.floorDb ?? db;
    const loud = db >= this.o.minLevelDb && db - floor >= (this.inSpeech ? this.o.continueDb : this.o.startDb);

    if (!this.inSpeech) {
      this.ring.push(frame);
      const keep = Math.ceil(this.o.preRollMs / FRAME_MS) + this.o.startFrames;
      while (this.ring.length > keep) this.ring.shift();
      this.loudRun = loud ? this.loudRun + 1 : 0;
      if (this.loudRun >= this.o.startFrames) {
        this.inSpeech = true;
        this.speechFrames = this.loudRun;
        this.uttFrames = this.ring.length;
        this.quietRun = 0;
        this.lastLoudFrame = this.frameIndex;
        this.recentDb = [];
        this.startFloorDb = floor;
        this.loudPower = 10 ** (db / 10);
        this.loudCount = 1;
        const audio = Buffer.concat(this.ring);
        this.ring.length = 0;
        this.events.onStart(audio, (this.frameIndex - this.uttFrames) * FRAME_MS);
      }
      return;
    }

    this.uttFrames++;
    this.recentDb.push(db);
    if (this.recentDb.length > 50) this.recentDb.shift();
    // Quiet frames are held back until speech resumes, so the engine never decodes the whole
    // hangover (recognisers like to hallucinate words in trailing noise); at the end only
    // `tailMs` of it is passed on.
    if (loud) {
      if (this.tail.length > 0) this.events.onAudio(Buffer.concat(this.tail.splice(0)));
      this.events.onAudio(frame);
      this.speechFrames++;
      this.loudPower += 10 ** (db / 10);
      this.loudCount++;
      this.quietRun = 0;
      this.lastLoudFrame = this.frameIndex;
    } else {
      this.tail.push(frame);
      this.quietRun++;
    }
    if (this.quietRun * FRAME_MS >= this.o.hangoverMs) this.close('silence');
    else if (this.uttFrames * FRAME_MS >= this.o.maxUtteranceMs) {
      // A sound that never stops (a machine starting up) is not speech: raise the floor to it.
      const mean = this.recentDb.reduce((a, b) => a + b, 0) / Math.max(1, this.recentDb.length);
      this.close('max_length');
      this.history.length = 0;
      this.history.push(mean - 3);
    }
  }

  /**
   * Noise floor = the quietest frame of the last `FLOOR_WINDOW` frames (speech always has gaps within
   * 1.5 s; a noise that starts and keeps going becomes the floor after 1.5 s).
   */
  private trackFloor(db: number): void {
    this.history.push(db);
    if (this.history.length > FLOOR_WINDOW) this.history.shift();
    // 10th percentile rather than the minimum: the smoothed level of steady noise still wobbles by a
    // few dB, and its minimum would put ordinary noise frames above the "still speaking" threshold.
    const sorted = [...this.history].sort((a, b) => a - b);
    this.floorDb = sorted[Math.floor(sorted.length * FLOOR_PERCENTILE)];
  }

  private close(reason: EndReason, discard = false): void {
    const keep = reason === 'silence' ? Math.ceil(this.o.tailMs / FRAME_MS) : this.tail.length;
    if (this.tail.length > 0 && keep > 0) this.events.onAudio(Buffer.concat(this.tail.slice(0, keep)));
    this.tail.length = 0;
    const end: UtteranceEnd = {
      reason,
      speechMs: this.speechFrames * FRAME_MS,
      durationMs: this.uttFrames * FRAME_MS,
      lastSpeechAtMs: this.lastLoudFrame * FRAME_MS,
      endedAtMs: this.frameIndex * FRAME_MS,
      snrDb: 10 * Math.log10(this.loudPower / Math.max(1, this.loudCount)) - this.startFloorDb,
    };
    this.inSpeech = false;
    this.loudRun = 0;
    this.quietRun = 0;
    this.ring.length = 0;
    if (discard || end.speechMs < this.o.minSpeechMs) this.events.onDiscard(end);
    else this.events.onEnd(end);
  }
}
