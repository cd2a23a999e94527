/**
 * Streaming noise suppression for stationary noise (fans, hum, hiss): STFT (512-point frames, 50%
 * overlap, sqrt-Hann windows) with a decision-directed Wiener gain against a tracked noise spectrum.
 * The noise estimate starts from the first frames, then follows the noise by minimum statistics.
 * Adds one hop (16 ms) of delay.
 */
import { fft } from './fft.js';

const N = 512;
const HOP = N / 2;
const SUBLEN = 12;
const SUBWINDOWS = 8;
/** The minimum of a noisy power estimate sits below its mean; this brings it back up. */
const MIN_BIAS = 2;

export interface DenoiseOptions {
  /** Lowest gain per bin (default 0.2, i.e. -14 dB), which limits "musical noise". */
  gainFloor?: number;
  /** Decision-directed smoothing (default 0.8; 0.98 is the textbook value, 0.8 recognised better here). */
  alpha?: number;
  /** Frames averaged for the initial noise estimate (default 8, ~130 ms). */
  initFrames?: number;
  /**
   * Over-subtraction: the noise estimate is scaled by this before computing the gain. Default: from
   * each frame's SNR (Berouti et al.), OVER_AT_0DB at 0 dB falling by OVER_SLOPE per dB to 1 at 20 dB
   * and above, so noisy audio is suppressed harder and clean audio is left alone.
   */
  overSubtraction?: number;
}

/** Frame-SNR over-subtraction (measured on 100 noisy commands, 5 voices: see README, speech). */
const OVER_AT_0DB = 2;
const OVER_SLOPE = 0.05;

/** The over-subtraction factor for a frame with this SNR in dB. */
export function overSubtractionAt(snrDb: number): number {
  return Math.min(OVER_AT_0DB, Math.max(1, OVER_AT_0DB - OVER_SLOPE * snrDb));
}

/** A frame's SNR in dB: its power above the noise estimate against the noise estimate. */
function frameSnrDb(power: Float64Array, noise: Float64Array): number {
  let total = 0;
  let noiseTotal = 0;
  for (let k = 0; k < power.length; k++) { total += power[k]; noiseTotal += noise[k]; }
  return 10 * Math.log10(Math.max(total - noiseTotal, 1e-9) / Math.max(noiseTotal, 1e-9));
}

export class Denoiser {
  private readonly window = new Float64Array(N);
  private readonly inBuf = new Float64Array(N);
  private inFill = N - HOP;
  private readonly olap = new Float64Array(HOP);
  private readonly noise = new Float64Array(N / 2 + 1);
  private readonly prevClean = new Float64Array(N / 2 + 1);
  private frames = 0;
  private readonly gainFloor: number;
  private readonly alpha: number;
  private readonly initFrames: number;
  /** fixed over-subtraction, or null: from each frame's SNR */
  private readonly over: number | null;
  /** Minimum statistics: smoothed power, and its minima over SUBWINDOWS sub-windows of SUBLEN frames. */
  private readonly smooth = new Float64Array(N / 2 + 1);
  private readonly subMins: Float64Array[] = [];
  private readonly curMin = new Float64Array(N / 2 + 1).fill(Infinity);
  private subCount = 0;

  constructor(options: DenoiseOptions = {}) {
    for (let i = 0; i < N; i++) this.window[i] = Math.sqrt(0.5 - 0.5 * Math.cos((2 * Math.PI * i) / N));
    this.gainFloor = options.gainFloor ?? 0.2;
    this.alpha = options.alpha ?? 0.8;
    this.initFrames = options.initFrames ?? 8;
    this.over = options.overSubtraction ?? null;
  }

  /** Feeds S16LE PCM, returns the denoised S16LE PCM available so far (a multiple of one hop). */
  process(pcm: Buffer): Buffer {
    const out: number[] = [];
    for (let i = 0; i + 1 < pcm.length; i += 2) {
      this.inBuf[this.inFill++] = pcm.readInt16LE(i);
      if (this.inFill === N) {
        this.frame(out);
        this.inBuf.copyWithin(0, HOP);
        this.inFill = N - HOP;
      }
    }
    const buf = Buffer.alloc(out.length * 2);
    for (let i = 0; i < out.length; i++) buf.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(out[i]))), i * 2);
    return buf;
  }

  /**
   * Noise spectrum = the minimum of the smoothed power over the last ~1.5 s, times a bias: speech
   * never fills every bin for that long, so the minimum follows the noise, including a noise that
   * starts or stops (it takes over within the window), without a speech detector.
   */
  private trackNoise(power: Float64Array): void {
    const bins = power.length;
    if (this.frames === 1) this.smooth.set(power);
    for (let k = 0; k < bins; k++) {
      this.smooth[k] = 0.8 * this.smooth[k] + 0.2 * power[k];
      if (this.smooth[k] < this.curMin[k]) this.curMin[k] = this.smooth[k];
    }
    if (this.frames <= this.initFrames) {
      for (let k = 0; k < bins; k++) this.noise[k] += (power[k] - this.noise[k]) / this.frames;
    }
    if (++this.subCount < SUBLEN) return;
    this.subCount = 0;
    this.subMins.push(Float64Array.from(this.curMin));
    if (this.subMins.length > SUBWINDOWS) this.subMins.shift();
    this.curMin.fill(Infinity);
    for (let k = 0; k < bins; k++) {
      let m = Infinity;
      for (const sub of this.subMins) if (sub[k] < m) m = sub[k];
      this.noise[k] = MIN_BIAS * m;
    }
  }

  private frame(out: number[]): void {
    const re = new Float64Array(N);
    const im = new Float64Array(N);
    for (let i = 0; i < N; i++) re[i] = this.inBuf[i] * this.window[i];
    fft(re, im);
    const bins = N / 2 + 1;
    const power = new Float64Array(bins);
    for (let k = 0; k < bins; k++) power[k] = re[k] * re[k] + im[k] * im[k];
    this.frames++;
    this.trackNoise(power);
    const over = this.over ?? overSubtractionAt(frameSnrDb(power, this.noise));
    for (let k = 0; k < bins; k++) {
      const nk = Math.max(over * this.noise[k], 1e-3);
      const post = power[k] / nk;
      const prio = this.alpha * (this.prevClean[k] / nk) + (1 - this.alpha) * Math.max(post - 1, 0);
      const g = Math.max(this.gainFloor, prio / (1 + prio));
      this.prevClean[k] = g * g * power[k];
      re[k] *= g; im[k] *= g;
      if (k > 0 && k < N / 2) { re[N - k] *= g; im[N - k] *= g; }
    }
    fft(re, im, true);
    for (let i = 0; i < HOP; i++) out.push(this.olap[i] + re[i] * this.window[i]);
    for (let i = 0; i < HOP; i++) this.olap[i] = re[HOP + i] * this.window[HOP + i];
  }
}
