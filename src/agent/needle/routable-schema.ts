/**
 * The view of a tool schema the Needle router works with. The daemon's config validation only lets
 * the supported subset through, but the router is also a library (eval, other hosts) and may be
 * handed schemas from elsewhere: a tool without `parameters`, a type union like ["integer", "null"],
 * an enum without a type, or array/object parameters. Those must not crash routing: unions and
 * untyped enums map onto a supported type, parameters the model cannot fill are left out (with a
 * warning; if one was required, the call then fails schema validation in the pipeline with a clear
 * error instead of reaching a driver).
 */
import type { ParameterSchema, ParameterType, ToolSchema } from '../types.js';
import { MAX_ENUM_SLOTS, MAX_PARAM_SLOTS } from './tokenizer.js';

const SUPPORTED: readonly ParameterType[] = ['string', 'integer', 'number', 'boolean'];

export interface RoutableTool {
  tool: ToolSchema;
  warnings: string[];
}

function supportedType(raw: Record<string, unknown>): ParameterType | null {
  const declared = raw.type;
  const types = Array.isArray(declared) ? declared : declared === undefined ? [] : [declared];
  const found = types.find((t): t is ParameterType => SUPPORTED.includes(t as ParameterType));
  if (found) return found;
  if (types.length === 0 && Array.isArray(raw.enum) && raw.enum.length > 0) {
    if (raw.enum.every((v) => typeof v === 'number')) return raw.enum.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
    if (raw.enum.every((v) => typeof v === 'string')) return 'string';
  }
  return null;
}

export function routableTool(input: ToolSchema): RoutableTool {
  const warnings: string[] = [];
  const raw = input as unknown as { name: string; description?: unknown; parameters?: { properties?: Record<string, unknown>; required?: unknown } };
  const properties: Record<string, ParameterSchema> = {};
  for (const [name, value] of Object.entries(raw.parameters?.properties ?? {})) {
    const p = (value ?? {}) as Record<string, unknown>;
    const type = supportedType(p);
    if (type === null) {
      warnings.push(`tool ${raw.name}: parameter ${name} has type ${JSON.stringify(p.type)}, which the router cannot fill; it is left out`);
      continue;
    }
    const schema: ParameterSchema = { type };
    if (typeof p.description === 'string') schema.description = p.description;
    if (Array.isArray(p.enum)) {
      schema.enum = p.enum.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
      if (schema.enum.length > MAX_ENUM_SLOTS) {
        warnings.push(`tool ${raw.name}: parameter ${name} has ${schema.enum.length} enum values; the model sees the first ${MAX_ENUM_SLOTS}`);
      }
    }
    if (typeof p.minimum === 'number') schema.minimum = p.minimum;
    if (typeof p.maximum === 'number') schema.maximum = p.maximum;
    properties[name] = schema;
  }
  const names = Object.keys(properties);
  if (names.length > MAX_PARAM_SLOTS) warnings.push(`tool ${raw.name}: ${names.length} parameters; the model sees the first ${MAX_PARAM_SLOTS}`);
  const required = (Array.isArray(raw.parameters?.required) ? raw.parameters.required : []).filter((r): r is string => typeof r === 'string' && r in properties);
  return {
    tool: {
      name: raw.name,
      description: typeof raw.description === 'string' ? raw.description : '',
      parameters: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) },
    },
    warnings,
  };
}
