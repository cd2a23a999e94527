/**
 * The synthetic data generator is the model's teacher: a wrong answer in its output is learned. These
 * checks run the generator and hold every answer to what the daemon itself enforces (the call
 * validator), plus the conventions the router's grammar relies on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CallValidator } from '../src/agent/call-validator.js';
import type { ParameterSchema } from '../src/agent/types.js';
import { actionParam, DEFAULT_COMPOSED_TEXT_SHARE, isFreeString, Rng, sampleTool, setComposedTextShare } from '../models/recipe/generator/dsl.js';
import { chitchatSplit, type Example, makeExample, mayOfferBeside, templateSplit } from '../models/recipe/generator/examples.js';
import { ALL_FAMILIES, HELDOUT_FAMILY_IDS } from '../models/recipe/generator/families.js';
import { SITUATIONS } from '../models/recipe/generator/templates-situations.js';

const trainFamilies = ALL_FAMILIES.filter((f) => !HELDOUT_FAMILY_IDS.includes(f.id));

function examples(n: number, seed: number): Example[] {
  const r = new Rng(seed);
  const out: Example[] = [];
  while (out.length < n) {
    const ex = makeExample(r, { targets: trainFamilies, distractors: trainFamilies, templates: 'train' }, 'train', chitchatSplit().train);
    if (ex) out.push(ex);
  }
  return out;
}

/** Every argument of every answer, with the schema of its parameter. */
function* argumentsOf(data: readonly Example[]): Generator<{ ex: Example; value: unknown; param: ParameterSchema | undefined }> {
  for (const ex of data) {
    for (const call of ex.answers) {
      const tool = ex.tools.find((t) => t.name === call.name);
      for (const [name, value] of Object.entries(call.arguments)) yield { ex, value, param: tool?.parameters.properties?.[name] };
    }
  }
}

/** Every wording a template allows, with its alternatives spelled out and unspoken values dropped. */
function wordings(template: string): string[] {
  const group = /\[([^[\]]*)\]/.exec(template);
  if (!group) return [template.replace(/\{![^}]*\}/g, '').replace(/\s+/g, ' ').trim()];
  const [before, after] = [template.slice(0, group.index), template.slice(group.index + group[0].length)];
  return group[1].split('|').flatMap((alt) => wordings(before + alt + after));
}

