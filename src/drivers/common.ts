/** Small helpers shared by the driver modules. */
import { Ajv, type ValidateFunction } from 'ajv';
import type { JsonPrimitive } from '../agent/types.js';
import type { ActionBinding, DriverResult } from './types.js';

export function ok(detail: string, data?: Record<string, JsonPrimitive | null>): DriverResult {
  return data ? { ok: true, detail, data } : { ok: true, detail };
}

export function fail(detail: string, data?: Record<string, JsonPrimitive | null>): DriverResult {
  return data ? { ok: false, detail, data } : { ok: false, detail };
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return code && !e.message.includes(code) ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });

/**
 * Drivers re-check their binding against their own schema before use: the config loader validates
 * it too, but a binding can also come from code (timers firing stored actions, tests).
 */
export function bindingChecker<T>(driver: string, schema: object): (binding: ActionBinding) => T | string {
  let validate: ValidateFunction | undefined;
  return (binding) => {
    validate ??= ajv.compile(schema);
    if (validate(binding)) return binding as unknown as T;
    return `invalid ${driver} action: ${ajv.errorsText(validate.errors, { dataVar: 'action' })}`;
  };
}

/** Truncates text for details and result data. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Common schema properties every binding has. */
export const baseBindingProperties = {
  driver: { type: 'string' },
} as const;
