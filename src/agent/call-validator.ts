/**
 * Checks router output against the tool schemas. The model's output is untrusted: the tool must
 * exist, the arguments must be an object matching the tool's parameters exactly (types, enums,
 * ranges, required, no extra keys), or the call does not run.
 */
import type { ValidateFunction } from 'ajv';
import { createStrictAjv, explainAjvError, pointerToPath } from './ajv.js';
import type { ToolCall, ToolSchema } from './types.js';

export type CallCheck =
  | { ok: true; call: ToolCall }
  | { ok: false; name: string; arguments: Record<string, unknown>; detail: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class CallValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(tools: readonly ToolSchema[]) {
    const ajv = createStrictAjv();
    for (const tool of tools) {
      const properties: Record<string, object> = {};
      for (const [name, p] of Object.entries(tool.parameters.properties)) {
        const { description: _description, ...rest } = p;
        properties[name] = rest;
      }
      this.validators.set(
        tool.name,
        ajv.compile({
          type: 'object',
          properties,
          required: tool.parameters.required ?? [],
          additionalProperties: false,
        }),
      );
    }
  }

  check(raw: unknown): CallCheck {
    const candidate = isPlainObject(raw) ? raw : {};
    const name = typeof candidate.name === 'string' ? candidate.name : String(candidate.name);
    const args = isPlainObject(candidate.arguments) ? candidate.arguments : {};
    if (!isPlainObject(raw) || typeof raw.name !== 'string') {
      return { ok: false, name, arguments: args, detail: 'call is not an object with a tool name' };
    }
    const validate = this.validators.get(raw.name);
    if (!validate) return { ok: false, name, arguments: args, detail: `unknown tool "${raw.name}"` };
    if (!isPlainObject(raw.arguments)) {
      return { ok: false, name, arguments: {}, detail: 'arguments must be an object' };
    }
    if (!validate(raw.arguments)) {
      const err = validate.errors?.[0];
      const detail = err
        ? (() => {
            const ex = explainAjvError(err);
            return `argument ${pointerToPath(ex.pointer)}: expected ${ex.expected}`;
          })()
        : 'arguments do not match the tool schema';
      return { ok: false, name, arguments: args, detail };
    }
    return { ok: true, call: { name: raw.name, arguments: { ...(raw.arguments as ToolCall['arguments']) } } };
  }
}
