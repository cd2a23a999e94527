/**
 * Tool schemas from outside the daemon's validated config (library use, eval) must not crash the
 * router: the routable view maps what it can onto the supported subset and says what it left out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routableTool } from '../src/agent/needle/routable-schema.js';
import type { ToolSchema } from '../src/agent/types.js';

const loose = (x: unknown): ToolSchema => x as ToolSchema;

describe('routable tool schema', () => {
  it('gives a tool without parameters an empty parameter object', () => {
    const { tool, warnings } = routableTool(loose({ name: 'light_on', description: 'Turn on the light' }));
    assert.deepEqual(tool.parameters, { type: 'object', properties: {} });
    assert.deepEqual(warnings, []);
  });

  it('maps type unions and untyped enums onto a supported type', () => {
    const { tool } = routableTool(loose({ name: 'vol', description: 'Volume', parameters: { type: 'object', properties: {
      level: { type: ['null', 'integer'], minimum: 0, maximum: 100 }, speed: { enum: [1, 2, 3] }, mode: { enum: ['eco', 'boost'] } }, required: ['level'] } }));
    assert.deepEqual(tool.parameters.properties, {
      level: { type: 'integer', minimum: 0, maximum: 100 }, speed: { type: 'integer', enum: [1, 2, 3] }, mode: { type: 'string', enum: ['eco', 'boost'] } });
    assert.deepEqual(tool.parameters.required, ['level']);
  });

  it('leaves out parameters the model cannot fill, and says so', () => {
    const { tool, warnings } = routableTool(loose({ name: 'add_items', description: 'Add items', parameters: { type: 'object', properties: {
      items: { type: 'array', items: { type: 'string' } }, note: { type: 'string' } }, required: ['items'] } }));
    assert.deepEqual(Object.keys(tool.parameters.properties), ['note']);
    assert.equal(tool.parameters.required, undefined);
    assert.match(warnings.join('\n'), /parameter items has type "array"/);
  });

  it('warns when an enum has more values than the model has slots', () => {
    const values = Array.from({ length: 30 }, (_, i) => `channel_${i}`);
    const { warnings } = routableTool(loose({ name: 'tv', description: 'TV', parameters: { type: 'object', properties: { ch: { type: 'string', enum: values } } } }));
    assert.match(warnings.join('\n'), /30 enum values; the model sees the first 24/);
  });
});
