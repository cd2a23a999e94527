/** speak driver with the real espeak-ng, rendering to WAV files. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createSpeakDriver, espeakArgs, speak } from '../src/drivers/speak.js';
import type { DriverContext } from '../src/drivers/types.js';

const ctx: DriverContext = { log: { info: () => undefined, warn: () => undefined, error: () => undefined }, mqtt: null };
const dir = mkdtempSync(join(tmpdir(), 'needle-speak-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Parses a PCM WAV header; returns the sample rate and seconds of audio. */
function wavInfo(buf: Buffer): { rate: number; channels: number; bits: number; seconds: number } {
  assert.equal(buf.toString('ascii', 0, 4), 'RIFF');
  assert.equal(buf.toString('ascii', 8, 12), 'WAVE');
  let off = 12;
  let fmt: { rate: number; channels: number; bits: number } | null = null;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    let size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ') {
      assert.equal(buf.readUInt16LE(off + 8), 1, 'PCM');
      fmt = { channels: buf.readUInt16LE(off + 10), rate: buf.readUInt32LE(off + 12), bits: buf.readUInt16LE(off + 22) };
    }
    if (id === 'data') {
      assert.ok(fmt, 'fmt chunk before data');
      // espeak-ng may leave the data size at 0x7fffffff when streaming; use what is in the file then.
      size = Math.min(size, buf.length - off - 8);
      return { ...fmt, seconds: size / (fmt.rate * fmt.channels * (fmt.bits / 8)) };
    }
    off += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

test('speaks a templated text into a valid RIFF/WAVE file of plausible length', async () => {
  const driver = createSpeakDriver();
  const out = join(dir, 'timer-{{label}}.wav');
  const r = await driver.execute(
    { driver: 'speak', text: 'The {{label}} timer is done', output: out, voice: 'en-us', speed: 160 },
    { name: 'announce', arguments: { label: 'pasta' } },
    ctx,
  );
  assert.equal(r.ok, true, r.detail);
  const file = join(dir, 'timer-pasta.wav');
  const info = wavInfo(readFileSync(file));
  assert.equal(info.channels, 1);
  assert.equal(info.bits, 16);
  assert.ok(info.rate >= 16000, `rate ${info.rate}`);
  assert.ok(info.seconds > 0.8 && info.seconds < 6, `${info.seconds} s of speech for six words`);
  // Audio is not silence.
  const pcm = readFileSync(file).subarray(44);
  let peak = 0;
  for (let i = 0; i + 1 < pcm.length; i += 2) peak = Math.max(peak, Math.abs(pcm.readInt16LE(i)));
  assert.ok(peak > 1000, `peak ${peak}`);
});

test('text that looks like an option is spoken, not parsed as a flag', async () => {
  const out = join(dir, 'dash.wav');
  const r = await speak('-w /tmp/evil.wav --help', { output: out });
  assert.equal(r.ok, true, r.detail);
  assert.ok(wavInfo(readFileSync(out)).seconds > 0.5);
  assert.deepEqual(espeakArgs({ output: out, voice: 'en' }), ['-v', 'en', '-w', out, '--stdin']);
});

test('a missing espeak-ng or an unknown voice is ok=false with a clear detail', async () => {
  const missing = createSpeakDriver({ espeakPath: join(dir, 'no-espeak') });
  let r = await missing.execute({ driver: 'speak', text: 'hello' }, { name: 'x', arguments: {} }, ctx);
  assert.equal(r.ok, false);
  assert.match(r.detail, /could not start.*ENOENT/);
  const out = join(dir, 'novoice.wav');
  r = await speak('hello', { output: out, voice: 'xx-nonexistent' });
  assert.equal(r.ok, false, `${r.detail} (file exists: ${existsSync(out)})`);
});
