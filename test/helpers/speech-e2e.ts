/**
 * The spoken end-to-end run shared by test/speech-e2e.test.ts and bench/speech.ts: one PCM stream of
 * spoken commands (flite + espeak-ng voices, a stretch with background noise) -> the daemon's speech
 * input (noise suppression -> endpointing -> pocketsphinx) -> Needle router -> policy -> mqtt driver
 * -> a real Mosquitto, observed by a separate MQTT client.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect, type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { parseConfig } from '../../src/agent/config.js';
import { Daemon, type RouterLoader } from '../../src/agent/daemon.js';
import { SystemdNotifier } from '../../src/agent/notify.js';
import type { JsonPrimitive } from '../../src/agent/types.js';
import { speechInputFactory } from '../../src/speech/daemon-input.js';
import { SpeechInput, type UtteranceReport } from '../../src/speech/input.js';
import { startMosquitto, type Broker } from './mosquitto.js';
import { activeRms, normalizeLevel, RATE, rms, silence, synthesize, type Voice } from './speech-audio.js';
import { SPOKEN_COMMANDS, WAKE_PHRASE, type SpokenCommand } from './speech-fixture.js';

/** The speech tools bound to zigbee2mqtt / Tasmota / Hermes / plain topics. */
export const E2E_TOOLS_YAML = `
tools:
  - name: set_light
    description: Switch the light in a room on or off
    parameters:
      type: object
      properties:
        room: { type: string, enum: [kitchen, living_room, bedroom, hallway, garage], description: Which room }
        state: { type: string, enum: ["on", "off"] }
      required: [room, state]
    action: { driver: mqtt, preset: zigbee2mqtt, device: "{{room}}_light", payload: { state: "{{state}}" } }
  - name: set_brightness
    description: Set the brightness of the light in a room, in percent
    parameters:
      type: object
      properties:
        room: { type: string, enum: [kitchen, living_room, bedroom, hallway, garage] }
        level: { type: integer, minimum: 0, maximum: 100, description: Brightness in percent }
      required: [room, level]
    action: { driver: mqtt, preset: zigbee2mqtt, device: "{{room}}_light", payload: { brightness_percent: "{{level}}" } }
  - name: set_thermostat
    description: Set the thermostat target temperature in degrees celsius
    parameters:
      type: object
      properties:
        temperature: { type: integer, minimum: 10, maximum: 30 }
      required: [temperature]
    action: { driver: mqtt, preset: zigbee2mqtt, device: thermostat, payload: { current_heating_setpoint: "{{temperature}}" } }
  - name: start_conveyor
    description: Start the conveyor belt
    parameters: { type: object, properties: {} }
    action: { driver: mqtt, preset: tasmota, device: conveyor_1, command: POWER, value: "ON" }
  - name: stop_conveyor
    description: Stop the conveyor belt
    parameters: { type: object, properties: {} }
    action: { driver: mqtt, preset: tasmota, device: conveyor_1, command: POWER, value: "OFF" }
  - name: call_staff
    description: Call a member of staff to the station
    parameters: { type: object, properties: {} }
    action: { driver: mqtt, preset: hermes }
  - name: set_timer
    description: Start a timer for a duration in seconds
    parameters:
      type: object
      properties:
        duration: { type: integer, minimum: 1, maximum: 7200, description: Duration in seconds }
      required: [duration]
    action: { driver: mqtt, topic: factory/timer/set, payload: { seconds: "{{duration}}" } }
`;

/** The MQTT message a correct call must produce. */
export function expectedMessage(call: SpokenCommand['call']): { topic: string; check: (payload: string) => boolean } {
  const a = call.arguments;
  const jsonIs = (want: Record<string, JsonPrimitive>) => (p: string): boolean => {
    try {
      const got = JSON.parse(p) as Record<string, unknown>;
      return Object.entries(want).every(([k, v]) => got[k] === v);
    } catch {
      return false;
    }
  };
  switch (call.name) {
    case 'set_light': return { topic: `zigbee2mqtt/${String(a.room)}_light/set`, check: jsonIs({ state: String(a.state).toUpperCase() }) };
    case 'set_brightness': return { topic: `zigbee2mqtt/${String(a.room)}_light/set`,
      check: jsonIs({ brightness: Math.round((Number(a.level) * 254) / 100) }) };
    case 'set_thermostat': return { topic: 'zigbee2mqtt/thermostat/set', check: jsonIs({ current_heating_setpoint: Number(a.temperature) }) };
    case 'start_conveyor': return { topic: 'cmnd/conveyor_1/POWER', check: (p) => p === 'ON' };
    case 'stop_conveyor': return { topic: 'cmnd/conveyor_1/POWER', check: (p) => p === 'OFF' };
    case 'call_staff': return { topic: 'hermes/intent/call_staff',
      check: (p) => (JSON.parse(p) as { intent?: { intentName?: string } }).intent?.intentName === 'call_staff' };
    case 'set_timer': return { topic: 'factory/timer/set', check: jsonIs({ seconds: Number(a.duration) }) };
    default: throw new Error(`no expectation for ${call.name}`);
  }
}

