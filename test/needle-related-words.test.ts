/**
 * Related words (WordNet, models/needle/lexicon.json.gz): which word pairs meet, which source
 * positions the router flags, the flag the encoder gets, and what it changes in routing with the
 * shipped model. The router has no mock here: real lexicon, real tokenizer, real ONNX model.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { readConfig } from '../src/agent/config.js';
import { Daemon } from '../src/agent/daemon.js';
import { SystemdNotifier } from '../src/agent/notify.js';
import { Lexicon, relatedPositions, ToolHeads } from '../src/agent/needle/related-words.js';
import { LEXICON_FILE, NeedleRuntime } from '../src/agent/needle/router.js';
import { encodeQuery, encodeTool, pointerTags, wordSpans } from '../src/agent/needle/serialize.js';
import { Tokenizer } from '../src/agent/needle/tokenizer.js';
import type { ToolSchema } from '../src/agent/types.js';
import { testModelDir as modelDir } from './helpers/model-dir.js';

const lexicon = Lexicon.load(join(modelDir, LEXICON_FILE));
const tok = Tokenizer.load(join(modelDir, 'tokenizer.json'));
const tmp = mkdtempSync(join(tmpdir(), 'needle-lexicon-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const curtains: ToolSchema = {
  name: 'set_curtains',
  description: 'Open or close the curtains',
  parameters: { type: 'object', properties: { action: { type: 'string', enum: ['open', 'close'] } }, required: ['action'] },
};
const cleaner: ToolSchema = {
  name: 'robot_cleaner',
  description: 'Send the robot cleaner to a room',
  parameters: { type: 'object', properties: { room: { type: 'string', description: 'Which room', enum: ['kitchen', 'hall', 'bedroom'] } }, required: ['room'] },
};
const distractors: ToolSchema[] = [
  { name: 'roller_shutter', description: 'Open or close a roller shutter', parameters: { type: 'object', properties: { position: { type: 'integer', minimum: 0, maximum: 100 } }, required: ['position'] } },
  { name: 'washCycle', description: 'Start a washing machine program', parameters: { type: 'object', properties: { program: { type: 'string', enum: ['cotton', 'wool', 'quick'] } }, required: ['program'] } },
  { name: 'find_booking', description: 'Look up a booking by name', parameters: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
  { name: 'camera_view', description: 'Show the image of a camera', parameters: { type: 'object', properties: { cam: { type: 'string', description: 'Which camera', enum: ['nursery', 'front_door', 'backyard'] } }, required: ['cam'] } },
];
const tools = [...distractors, curtains, cleaner];

describe('Lexicon', () => {
  it('relates synonyms, a word and its broader concept, and a verb and its noun', () => {
    assert.equal(lexicon.related('shut', 'close'), true); // synonyms
    assert.equal(lexicon.related('drapes', 'curtain'), true); // synonyms, "drapes" found as "drape"
    assert.equal(lexicon.related('clean', 'vacuum'), true); // to vacuum is to clean
    assert.equal(lexicon.related('help', 'assistant'), true); // "help" names an assistant
    assert.equal(lexicon.related('laundry', 'washing'), true); // synonyms, "washing" a noun
    assert.equal(lexicon.related('hoover', 'cleaner'), true); // to hoover is to vacuum; a vacuum is a cleaner
  });

  it('relates "someone" to the kinds of person, not the kinds of person to each other', () => {
    assert.equal(lexicon.related('someone', 'employee'), true);
    assert.equal(lexicon.related('attendant', 'somebody'), true);
    assert.equal(lexicon.related('person', 'assistants'), true);
    assert.equal(lexicon.related('employee', 'guest'), false);
    assert.equal(lexicon.related('someone', 'kitchen'), false);
  });

  it('does not relate siblings, unrelated words or a word to itself', () => {
    assert.equal(lexicon.related('kitchen', 'bedroom'), false); // both rooms: siblings only
    assert.equal(lexicon.related('curtain', 'pump'), false);
    assert.equal(lexicon.related('camera', 'camera'), false); // shared words are matched as such
    assert.equal(lexicon.related('xyzzy', 'curtain'), false); // not in WordNet
  });

  it('can be limited to synonyms', () => {
    const synonymsOnly = Lexicon.load(join(modelDir, LEXICON_FILE));
    synonymsOnly.broaderToo = false;
    assert.equal(synonymsOnly.related('shut', 'close'), true);
    assert.equal(synonymsOnly.related('clean', 'vacuum'), false);
  });

  it('names a missing, corrupt or foreign lexicon file', () => {
    assert.throws(() => Lexicon.load(join(tmp, 'absent.json.gz')), /lexicon .*absent\.json\.gz: .*ENOENT/);
    writeFileSync(join(tmp, 'corrupt.json.gz'), 'not gzip at all');
    assert.throws(() => Lexicon.load(join(tmp, 'corrupt.json.gz')), /lexicon .*corrupt\.json\.gz: .*(header|incorrect)/);
    writeFileSync(join(tmp, 'foreign.json.gz'), gzipSync(JSON.stringify({ hello: 'world' })));
    assert.throws(() => Lexicon.load(join(tmp, 'foreign.json.gz')), /not a needle lexicon/);
    writeFileSync(join(tmp, 'format.json.gz'), gzipSync(JSON.stringify({ format: 'other-2', words: {} })));
    assert.throws(() => Lexicon.load(join(tmp, 'format.json.gz')), /unknown format other-2/);
  });
});

describe('related positions', () => {
  const query = encodeQuery(tok, 'open the drapes in the kitchen');
  const ids = [...query, ...tools.flatMap((t, i) => encodeTool(tok, t, i + 1))];
  const spans = wordSpans(tok, ids);
  const wordsAt = (positions: Set<number>): string[] => spans.filter((s) => s.positions.some((p) => positions.has(p))).map((s) => s.word);

  it('flags the utterance word and the tool-head word it is related to, nothing else', () => {
    const flagged = relatedPositions(tok, lexicon, ids);
    assert.deepEqual(wordsAt(flagged), ['drapes', 'curtains', 'curtains']); // in set_curtains' name and description
  });

  it('reads a tool set\'s heads once and relates each new utterance to them', () => {
    const toolIds = tools.flatMap((t, i) => encodeTool(tok, t, i + 1));
    const heads = new ToolHeads(tok, toolIds);
    for (const text of ['open the drapes in the kitchen', 'hoover the hall', 'what a lovely day']) {
      const q = encodeQuery(tok, text);
      assert.deepEqual([...heads.related(tok, lexicon, q)].sort((a, b) => a - b), [...relatedPositions(tok, lexicon, [...q, ...toolIds])].sort((a, b) => a - b), text);
    }
    // the same heads serve utterances of any length: positions past the utterance are the tools'
    const hoover = encodeQuery(tok, 'please could you hoover the hall');
    const flagged = heads.related(tok, lexicon, hoover);
    assert.ok([...flagged].some((p) => p >= hoover.length), 'a tool-head word is flagged');
    assert.ok([...flagged].some((p) => p < hoover.length), 'an utterance word is flagged');
  });

  it('leaves parameter descriptions and enum values to literal matching', () => {
    // the curtains are only named in a parameter's description and an enum value here
    const bare: ToolSchema = {
      name: 'window_dressing', description: 'Move it',
      parameters: { type: 'object', properties: { what: { type: 'string', description: 'curtain or blind', enum: ['curtain', 'blind'] } }, required: ['what'] },
    };
    const q = encodeQuery(tok, 'open the drapes');
    assert.equal(relatedPositions(tok, lexicon, [...q, ...encodeTool(tok, bare, 1)]).size, 0);
  });

  it('gives related tokens the flag value asked for, and shared tokens 1', () => {
    const flagged = relatedPositions(tok, lexicon, ids);
    const n = ids.length;
    for (const value of [1, 2] as const) {
      const tags = pointerTags(tok, ids, undefined, flagged, value);
      for (const p of flagged) assert.equal(tags[4 * n + p], value);
    }
    const kitchenAt = spans.find((s) => s.word === 'kitchen' && s.positions[0] < query.length) as { positions: number[] };
    assert.equal(pointerTags(tok, ids, undefined, flagged, 2)[4 * n + kitchenAt.positions[0]], 1); // an enum value of robot_cleaner: shared
  });
});

describe('routing with related words (shipped model)', () => {
  let withLexicon: NeedleRuntime;
  let without: NeedleRuntime;
  before(async () => {
    withLexicon = await NeedleRuntime.load(modelDir);
    without = await NeedleRuntime.load(modelDir, 'fp32', 1, false);
  });
  after(async () => {
    await withLexicon.model.release();
    await without.model.release();
  });

  it('loads the lexicon shipped beside the model', () => {
    assert.notEqual(withLexicon.lexicon, null);
    assert.equal(without.lexicon, null);
  });

  it('calls the tool the utterance names by a related word, not by its own', async () => {
    const open = { name: 'set_curtains', arguments: { action: 'open' } };
    // (v7 answered [] here without the lexicon; v8, trained longer with related words flagged, already
    // opens the curtains from the words alone, so only the answer with the lexicon is asserted)
    assert.deepEqual((await (await withLexicon.bind(tools)).route('open the drapes')).calls, [open]);
    // without the lexicon the nearest literal match wins: the roller shutter
    const close = { name: 'set_curtains', arguments: { action: 'close' } };
    assert.equal((await (await without.bind(tools)).route('close the drapes please')).calls[0]?.name, 'roller_shutter');
    assert.deepEqual((await (await withLexicon.bind(tools)).route('close the drapes please')).calls, [close]);
  });

  it('sends "someone" to the tool that asks an employee', async () => {
    // a generated example of an unseen family (fresh set, seed 8787): its tools as generated
    const staff = [
      {"name": "energy_usage", "description": "Energy meter query", "parameters": {"type": "object", "properties": {"period": {"type": "string", "description": "Reporting period", "enum": ["this_month", "today", "this_week", "yesterday"]}}, "required": ["period"]}},
      {"name": "dishwasherProgram", "description": "Start the dishwasher with a program, optionally delayed", "parameters": {"type": "object", "properties": {"cycle": {"type": "string", "description": "Wash program", "enum": ["glass", "intensive", "quick", "eco"]}, "delay": {"type": "integer", "description": "Delay before start in seconds"}}, "required": ["cycle", "delay"]}},
      {"name": "CallStaff", "description": "Request assistance from an employee", "parameters": {"type": "object", "properties": {"location": {"type": "string", "description": "Where help is needed", "enum": ["self_checkout", "entrance", "garden_center", "fitting_rooms", "checkout", "electronics", "kiosk"]}, "issue": {"type": "string", "description": "Optional reason"}}, "required": ["location"]}},
      {"name": "feeder", "description": "Dispense portions from the automatic pet feeder", "parameters": {"type": "object", "properties": {"portions": {"type": "integer", "description": "Number of portions", "minimum": 1, "maximum": 5}}, "required": ["portions"]}},
    ] as ToolSchema[];
    assert.deepEqual((await (await without.bind(staff)).route('get someone to garden center')).calls, []);
    assert.deepEqual((await (await withLexicon.bind(staff)).route('get someone to garden center')).calls, [{ name: 'CallStaff', arguments: { location: 'garden_center' } }]);
  });

  it('still answers [] to chit-chat beside the same tools', async () => {
    const router = await withLexicon.bind(tools);
    for (const text of ['what a lovely day', 'tell me a joke']) assert.deepEqual((await router.route(text)).calls, [], text);
  });
});

describe('a lexicon that is missing or unreadable', () => {
  it('leaves the router routing on shared words, with a warning naming the file', async () => {
    const dir = join(tmp, 'model-corrupt-lexicon');
    cpSync(modelDir, dir, { recursive: true });
    writeFileSync(join(dir, LEXICON_FILE), 'not gzip at all');
    const runtime = await NeedleRuntime.load(dir);
    try {
      assert.equal(runtime.lexicon, null);
      const router = await runtime.bind(tools);
      assert.match(router.warnings.join('\n'), /related words off: lexicon .*lexicon\.json\.gz: .*trained with them/);
      assert.deepEqual((await router.route('send the robot cleaner to the kitchen')).calls, [{ name: 'robot_cleaner', arguments: { room: 'kitchen' } }]);
    } finally {
      await runtime.model.release();
    }
  });

  it('says so when a model trained with related words has no lexicon beside it', async () => {
    const dir = join(tmp, 'model-no-lexicon');
    cpSync(modelDir, dir, { recursive: true });
    rmSync(join(dir, LEXICON_FILE));
    const runtime = await NeedleRuntime.load(dir);
    try {
      assert.equal(runtime.lexicon, null);
      assert.match(runtime.warnings.join('\n'), /related words off: no lexicon\.json\.gz in .*model-no-lexicon/);
    } finally {
      await runtime.model.release();
    }
    // asked to route without it: no warning
    const plain = await NeedleRuntime.load(modelDir, 'fp32', 1, false);
    assert.deepEqual(plain.warnings, []);
    await plain.model.release();
  });
});

describe('the daemon with a model folder that lacks the lexicon', () => {
  it('logs the router warning at start and still routes', async () => {
    const dir = join(tmp, 'daemon-model');
    cpSync(modelDir, dir, { recursive: true });
    rmSync(join(dir, LEXICON_FILE));
    const { config } = readConfig(); // the embedded default
    config.router = { ...config.router, modelDir: dir };
    config.mqtt = { ...config.mqtt, url: 'mqtt://127.0.0.1:1', clientId: `lexicon-${process.pid}`, connectTimeoutMs: 200 };
    config.inputs = { ...config.inputs, stdin: { enabled: false }, http: { ...config.inputs.http, port: 0 } };
    config.drivers = { stateDir: join(tmp, 'daemon-state') };
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } });
    const daemon = new Daemon({ config, log: pino({ level: 'warn' }, sink), notifier: new SystemdNotifier({}) });
    try {
      await daemon.start();
      const warned = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40 && l.msg.includes('related words off'));
      assert.equal(warned.length, 1, lines.join(''));
      assert.match(warned[0].msg, /no lexicon\.json\.gz in .*daemon-model/);
      const result = await daemon.pipeline.handle({ text: 'turn on the kitchen light', source: 'http', id: 'lexicon-1' });
      assert.notEqual(result.status, 'error', JSON.stringify(result));
    } finally {
      await daemon.stop();
    }
  });
});
