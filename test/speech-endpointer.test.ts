import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Endpointer, type UtteranceEnd } from '../src/speech/audio/endpointer.js';
import { Denoiser, overSubtractionAt } from '../src/speech/audio/denoise.js';
import { WakeGate } from '../src/speech/wake.js';
import { addNoise, normalizeLevel, silence, synthesize } from './helpers/speech-audio.js';

const RATE = 16000;

/** A 300 Hz tone of `seconds` at `dbfs` (speech stand-in), or low noise when dbfs is null. */
function tone(seconds: number, dbfs: number | null, seed = 1): Buffer {
  const n = Math.round(seconds * RATE);
  const out = Buffer.alloc(n * 2);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const noise = ((x / 2147483648) - 0.5) * 40; // about -65 dBFS
    const amp = dbfs === null ? 0 : 32768 * 10 ** (dbfs / 20) * Math.SQRT2;
    out.writeInt16LE(Math.round(amp * Math.sin((2 * Math.PI * 300 * i) / RATE) + noise), i * 2);
  }
  return out;
}

interface Seen { starts: number[]; ends: UtteranceEnd[]; discards: UtteranceEnd[]; bytes: number[] }

function run(audio: Buffer[], options: ConstructorParameters<typeof Endpointer>[1] = {}): Seen {
  const seen: Seen = { starts: [], ends: [], discards: [], bytes: [] };
  let bytes = 0;
  const ep = new Endpointer({
    onStart: (a, at) => { seen.starts.push(at); bytes = a.length; },
    onAudio: (a) => { bytes += a.length; },
    onEnd: (e) => { seen.ends.push(e); seen.bytes.push(bytes); },
    onDiscard: (e) => seen.discards.push(e),
  }, options);
  // Odd chunk sizes: framing must not depend on how the source splits the stream.
  const all = Buffer.concat(audio);
  for (let off = 0; off < all.length; off += 1234) ep.push(all.subarray(off, Math.min(all.length, off + 1234)));
  ep.flush();
  return seen;
}

test('two spoken bursts separated by silence become two utterances with pre-roll and a short tail', () => {
  const seen = run([tone(1, null), tone(1.2, -20), tone(1, null), tone(0.8, -25), tone(1, null)]);
  assert.equal(seen.ends.length, 2);
  assert.equal(seen.discards.length, 0);
  assert.ok(Math.abs(seen.starts[0] - 1000) <= 320, `first start at ${seen.starts[0]} ms`);
  assert.ok(seen.ends[0].speechMs >= 1100 && seen.ends[0].speechMs <= 1300, `speech ${seen.ends[0].speechMs}`);
  assert.equal(seen.ends[0].reason, 'silence');
  // pre-roll (250 ms) + speech + tail (150 ms), not the whole 500 ms hangover
  const seconds = seen.bytes[0] / 2 / RATE;
  assert.ok(seconds > 1.45 && seconds < 1.75, `utterance audio ${seconds} s`);
  assert.ok(seen.ends[0].endedAtMs - seen.ends[0].lastSpeechAtMs >= 480, 'hangover before the end decision');
});

test('clicks are discarded; a sound that never stops becomes the noise floor instead of one endless utterance', () => {
  const clicks = run([tone(1, null), tone(0.1, -10), tone(1, null)]);
  assert.equal(clicks.ends.length, 0);
  assert.equal(clicks.discards.length, 1);
  const hum = run([tone(0.5, null), tone(12, -20)]);
  assert.equal(hum.ends.length, 1, `${hum.ends.length} utterances from one hum`);
  assert.ok(hum.ends[0].durationMs < 3000, `hum utterance ${hum.ends[0].durationMs} ms`);
  const capped = run([tone(0.5, null), tone(5, -20), tone(0.02, -60), tone(5, -20)], { maxUtteranceMs: 1000 });
  assert.equal(capped.ends[0].reason, 'max_length');
  assert.ok(capped.ends[0].durationMs <= 1000);
});