export interface E2ECommand extends SpokenCommand {
  voice: Voice;
  /** null: clean; else the SNR (dB) of the background noise. */
  snrDb: number | null;
  /** Where the spoken command lies in the stream (ms). */
  startMs: number;
  endMs: number;
}

export interface E2EPlan {
  commands: E2ECommand[];
  pcm: Buffer;
  noiseKind: string;
}

/**
 * One stream: `clean` commands with silence between them, then background noise (sox `noiseKind`)
 * that starts 3 s before the first noisy command and continues to the end, at `snrDb` relative to the
 * active speech level of the noisy commands.
 */
export function buildStream(options: { voices: Voice[]; cleanCount: number; noisyCount: number; snrDb: number;
  noiseKind?: string; gapS?: number }): E2EPlan {
  const gap = options.gapS ?? 1.2;
  const noiseKind = options.noiseKind ?? 'pinknoise';
  const commands: E2ECommand[] = [];
  const parts: Buffer[] = [silence(1)];
  let offset = parts[0].length;
  const total = options.cleanCount + options.noisyCount;
  let noiseFrom = 0;
  const noisySpeech: Buffer[] = [];
  for (let i = 0; i < total; i++) {
    const c = SPOKEN_COMMANDS[i % SPOKEN_COMMANDS.length];
    const voice = options.voices[i % options.voices.length];
    const noisy = i >= options.cleanCount;
    if (noisy && i === options.cleanCount) {
      // The noise starts 3 s before the first noisy command (its onset is heard as a sound of its own).
      parts.push(silence(3));
      noiseFrom = offset;
      offset += silence(3).length;
    }
    // Every command at the same speech level, so the SNR holds for each of them.
    const speech = normalizeLevel(synthesize(`${WAKE_PHRASE}, ${c.text}`, voice));
    if (noisy) noisySpeech.push(speech);
    commands.push({ ...c, voice, snrDb: noisy ? options.snrDb : null, startMs: (offset / 2 / RATE) * 1000,
      endMs: ((offset + speech.length) / 2 / RATE) * 1000 });
    parts.push(speech, silence(gap));
    offset += speech.length + silence(gap).length;
  }
  const pcm = Buffer.concat(parts);
  if (options.noisyCount > 0) {
    const seconds = (pcm.length - noiseFrom) / 2 / RATE;
    const noise = execFileSync('sox', ['-R', '-n', '-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-',
      'synth', seconds.toFixed(3), noiseKind], { maxBuffer: 1 << 28 });
    const gain = activeRms(Buffer.concat(noisySpeech)) / (rms(noise) * 10 ** (options.snrDb / 20));
    for (let i = 0; i < (pcm.length - noiseFrom) / 2 && i < noise.length / 2; i++) {
      const at = noiseFrom + i * 2;
      const v = pcm.readInt16LE(at) + gain * noise.readInt16LE(i * 2);
      pcm.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v))), at);
    }
  }
  return { commands, pcm, noiseKind };
}

export interface E2EOutcome {
  command: E2ECommand;
  /** Transcript(s) of the utterance(s) that overlapped the command. */
  heard: string[];
  /** Per utterance: the recogniser's mean word confidence and the decision's (router x recogniser). */
  confidences: Array<{ stt?: number; combined?: number }>;
  /** Per utterance: the endpointer's SNR estimate and whether the noise-adapted decoder answered. */
  conditions: Array<{ snrDb: number; noiseAdapted?: boolean }>;
  ok: boolean;
  /** What went wrong, for the report. */
  why?: string;
  /** End of utterance (endpointer decision) -> matching MQTT message at the observer, ms. */
  publishMs?: number;
  /** The STT's share of that. */
  sttMs?: number;
}

export interface E2EResult {
  outcomes: E2EOutcome[];
  reports: UtteranceReport[];
  /** Messages on device topics that no expected command explains. */
  unexpected: Array<{ topic: string; payload: string }>;
}

interface Observed { topic: string; payload: string; at: number; used: boolean }

