/** One place that builds ajv instances, so every schema in the agent is checked the same way. */
import { Ajv, type ErrorObject } from 'ajv';

export type { ErrorObject };

/** For config files: fills defaults, reports every error with its schema (for good messages). */
export function createConfigAjv(): Ajv {
  return new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: false });
}

/** For untrusted data (model output, payloads): no defaults, no coercion, first error is enough. */
export function createStrictAjv(): Ajv {
  return new Ajv({ allErrors: false, useDefaults: false, coerceTypes: false, strict: true });
}

/** `/tools/2/action/topic` -> `tools[2].action.topic` */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '(root)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Splits a JSON pointer into keys (numbers for array indexes). */
export function pointerToKeys(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

export interface ExplainedError {
  /** JSON pointer of the offending value (for `required`/`additionalProperties`: the property itself). */
  pointer: string;
  /** Where to point in the source if the value itself does not exist (its parent). */
  anchorPointer: string;
  expected: string;
}

/** Turns one ajv error into "what was expected" wording a user can act on. */
export function explainAjvError(error: ErrorObject): ExplainedError {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const got = error.data === undefined ? '' : ` (got ${describeValue(error.data)})`;
  switch (error.keyword) {
    case 'required': {
      const prop = String(params.missingProperty);
      return { pointer: `${at}/${prop}`, anchorPointer: at, expected: 'a value: this property is required' };
    }
    case 'additionalProperties': {
      const prop = String(params.additionalProperty);
      const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const allowed = schema?.properties ? Object.keys(schema.properties) : [];
      return {
        pointer: `${at}/${prop}`,
        anchorPointer: `${at}/${prop}`,
        expected: allowed.length
          ? `no such property (known here: ${allowed.join(', ')})`
          : 'no such property',
      };
    }
    case 'type':
      return { pointer: at, anchorPointer: at, expected: `${String(params.type).replace(',', ' or ')}${got}` };
    case 'enum':
      return {
        pointer: at,
        anchorPointer: at,
        expected: `one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${got}`,
      };
    case 'const':
      return { pointer: at, anchorPointer: at, expected: `${JSON.stringify(params.allowedValue)}${got}` };
    case 'pattern':
      return { pointer: at, anchorPointer: at, expected: `a string matching ${String(params.pattern)}${got}` };
    case 'propertyNames':
      return {
        pointer: `${at}/${String(params.propertyName)}`,
        anchorPointer: `${at}/${String(params.propertyName)}`,
        expected: 'a name made of letters, digits and _ (not starting with a digit)',
      };
    default:
      return { pointer: at, anchorPointer: at, expected: `a value that ${error.message ?? 'matches the schema'}${got}` };
  }
}