test('muted endpointer (own spoken feedback playing) reports nothing', () => {
  const seen: UtteranceEnd[] = [];
  const ep = new Endpointer({ onStart: () => undefined, onAudio: () => undefined, onEnd: (e) => seen.push(e), onDiscard: () => undefined });
  ep.muted = true;
  ep.push(Buffer.concat([tone(0.5, null), tone(1, -20), tone(1, null)]));
  assert.equal(seen.length, 0);
});

test('denoiser keeps a tone and suppresses steady noise; output length follows input', () => {
  const d = new Denoiser();
  const noise = tone(2, null, 7);
  const out = d.process(Buffer.concat([noise, tone(1, -20)]));
  assert.ok(Math.abs(out.length - (noise.length + RATE * 2)) <= 512 * 2);
  const rms = (b: Buffer): number => {
    let s = 0;
    for (let i = 0; i < b.length; i += 2) s += b.readInt16LE(i) ** 2;
    return Math.sqrt(s / (b.length / 2));
  };
  const noiseOut = out.subarray(RATE * 2 * 1, RATE * 2 * 2 - 1024);
  const toneOut = out.subarray(RATE * 2 * 2 + 1024, out.length - 1024);
  assert.ok(rms(noiseOut) < rms(noise.subarray(RATE * 2)) * 0.5, 'noise reduced');
  assert.ok(rms(toneOut) > 32768 * 10 ** (-20 / 20) * 0.8, 'tone kept');
});

test('denoiser over-subtracts by frame SNR: twice the noise at 0 dB, none extra from 20 dB up', () => {
  assert.equal(overSubtractionAt(-10), 2);
  assert.equal(overSubtractionAt(0), 2);
  assert.equal(overSubtractionAt(10), 1.5);
  assert.equal(overSubtractionAt(20), 1);
  assert.equal(overSubtractionAt(40), 1);
});

test('wake phrase gate: prefix, wake word alone opens a follow-up window, push-to-talk', () => {
  const gate = new WakeGate({ phrase: 'computer', pushToTalk: false, followUpMs: 5000 });
  assert.deepEqual(gate.decide('computer turn on the light', 0), { kind: 'command', text: 'turn on the light', via: 'wake_phrase' });
  assert.equal(gate.decide('turn on the light', 0).kind, 'ignored');
  assert.equal(gate.decide('', 0).kind, 'ignored');
  assert.equal(gate.decide('computer', 1000).kind, 'wake_only');
  assert.deepEqual(gate.decide('stop the conveyor', 3000), { kind: 'command', text: 'stop the conveyor', via: 'window' });
  assert.equal(gate.decide('stop the conveyor', 3500).kind, 'ignored', 'the window closes after one command');
  gate.open(2000, 10_000);
  assert.equal(gate.decide('call staff', 13_000).kind, 'ignored', 'window expired');
  const always = new WakeGate({ phrase: null, pushToTalk: false, followUpMs: 5000 });
  assert.equal(always.decide('call staff', 0).kind, 'command');
  const ptt = new WakeGate({ phrase: null, pushToTalk: true, followUpMs: 5000 });
  assert.equal(ptt.decide('call staff', 0).kind, 'ignored');
  ptt.open(5000, 0);
  assert.equal(ptt.decide('call staff', 100).kind, 'command');
});

test('the utterance SNR estimate follows the noise mixed into real speech', () => {
  const speech = normalizeLevel(synthesize('computer set the thermostat to twenty one degrees', 'slt'));
  const stream = Buffer.concat([silence(1.5), speech, silence(1)]);
  const estimate = (pcm: Buffer): number => {
    const seen = run([pcm]);
    assert.equal(seen.ends.length, 1, `one utterance, got ${seen.ends.length}`);
    return seen.ends[0].snrDb;
  };
  const at10 = estimate(addNoise(stream, 10, speech));
  const at20 = estimate(addNoise(stream, 20, speech));
  const clean = estimate(stream);
  // mean level of the loud frames against the 10th percentile of the noise: a little above the true SNR
  assert.ok(at10 >= 9 && at10 <= 14, `10 dB estimated as ${at10.toFixed(1)}`);
  assert.ok(at20 >= 19 && at20 <= 24, `20 dB estimated as ${at20.toFixed(1)}`);
  assert.ok(clean > 40, `clean speech in digital silence estimated as ${clean.toFixed(1)} dB`);
});