/** Runs the stream through a real daemon; `realtime` paces the audio like a microphone would. */
export async function runSpeechE2E(plan: E2EPlan, options: { loadRouter: RouterLoader; realtime: boolean; log?: boolean }): Promise<E2EResult> {
  const dir = mkdtempSync(join(tmpdir(), 'speech-e2e-'));
  let broker: Broker | null = null;
  let observer: MqttClient | null = null;
  let daemon: Daemon | null = null;
  try {
    broker = await startMosquitto();
    const file = join(dir, 'stream.raw');
    writeFileSync(file, plan.pcm);
    const yaml = `
mqtt: { url: ${broker.url}, clientId: speech-e2e-${process.pid}, baseTopic: e2e/agent, connectTimeoutMs: 3000 }
inputs: { stdin: { enabled: false }, http: { enabled: false }, mqtt: { enabled: true } }
drivers: { stateDir: ${dir} }
speech:
  engine: pocketsphinx
  source: { type: file, path: ${file}, realtime: ${options.realtime} }
  wakePhrase: ${WAKE_PHRASE}
  feedback: false
${E2E_TOOLS_YAML}`;
    const parsed = parseConfig(yaml, 'speech-e2e.yaml', dir);
    const observed: Observed[] = [];
    observer = connect(broker.url, { clientId: `speech-e2e-observer-${process.pid}`, clean: true });
    observer.on('error', () => undefined);
    observer.on('message', (topic, payload) => observed.push({ topic, payload: payload.toString('utf8'), at: performance.now(), used: false }));
    const obs = observer;
    await new Promise<void>((resolve, reject) => obs.once('connect', () =>
      obs.subscribe(['zigbee2mqtt/#', 'cmnd/#', 'hermes/#', 'factory/#'], { qos: 1 }, (err) => (err ? reject(err) : resolve()))));
    const reports: UtteranceReport[] = [];
    let sourceDone: () => void = () => undefined;
    const done = new Promise<void>((r) => { sourceDone = r; });
    const factory = speechInputFactory({ onUtterance: (r) => reports.push(r) });
    daemon = new Daemon({
      config: parsed.config,
      log: pino({ level: options.log ? 'info' : 'silent' }),
      loadRouter: options.loadRouter,
      notifier: new SystemdNotifier({}),
      inputFactories: [(ctx) => {
        const input = factory(ctx);
        if (input instanceof SpeechInput) void input.ended.then(() => sourceDone());
        return input;
      }],
    });
    await daemon.start();
    await done;
    // Let the last publishes arrive.
    await new Promise((r) => setTimeout(r, 500));

    const outcomes: E2EOutcome[] = [];
    for (const c of plan.commands) {
      // The utterance that carries this command: it overlaps the command's span.
      const mine = reports.filter((r) => r.end.lastSpeechAtMs >= c.startMs && r.end.lastSpeechAtMs - r.end.speechMs <= c.endMs + 200);
      const heard = mine.map((r) => r.transcript.text);
      const executed = mine.flatMap((r) => (r.result?.calls ?? []).filter((k) => k.status === 'executed').map((k) => ({ k, r })));
      const confidences = mine.map((r) => ({ stt: r.sttConfidence, combined: r.result?.confidence }));
      const conditions = mine.map((r) => ({ snrDb: r.end.snrDb,
        ...(r.transcript.noiseAdapted !== undefined ? { noiseAdapted: r.transcript.noiseAdapted } : {}) }));
      const outcome: E2EOutcome = { command: c, heard, confidences, conditions, ok: false };
      const want = expectedMessage(c.call);
      const match = executed.find(({ k }) => k.name === c.call.name
        && JSON.stringify(Object.entries(k.arguments).sort()) === JSON.stringify(Object.entries(c.call.arguments).sort()));
      if (match === undefined) {
        const got = executed.map(({ k }) => `${k.name}${JSON.stringify(k.arguments)}`).join('; ');
        const statuses = mine.map((r) => r.result?.status ?? r.skipped ?? r.decision.kind).join(',');
        outcome.why = got !== '' ? `wrong call ${got}` : `no call (${statuses || 'not heard'})`;
      } else {
        const msg = observed.find((m) => !m.used && m.topic === want.topic && m.at >= match.r.endedAt && want.check(m.payload));
        if (msg === undefined) outcome.why = `no MQTT message on ${want.topic}`;
        else {
          msg.used = true;
          outcome.ok = executed.length === 1;
          if (!outcome.ok) outcome.why = `extra calls: ${executed.length}`;
          outcome.publishMs = msg.at - match.r.endedAt;
          outcome.sttMs = match.r.sttMs;
        }
      }
      outcomes.push(outcome);
    }
    const unexpected = observed.filter((m) => !m.used).map(({ topic, payload }) => ({ topic, payload }));
    return { outcomes, reports, unexpected };
  } finally {
    await daemon?.stop('e2e done');
    observer?.end(true);
    await broker?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "voice/noise: ok/total" lines. */
export function summarize(outcomes: readonly E2EOutcome[]): Array<{ group: string; ok: number; total: number }> {
  const groups = new Map<string, { ok: number; total: number }>();
  const add = (key: string, ok: boolean): void => {
    const g = groups.get(key) ?? { ok: 0, total: 0 };
    g.total++;
    if (ok) g.ok++;
    groups.set(key, g);
  };
  for (const o of outcomes) {
    const noise = o.command.snrDb === null ? 'clean' : `${o.command.snrDb} dB`;
    add(`${o.command.voice} ${noise}`, o.ok);
    add(`all ${noise}`, o.ok);
  }
  return [...groups].map(([group, g]) => ({ group, ...g })).sort((a, b) => a.group.localeCompare(b.group));
}