describe('synthetic tool-calling generator', () => {
  const data = examples(3000, 99);

  it('gives answers the daemon would accept: offered tools, valid typed arguments, one call per tool', () => {
    for (const ex of data) {
      const validator = new CallValidator(ex.tools);
      for (const call of ex.answers) {
        const check = validator.check(call);
        assert.ok(check.ok, `${ex.query} -> ${JSON.stringify(call)}: ${check.ok ? '' : check.detail}`);
      }
      const names = ex.answers.map((a) => a.name);
      assert.equal(new Set(names).size, names.length, `same tool twice: ${ex.query}`);
      assert.equal(new Set(ex.tools.map((t) => t.name)).size, ex.tools.length, `duplicate tool names: ${ex.query}`);
    }
  });

  it('mixes the kinds of examples in the documented shares', () => {
    const share = (kind: string): number => data.filter((e) => e.meta.kind === kind).length / data.length;
    assert.ok(share('multi') > 0.15 && share('multi') < 0.27, `multi ${share('multi')}`);
    assert.ok(share('chitchat') > 0.08 && share('chitchat') < 0.16, `chitchat ${share('chitchat')}`);
    assert.ok(share('not_offered') > 0.09 && share('not_offered') < 0.17, `not offered ${share('not_offered')}`);
    assert.ok(data.some((e) => e.answers.length === 3), 'no three-call utterance');
    assert.ok(data.some((e) => e.tools.length > 10), 'no example with more than 10 tools');
    assert.ok(data.every((e) => e.tools.length <= 16 || e.answers.length > 0));
    for (const e of data) if (e.meta.kind === 'chitchat' || e.meta.kind === 'not_offered') assert.deepEqual(e.answers, []);
  });

  it('offers generic tools (HassTurnOn style) only beside families they cannot stand in for', () => {
    const family = (id: string) => {
      const f = ALL_FAMILIES.find((x) => x.id === id);
      assert.ok(f, id);
      return f;
    };
    assert.equal(mayOfferBeside(family('device_power'), family('light_power')), false);
    assert.equal(mayOfferBeside(family('switch_plug'), family('device_power')), false);
    assert.equal(mayOfferBeside(family('light_set'), family('light_color')), false);
    assert.equal(mayOfferBeside(family('device_power'), family('timer')), true);
    assert.equal(mayOfferBeside(family('switch_plug'), family('light_power')), true);
    assert.equal(mayOfferBeside(family('timer'), family('timer')), false);
  });

  it('gives generic on/off tools the device as said, with its area as a separate argument', () => {
    const generic = trainFamilies.filter((f) => f.id === 'device_power');
    const r = new Rng(11);
    let checked = 0;
    while (checked < 200) {
      const ex = makeExample(r, { targets: generic, distractors: trainFamilies, templates: 'train' }, 'train', chitchatSplit().train);
      if (!ex || ex.answers.length === 0) continue;
      checked++;
      const said = ex.query.toLowerCase();
      const args = Object.values(ex.answers[0].arguments).map(String);
      assert.ok(args.some((a) => a.length > 1 && said.includes(a.toLowerCase())), `no device words from "${ex.query}" in ${JSON.stringify(ex.answers)}`);
    }
  });

  it('bakes an action into one-action tools, which then take no action argument and come with siblings', () => {
    const lock = ALL_FAMILIES.find((f) => f.id === 'lock');
    assert.ok(lock);
    const action = actionParam(lock);
    assert.equal(action?.key, 'action');
    const r = new Rng(3);
    for (let i = 0; i < 20; i++) {
      const tool = sampleTool(lock, r, null, 'unlock');
      assert.equal(tool.verb?.value, 'unlock');
      assert.equal(tool.propNames.action, undefined, 'the baked action must not stay a parameter');
      assert.match(tool.schema.name.toLowerCase(), /unlock/);
    }
    // a called one-action tool (no argument for its action) is usually offered with a sibling
    const verbCalls = data.filter((e) => e.meta.kind === 'single' && e.answers.length === 1 && /(^|_|[a-z])(un)?lock|turn_?o(n|ff)|(start|stop)/i.test(e.answers[0].name))
      .filter((e) => {
        const tool = e.tools.find((t) => t.name === e.answers[0].name);
        return tool !== undefined && !Object.keys(tool.parameters.properties).some((p) => /action|state|command|power/i.test(p));
      });
    assert.ok(verbCalls.length >= 20, `only ${verbCalls.length} one-action calls`);
  });

  /** Free-text answer values that are none of the families' own values or enum phrases: composed ones (text-values.ts). */
  function composedShare(rows: readonly Example[]): { texts: number; composed: number } {
    const own = new Set(trainFamilies.flatMap((f) => f.params.flatMap((p) => (p.domain.kind === 'text' ? p.domain.values
      : p.domain.kind === 'enum' ? [...Object.keys(p.domain.values), ...Object.values(p.domain.values).flat()] : []))));
    let texts = 0;
    let composed = 0;
    for (const { ex, value, param } of argumentsOf(rows)) {
      if (typeof value !== 'string' || !isFreeString(param) || /^\d\d:\d\d$/.test(value)) continue;
      texts++;
      if (!own.has(value)) composed++;
      assert.ok(ex.query.toLowerCase().includes(value.toLowerCase()), `${JSON.stringify(value)} not said in ${JSON.stringify(ex.query)}`);
    }
    return { texts, composed };
  }

  it('says every free-text value verbatim, and composes about a third of them beyond the families\' own values', () => {
    const { texts, composed } = composedShare(data);
    assert.ok(texts > 300, `only ${texts} free-text values`);
    // DEFAULT_COMPOSED_TEXT_SHARE is 0.35; a fifth or a half would fall outside
    assert.ok(composed / texts > 0.25 && composed / texts < 0.42, `${composed} of ${texts} composed`);
  });

  it('composes no free-text value with --composed-share 0', () => {
    setComposedTextShare(0);
    try {
      const { texts, composed } = composedShare(examples(1500, 98));
      assert.ok(texts > 150, `only ${texts} free-text values`);
      assert.equal(composed, 0);
    } finally {
      setComposedTextShare(DEFAULT_COMPOSED_TEXT_SHARE);
    }
    assert.throws(() => setComposedTextShare(1.5), /within 0\.\.1/);
  });

  it('declares two-sided parameters as booleans and setpoints as numbers in some tools, with values of that type', () => {
    const seen: Record<string, number> = { boolean: 0, number: 0, half: 0 };
    for (const { ex, value, param } of argumentsOf(data)) {
      if (param?.type === 'boolean') { seen.boolean++; assert.equal(typeof value, 'boolean', ex.query); }
      if (param?.type === 'number') {
        seen.number++;
        assert.equal(typeof value, 'number', ex.query);
        if (!Number.isInteger(value)) { seen.half++; assert.ok(ex.query.includes(String(value)) || ex.query.includes('point five'), ex.query); }
      }
    }
    for (const [kind, n] of Object.entries(seen)) assert.ok(n >= 10, `only ${n} ${kind} values`);
  });

  it('words the utterance like speech or typed text, never with the answer JSON in it', () => {
    for (const ex of data) {
      assert.ok(ex.query.trim().length > 0);
      assert.ok(!/[{}"]/.test(ex.query), ex.query);
    }
    const spoken = data.filter((e) => e.query === e.query.toLowerCase() && !/[.,!?]/.test(e.query)).length;
    assert.ok(spoken > data.length * 0.4, `speech-like share ${spoken / data.length}`);
  });

  it('never teaches a held-out template: no wording of one is also a wording of a training template of its family', () => {
    assert.deepEqual(wordings('[a|] {x} [b|c] {!y=1}'), ['a {x} b', 'a {x} c', '{x} b', '{x} c']);
    const shared: string[] = [];
    for (const family of trainFamilies) {
      const split = templateSplit(family);
      const taught = new Set(split.train.flatMap((i) => wordings(family.templates[i])));
      for (const i of split.heldout) for (const w of wordings(family.templates[i])) if (taught.has(w)) shared.push(`${family.id}: "${w}"`);
    }
    assert.deepEqual(shared, []);
  });

  it('keeps every held-out template of the older batches held out when the situations batch is appended', () => {
    const lost: string[] = [];
    for (const family of trainFamilies) {
      const older = { ...family, templates: family.templates.slice(0, family.templates.length - (SITUATIONS[family.id]?.length ?? 0)) };
      const now = new Set(templateSplit(family).heldout);
      for (const i of templateSplit(older).heldout) if (!now.has(i)) lost.push(`${family.id}: ${older.templates[i]}`);
    }
    assert.deepEqual(lost, []);
  });

  it('labels a template that fixes an unspoken value with the value its words say, not another one of the same parameter', () => {
    // "[heat|cooling] mode {!mode=heat}" taught that cooling mode means heat. Templates reviewed as
    // saying another value's phrase on purpose ("no heating or cooling" is off, "stop the music"
    // pauses) are listed by the other value and the template.
    const reviewed = new Set([
      'heat: [turn off the climate|no heating or cooling] {!mode=off}', 'cool: [turn off the climate|no heating or cooling] {!mode=off}',
      'lock: open the {door} lock {!action=unlock}', 'stop: [hold on|wait] [pause it|stop the music] {!action=pause}',
      'play: play the last song again {!action=previous}', 'play: [replay that song|play that song again|back one song] {!action=previous}',
      'answer: [don\'t answer the door|ignore the intercom|not now to whoever is at the door] {!action=decline}',
      'menu: [main menu|start over] {!page=home}', 'home: [we\'re going out|nobody\'s home] arm the alarm {!action=arm} {!mode=away}',
    ]);
    const phrase = (s: string): string => ` ${s.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim()} `;
    const wrong = new Set<string>();
    for (const family of ALL_FAMILIES) {
      for (const template of family.templates) {
        for (const [, key, value] of template.matchAll(/\{!(\w+)=([^}]+)\}/g)) {
          const domain = family.params.find((p) => p.key === key)?.domain;
          if (domain?.kind !== 'enum') continue;
          const own = (domain.values[value] ?? []).map(phrase).filter((p) => p.trim().length > 0);
          for (const wording of wordings(template)) {
            const said = phrase(wording.replace(/\{[^}]*\}/g, ' '));
            if (own.some((p) => said.includes(p))) continue;
            for (const [other, phrases] of Object.entries(domain.values)) {
              if (other === value || reviewed.has(`${other}: ${template}`)) continue;
              const hit = phrases.map(phrase).find((p) => p.trim().length >= 3 && said.includes(p));
              if (hit) wrong.add(`${family.id}: "${template}" fixes ${key}=${value} but says "${hit.trim()}" (${other})`);
            }
          }
        }
      }
    }
    assert.deepEqual([...wrong], []);
  });
});
