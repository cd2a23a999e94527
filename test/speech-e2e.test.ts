/**
 * Spoken end-to-end: 24 commands in flite (slt, rms, awb, kal16) and espeak-ng voices, the last 8
 * under continuous pink noise at 10 dB SNR, as ONE PCM stream through the daemon's speech input
 * (noise suppression -> endpointing -> pocketsphinx with the generated domain LM) -> the Needle
 * router -> policy -> mqtt driver -> a real Mosquitto. Asserts the published topics and payloads.
 * Needs the Needle model (models/needle/model.json); skipped with a notice without it.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../src/agent/paths.js';
import { loadNeedleRouter } from '../src/agent/needle/router.js';
import { buildStream, runSpeechE2E, summarize } from './helpers/speech-e2e.js';
import { ALL_VOICES } from './helpers/speech-fixture.js';

const MODEL = join(packageRoot(), 'models', 'needle', 'model.json');

test('spoken commands as one stream reach the right MQTT topics with the right payloads', { timeout: 240_000 }, async (t) => {
  if (!existsSync(MODEL)) {
    console.log(`# NOTICE: spoken end-to-end test skipped: no Needle model at ${MODEL}`);
    t.skip(`no Needle model at ${MODEL}`);
    return;
  }
  const plan = buildStream({ voices: ALL_VOICES, cleanCount: 16, noisyCount: 8, snrDb: 10, noiseKind: 'pinknoise' });
  const result = await runSpeechE2E(plan, { loadRouter: loadNeedleRouter, realtime: false });
  for (const o of result.outcomes) {
    t.diagnostic(`${o.ok ? 'ok  ' : 'MISS'} ${o.command.voice} ${o.command.snrDb === null ? 'clean' : `${o.command.snrDb}dB`} `
      + `"${o.command.text}" heard ${JSON.stringify(o.heard)}${o.why ? ` (${o.why})` : ''}`
      + ` confidence ${o.confidences.map((c) => `stt ${c.stt?.toFixed(2) ?? '-'} combined ${c.combined?.toFixed(2) ?? '-'}`).join(', ')}`
      + ` SNR ${o.conditions.map((c) => `${c.snrDb.toFixed(0)} dB${c.noiseAdapted === true ? ' (noise-adapted)' : ''}`).join(', ')}`);
  }
  const groups = summarize(result.outcomes);
  for (const g of groups) t.diagnostic(`${g.group}: ${g.ok}/${g.total}`);
  const clean = groups.find((g) => g.group === 'all clean');
  const noisy = groups.find((g) => g.group === 'all 10 dB');
  assert.ok(clean && noisy);
  // espeak-ng's voice is far harder for the en-us acoustic model than flite's (measured: 0/24 exact
  // transcripts clean); the bar for clean speech is held by the flite voices.
  const fliteClean = result.outcomes.filter((o) => o.command.snrDb === null && !o.command.voice.startsWith('espeak'));
  const fliteOk = fliteClean.filter((o) => o.ok).length;
  // Floors just under what the shipped router measures (flite clean 13/13, all clean 15/16, 10 dB
  // 6/8 with the noise-adapted decoder, 4/8 without; 1 wrong action, on a misheard command: "ten"
  // heard as "seven"; the same every run since the test audio's dither is repeatable). The issue's
  // goals (90% clean, 75% at 10 dB) are met, clean by flite's voices.
  assert.ok(fliteOk / fliteClean.length >= 0.84, `clean flite voices: ${fliteOk}/${fliteClean.length}`);
  // A wrong action is worse than none, and no device message may lack a spoken command behind it.
  // On a command heard right a wrong action is the router's; on a misheard one ("eighteen" heard as
  // "twenty two") the agent acts on what it heard.
  const wrong = result.outcomes.filter((o) => o.why?.startsWith('wrong call'));
  const heardRight = (o: (typeof wrong)[number]): boolean => o.heard.some((h) => h.replace(/^computer /, '') === o.command.text);
  const describe = (list: typeof wrong): string => list.map((o) => `${o.command.text} (heard ${JSON.stringify(o.heard)}): ${o.why}`).join('; ');
  assert.ok(wrong.filter(heardRight).length <= 1, `wrong actions on correctly heard commands: ${describe(wrong.filter(heardRight))}`);
  assert.ok(wrong.length <= 5, `wrong actions: ${describe(wrong)}`);
  assert.ok(result.unexpected.length <= wrong.length, `stray device messages: ${JSON.stringify(result.unexpected)}`);
  assert.ok(clean.ok / clean.total >= 0.75, `clean: ${clean.ok}/${clean.total}`);
  assert.ok(noisy.ok / noisy.total >= 0.6, `10 dB: ${noisy.ok}/${noisy.total}`);
  // The endpointer's SNR sends the noisy commands, and only those, to the noise-adapted decoder.
  for (const o of result.outcomes) {
    for (const c of o.conditions) {
      assert.equal(c.noiseAdapted, o.command.snrDb !== null, `"${o.command.text}" (${o.command.snrDb ?? 'clean'}): SNR estimated ${c.snrDb.toFixed(1)} dB, noise-adapted ${c.noiseAdapted}`);
    }
  }
});
