/**
 * Capture through node-record-lpcm16 with our recorder module, against a stand-in `arecord` on PATH
 * that behaves like the real one (raw PCM on stdout, exit code 1 on SIGTERM); WAV/raw file sources.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { recorderCommand, startCapture } from '../src/speech/audio/recorder.js';
import { createAudioSource, wavDataOffset } from '../src/speech/audio/sources.js';
import { soxRaw, synthesize } from './helpers/speech-audio.js';

let dir = '';
let savedPath = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'speech-capture-'));
  const fake = `#!/bin/sh
echo "$@" > "${dir}/args"
case "$*" in *broken*) echo "arecord: main:830: audio open error: No such file or directory" >&2; exit 1;; esac
trap 'exit 1' TERM
while true; do head -c 3200 /dev/zero; sleep 0.05; done
`;
  writeFileSync(join(dir, 'arecord'), fake);
  chmodSync(join(dir, 'arecord'), 0o755);
  savedPath = process.env.PATH ?? '';
  process.env.PATH = `${dir}:${savedPath}`;
});
after(() => {
  process.env.PATH = savedPath;
  rmSync(dir, { recursive: true, force: true });
});

test('recorder command lines: raw 16 kHz mono S16LE, device passed to arecord and to sox', () => {
  assert.deepEqual(recorderCommand({ program: 'arecord', device: 'plughw:1,0' }),
    { cmd: 'arecord', args: ['-D', 'plughw:1,0', '-q', '-r', '16000', '-c', '1', '-f', 'S16_LE', '-t', 'raw', '-'] });
  const sox = recorderCommand({ program: 'sox', device: 'hw:2' });
  assert.deepEqual(sox.args.slice(0, 4), ['-q', '-t', 'alsa', 'hw:2']);
  assert.ok(recorderCommand({ program: 'sox' }).args.includes('--default-device'));
});

test('capture via node-record-lpcm16 delivers PCM and a normal stop is not an error', async () => {
  const capture = startCapture({ program: 'arecord', device: 'plughw:7,0' });
  assert.equal(capture.via, 'node-record-lpcm16');
  const errors: Error[] = [];
  capture.onError((e) => errors.push(e));
  let bytes = 0;
  capture.stream.on('data', (d: Buffer) => { bytes += d.length; });
  await new Promise((r) => setTimeout(r, 300));
  capture.stop();
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(bytes >= 3200, `${bytes} bytes captured`);
  assert.deepEqual(errors, []);
  assert.equal(readFileSync(join(dir, 'args'), 'utf8').trim(), '-D plughw:7,0 -q -r 16000 -c 1 -f S16_LE -t raw -');
});

test('a recorder that fails (no such device) is reported as an error', async () => {
  const source = createAudioSource({ type: 'microphone', recorder: 'arecord', device: 'broken' });
  const err = await new Promise<Error>((resolve) => source.start(() => undefined, () => undefined, resolve));
  assert.match(err.message, /exited with error code 1|audio open error/);
  source.stop();
});

test('file sources: WAV header skipped, wrong WAV format refused, raw passed through', async () => {
  const pcm = synthesize('hello', 'slt');
  const wav = soxRaw(pcm, ['-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw'],
    ['-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'wav', '-']);
  assert.ok(wavDataOffset(wav) >= 44);
  assert.equal(wavDataOffset(pcm), 0);
  const wav8k = soxRaw(pcm, ['-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw'],
    ['-r', '8000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'wav', '-']);
  assert.throws(() => wavDataOffset(wav8k), /16 kHz mono 16-bit/);
  const file = join(dir, 'u.wav');
  writeFileSync(file, wav);
  const source = createAudioSource({ type: 'file', path: file, realtime: false });
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => source.start((c) => chunks.push(c), resolve, reject));
  const got = Buffer.concat(chunks);
  assert.equal(got.length, wav.length - wavDataOffset(wav));
  assert.ok(got.equals(wav.subarray(wavDataOffset(wav))));
});
