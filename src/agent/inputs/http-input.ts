/**
 * HTTP input on loopback only (node:http, no framework needed for three routes):
 *   POST /command  body: text, or JSON {"text": "...", "id": "..."}  -> 200 CommandResult
 *   POST /confirm  body: {"id": "<confirmation id>", "confirm": true|false} -> 200 CommandResult
 *   GET  /health   -> {"status": "ok"|"degraded", ...}
 * Browsers are kept out: a request carrying an Origin header (any web page's fetch) or a Host that
 * is not loopback (DNS rebinding) is refused, so a page cannot drive devices through this port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeCommandPayload, decodeConfirmationPayload, MAX_COMMAND_BYTES } from '../payload.js';
import { PipelineClosedError, type Pipeline } from '../pipeline.js';
import type { EventSink, InputErrorReason } from '../result.js';
import type { InputLogger, InputSource } from './types.js';

export interface HealthInfo {
  status: 'ok' | 'degraded';
  [key: string]: string | number | boolean | null;
}

export interface HttpInputOptions {
  host: string;
  port: number;
  pipeline: Pipeline;
  events: EventSink;
  log: InputLogger;
  health: () => HealthInfo;
}

const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(new BodyTooLarge(`body is ${declared} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge(`body is over ${limit} bytes`));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export class HttpInput implements InputSource {
  readonly name = 'http';
  private readonly options: HttpInputOptions;
  private server: Server | null = null;

  constructor(options: HttpInputOptions) {
    this.options = options;
  }

  /** The bound address (port 0 in the config picks a free port). */
  address(): AddressInfo | null {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a : null;
  }

  start(): Promise<void> {
    const server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        this.options.log.error({ err: String(err) }, 'HTTP request failed');
        if (!res.headersSent) send(res, 500, { error: 'internal error' });
      });
    });
    server.requestTimeout = 60_000;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.removeListener('error', reject);
        this.options.log.info({ address: this.address() }, 'HTTP input listening');
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    this.server = null;
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  private rejectInput(res: ServerResponse, status: number, reason: InputErrorReason, detail: string, id?: string): void {
    this.options.events.emit({ type: 'error', source: 'http', reason, detail, ...(id ? { id } : {}), at: new Date().toISOString() });
    send(res, status, { error: reason, detail, ...(id ? { id } : {}) });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.origin !== undefined || !LOOPBACK_HOST.test(req.headers.host ?? '')) {
      send(res, 403, { error: 'forbidden', detail: 'browser (Origin) or non-loopback Host requests are refused' });
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health' && req.method === 'GET') {
      send(res, 200, this.options.health());
      return;
    }
    if (path !== '/command' && path !== '/confirm') {
      send(res, 404, { error: 'not_found', detail: 'POST /command, POST /confirm or GET /health' });
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      send(res, 405, { error: 'method_not_allowed' });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_COMMAND_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        res.setHeader('connection', 'close');
        this.rejectInput(res, 413, 'payload_too_large', `${err.message}; the limit is ${MAX_COMMAND_BYTES}`);
        return;
      }
      throw err;
    }
    try {
      if (path === '/command') {
        const decoded = decodeCommandPayload(body, req.headers['content-type']);
        if (!decoded.ok) {
          this.rejectInput(res, decoded.reason === 'payload_too_large' ? 413 : 400, decoded.reason, decoded.detail, decoded.id);
          return;
        }
        const result = await this.options.pipeline.handle({
          text: decoded.text,
          source: 'http',
          ...(decoded.id ? { id: decoded.id } : {}),
        });
        send(res, 200, result);
        return;
      }
      const decoded = decodeConfirmationPayload(body);
      if (!decoded.ok) {
        this.rejectInput(res, 400, decoded.reason, decoded.detail);
        return;
      }
      const result = await this.options.pipeline.answer(decoded.id, decoded.accept, { source: 'http' });
      if (!result) {
        this.rejectInput(res, 404, 'unknown_confirmation', `no pending confirmation ${decoded.id}`, decoded.id);
        return;
      }
      send(res, 200, result);
    } catch (err) {
      if (err instanceof PipelineClosedError) {
        send(res, 503, { error: 'shutting_down', detail: err.message });
        return;
      }
      throw err;
    }
  }
}
