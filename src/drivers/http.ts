/**
 * `http` driver: one request to a LAN device or service (Shelly, Home Assistant REST, Tasmota web).
 *
 *   action: { driver: http, url: "http://192.168.1.40/relay/0?turn={{state}}" }
 *   action: { driver: http, method: POST, url: "http://ha.local:8123/api/services/light/turn_on",
 *             headers: { Authorization: "Bearer <long-lived token>" }, body: { entity_id: "light.{{room}}" } }
 *
 * Values substituted into the URL are percent-encoded; only http/https; header values refuse line
 * breaks. An object body is sent as JSON (placeholders keep their types), a string body as text.
 * Global fetch with AbortSignal.timeout; non-2xx (or not in `expect_status`) is ok=false.
 */
import type { ToolCall } from '../agent/types.js';
import { bindingChecker, clip, errorMessage, fail, ok } from './common.js';
import {
  fillHeader,
  fillJsonTemplate,
  fillUrl,
  transformArgs,
  transformSchemaProperties,
  type ArgumentTransforms,
} from './template.js';
import type { ActionBinding, Driver, DriverContext, DriverResult } from './types.js';

export interface HttpBinding extends ArgumentTransforms {
  driver: 'http';
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: unknown;
  timeout_ms?: number;
  expect_status?: number[];
}

export const httpBindingSchema = {
  type: 'object',
  required: ['driver', 'url'],
  additionalProperties: false,
  properties: {
    driver: { const: 'http' },
    url: { type: 'string', pattern: '^https?://' },
    method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    body: {},
    timeout_ms: { type: 'integer', minimum: 1, maximum: 120000 },
    expect_status: { type: 'array', items: { type: 'integer', minimum: 100, maximum: 599 }, minItems: 1 },
    ...transformSchemaProperties,
  },
} as const;

/** Reads at most `max` bytes of a response body. */
async function readSome(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

export function createHttpDriver(): Driver {
  const check = bindingChecker<HttpBinding>('http', httpBindingSchema);
  return {
    name: 'http',
    bindingSchema: httpBindingSchema,
    async execute(raw: ActionBinding, call: ToolCall, _context: DriverContext): Promise<DriverResult> {
      const binding = check(raw);
      if (typeof binding === 'string') return fail(binding);
      const method = binding.method ?? (binding.body === undefined ? 'GET' : 'POST');
      let url: URL;
      const headers = new Headers();
      let body: string | undefined;
      try {
        const args = transformArgs(call.arguments, binding);
        url = fillUrl(binding.url, args);
        for (const [k, v] of Object.entries(binding.headers ?? {})) headers.set(k, fillHeader(v, args));
        if (binding.body !== undefined) {
          const filled = fillJsonTemplate(binding.body, args);
          if (typeof filled === 'string') {
            body = filled;
            if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
          } else {
            body = JSON.stringify(filled);
            if (!headers.has('content-type')) headers.set('content-type', 'application/json');
          }
        }
      } catch (e) {
        return fail(`http: ${errorMessage(e)}`);
      }
      const timeoutMs = binding.timeout_ms ?? 5000;
      // Never log credentials that may sit in the URL.
      const shown = `${method} ${url.origin}${url.pathname}`;
      const started = performance.now();
      let res: Response;
      try {
        res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      } catch (e) {
        const err = e as Error & { cause?: unknown };
        if (err.name === 'TimeoutError' || err.name === 'AbortError') {
          return fail(`http: ${shown} timed out after ${timeoutMs} ms`, { url: `${url.origin}${url.pathname}` });
        }
        const cause = err.cause ? `: ${errorMessage(err.cause)}` : '';
        return fail(`http: ${shown} failed (${errorMessage(err)}${cause})`, { url: `${url.origin}${url.pathname}` });
      }
      let text = '';
      try {
        text = await readSome(res, 16 * 1024);
      } catch (e) {
        return fail(`http: ${shown} -> ${res.status}, reading the body failed: ${errorMessage(e)}`, { status: res.status });
      }
      const data = {
        status: res.status,
        body: clip(text.trim(), 500),
        durationMs: Math.round(performance.now() - started),
      };
      const good = binding.expect_status ? binding.expect_status.includes(res.status) : res.status >= 200 && res.status < 300;
      const summary = `${shown} -> ${res.status}${text.trim() ? ` ${clip(text.trim().split('\n')[0] ?? '', 100)}` : ''}`;
      return good ? ok(summary, data) : fail(`http: ${summary}`, data);
    },
  };
}
