import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fillArgv,
  fillJsonTemplate,
  fillPath,
  fillTemplate,
  fillTopic,
  fillUrl,
  placeholders,
  TemplateError,
  transformArgs,
} from '../src/drivers/template.js';

test('fillTemplate substitutes arguments and fallbacks, and refuses missing ones', () => {
  assert.equal(fillTemplate('turn {{state}} the {{ room }}', { state: 'on', room: 'kitchen' }), 'turn on the kitchen');
  assert.equal(fillTemplate('{{label|timer}} done', {}), 'timer done');
  assert.equal(fillTemplate('{{label|}}x', {}), 'x');
  assert.throws(() => fillTemplate('{{missing}}', {}), TemplateError);
  assert.deepEqual(placeholders('a/{{x}}/{{y|1}}'), ['x', 'y']);
});

test('JSON templates keep argument types for whole placeholders', () => {
  const out = fillJsonTemplate(
    { state: '{{state}}', level: '{{level}}', on: '{{on}}', text: 'at {{level}} %', nested: ['{{level}}'], dflt: '{{x|12}}' },
    { state: 'ON', level: 42, on: true },
  );
  assert.deepEqual(out, { state: 'ON', level: 42, on: true, text: 'at 42 %', nested: [42], dflt: 12 });
});

test('argv elements stay single elements whatever they contain', () => {
  const argv = fillArgv(['--name', '{{name}}', 'x{{name}}'], { name: '"; rm -rf /' });
  assert.deepEqual(argv, ['--name', '"; rm -rf /', 'x"; rm -rf /']);
  assert.throws(() => fillArgv(['{{v}}'], { v: 'a\0b' }), TemplateError);
});

test('topic, path and URL fillers refuse injection', () => {
  assert.equal(fillTopic('z/{{room}}/set', { room: 'living room' }), 'z/living room/set');
  assert.throws(() => fillTopic('z/{{room}}/set', { room: '#' }), TemplateError);
  assert.throws(() => fillTopic('z/{{room}}/set', { room: 'a+b' }), TemplateError);
  assert.equal(fillPath('/sys/class/leds/{{led}}/brightness', { led: 'led0' }), '/sys/class/leds/led0/brightness');
  assert.throws(() => fillPath('/sys/class/leds/{{led}}/brightness', { led: '../../etc' }), TemplateError);
  assert.throws(() => fillPath('/tmp/{{f}}', { f: '..' }), TemplateError);
  const url = fillUrl('http://10.0.0.5/relay/0?turn={{state}}&n={{name}}', { state: 'on', name: 'a&b=c d' });
  assert.equal(url.searchParams.get('turn'), 'on');
  assert.equal(url.searchParams.get('n'), 'a&b=c d');
  assert.equal(url.searchParams.get('b'), null);
  assert.throws(() => fillUrl('file:///etc/{{x}}', { x: 'passwd' }), TemplateError);
});

test('value maps and scales transform arguments before templating', () => {
  const out = transformArgs(
    { state: 'On', level: 50, other: 'x' },
    { map: { state: { on: 'ON', off: 'OFF' } }, scale: { level: { from: [0, 100], to: [0, 254] } } },
  );
  assert.deepEqual(out, { state: 'ON', level: 127, other: 'x' });
  assert.equal(transformArgs({ level: 150 }, { scale: { level: { from: [0, 100], to: [0, 255] } } }).level, 255);
  assert.throws(() => transformArgs({ level: 'high' }, { scale: { level: { from: [0, 1], to: [0, 2] } } }), TemplateError);
});
