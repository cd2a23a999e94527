import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { ConfigError } from '../src/agent/config.js';
import { DEFAULT_NOISE_ADAPTATION_SNR_DB, defaultNoiseTransform, resolveSpeechConfig } from '../src/speech/config.js';
import { noiseAdaptationFor } from '../src/speech/engines/factory.js';
import { describeCall, feedbackFor, NOT_UNDERSTOOD } from '../src/speech/feedback.js';
import type { CommandResult } from '../src/agent/result.js';

test('speech config: defaults, relative paths against the config folder, clear errors', () => {
  const c = resolveSpeechConfig({}, '/etc/needle/agent.yaml');
  assert.equal(c.engine, 'pocketsphinx');
  assert.deepEqual(c.source, { type: 'microphone', recorder: 'arecord' });
  assert.equal(c.wakePhrase, 'computer');
  assert.equal(c.endpointing.hangoverMs, 500);
  assert.equal(c.pocketsphinx.beam, '1e-80');
  const v = resolveSpeechConfig({ engine: 'vosk', vosk: { model: 'vosk-model', library: '/opt/vosk/lib/libvosk.so' },
    source: { type: 'file', path: 'in.raw' }, wakePhrase: '' }, '/etc/needle/agent.yaml');
  assert.equal(v.vosk.model, '/etc/needle/vosk-model');
  assert.equal(v.source.type === 'file' && v.source.path, '/etc/needle/in.raw');
  assert.equal(v.wakePhrase, null);
  assert.throws(() => resolveSpeechConfig({ engine: 'whisper' }, 'a.yaml'),
    (e: unknown) => e instanceof ConfigError && /speech\.engine: expected one of: "pocketsphinx", "vosk"/.test(e.message));
  assert.throws(() => resolveSpeechConfig({ source: { type: 'microphone', recorder: 'pulse' } }, 'a.yaml'), ConfigError);
  assert.throws(() => resolveSpeechConfig({ endpointing: { hangoverMs: -1 } }, 'a.yaml'), /speech\.endpointing\.hangoverMs/);
});

test('speech config: noise adaptation is on with the shipped transform, off for another acoustic model without its own', () => {
  const c = resolveSpeechConfig({}, '/etc/needle/agent.yaml');
  assert.deepEqual(c.pocketsphinx.noiseAdaptation, { enabled: true, belowSnrDb: DEFAULT_NOISE_ADAPTATION_SNR_DB, mllr: defaultNoiseTransform() });
  assert.ok(existsSync(defaultNoiseTransform()), `shipped transform at ${defaultNoiseTransform()}`);
  const other = resolveSpeechConfig({ pocketsphinx: { hmm: 'my-model' } }, '/etc/needle/agent.yaml');
  assert.equal(other.pocketsphinx.noiseAdaptation.enabled, false);
  const own = resolveSpeechConfig({ pocketsphinx: { hmm: 'my-model', noiseAdaptation: { mllr: 'my-model.mllr', belowSnrDb: 20 } } }, '/etc/needle/agent.yaml');
  assert.deepEqual(own.pocketsphinx.noiseAdaptation, { enabled: true, mllr: '/etc/needle/my-model.mllr', belowSnrDb: 20 });
  assert.equal(resolveSpeechConfig({ pocketsphinx: { noiseAdaptation: { enabled: false } } }, 'a.yaml').pocketsphinx.noiseAdaptation.enabled, false);
  const warnings: string[] = [];
  assert.deepEqual(noiseAdaptationFor(c, warnings), { mllrPath: defaultNoiseTransform(), belowSnrDb: DEFAULT_NOISE_ADAPTATION_SNR_DB });
  assert.equal(noiseAdaptationFor(other, warnings), undefined);
  assert.deepEqual(warnings, []);
  // a release without the shipped file: plain decoding and a warning naming it
  const gone = resolveSpeechConfig({ pocketsphinx: { noiseAdaptation: { mllr: '/nowhere/en-us-noise.mllr' } } }, 'a.yaml');
  assert.equal(noiseAdaptationFor(gone, warnings, '/nowhere/en-us-noise.mllr'), undefined);
  assert.match(warnings.join(), /shipped noise transform \/nowhere\/en-us-noise\.mllr is missing/);
  // one the user configured is kept, and the engine reports it missing when it opens
  assert.deepEqual(noiseAdaptationFor(gone, []), { mllrPath: '/nowhere/en-us-noise.mllr', belowSnrDb: DEFAULT_NOISE_ADAPTATION_SNR_DB });
  assert.throws(() => resolveSpeechConfig({ pocketsphinx: { noiseAdaptation: { belowSnrDb: 'loud' } } }, 'a.yaml'),
    (e: unknown) => e instanceof ConfigError && /speech\.pocketsphinx\.noiseAdaptation\.belowSnrDb/.test(e.message));
});

test('spoken feedback sentences', () => {
  assert.equal(describeCall({ name: 'set_light', arguments: { room: 'living_room', state: 'on' } }), 'set light: living room, on');
  const base = { id: '1', source: 'speech', text: 't', normalizedText: 't', confidence: 0.9, routerConfidence: 0.9,
    timings: { normalizeMs: 0, encodeMs: 0, decodeMs: 0, routeMs: 0, policyMs: 0, driversMs: 0, totalMs: 0 } } as const;
  const ok: CommandResult = { ...base, status: 'ok', calls: [{ name: 'call_staff', arguments: {}, status: 'executed', detail: 'published' }] };
  assert.equal(feedbackFor(ok), 'call staff');
  assert.equal(feedbackFor({ ...base, status: 'no_match', calls: [] }), NOT_UNDERSTOOD);
  assert.match(feedbackFor({ ...base, status: 'confirmation_required', calls: [{ name: 'unlock_door', arguments: {}, status: 'needs_confirmation', detail: '' }] }) ?? '', /should I unlock door\? say yes or no/);
});
