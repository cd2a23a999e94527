/**
 * The agent's one MQTT connection (MQTT.js v5), shared by the inputs, the event publisher and the
 * mqtt driver (it implements the drivers' MqttPublisher).
 *  - `<base>/status`: last will `offline`, retained `online` after each connect, `offline` on stop;
 *  - reconnects with exponential back-off (min..max, with jitter);
 *  - QoS 1 publishes made while the broker is down wait in MQTT.js's outgoing store and go out, in
 *    order, after the reconnect; unacknowledged in-flight ones are re-sent (DUP) the same way.
 *    Each publish() resolves on the broker's PUBACK, so callers know when delivery happened.
 *  - subscriptions are re-made after a reconnect to a broker that lost the session.
 */
import { readFileSync } from 'node:fs';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import type { MqttPublisher } from '../drivers/types.js';
import type { MqttConfig } from './config.js';

export interface MqttLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** `retained`: the broker replayed a stored message (not something published just now). */
export type MessageHandler = (payload: Buffer, topic: string, retained: boolean) => void;

export class MqttQueueFullError extends Error {
  constructor(limit: number) {
    super(`MQTT outgoing queue is full (${limit} messages waiting for the broker)`);
    this.name = 'MqttQueueFullError';
  }
}

function readTlsFile(label: string, path: string | undefined): Buffer | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(`mqtt.tls.${label}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** Next reconnect delay: min * 2^attempt, capped at max, +-20 % jitter so many agents do not sync up. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.max(minMs, Math.min(maxMs, Math.round(base * (0.8 + 0.4 * random()))));
}

export class AgentMqtt implements MqttPublisher {
  readonly config: MqttConfig;
  private readonly log: MqttLogger;
  private readonly handlers = new Map<string, MessageHandler>();
  private client: MqttClient | null = null;
  private waiting = 0;
  private attempt = 0;
  private everConnected = false;
  private wasConnected = false;
  private closing = false;

  constructor(config: MqttConfig, log: MqttLogger) {
    this.config = config;
    this.log = log;
  }

  get statusTopic(): string {
    return this.topic('status');
  }

  topic(suffix: string): string {
    return `${this.config.baseTopic}/${suffix}`;
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Messages waiting for a PUBACK (queued while offline, or in flight). */
  get queued(): number {
    return this.waiting;
  }

  /** Starts connecting (and reconnecting, forever, until close()). Throws only for unreadable TLS files. */
  start(): void {
    if (this.client) return;
    const c = this.config;
    const options: IClientOptions = {
      clientId: c.clientId,
      clean: c.cleanSession,
      keepalive: c.keepaliveS,
      connectTimeout: c.connectTimeoutMs,
      reconnectPeriod: c.reconnect.minMs,
      // Subscriptions are (re)made by us on every connect: MQTT.js drops a subscribe that was queued
      // before a failed first connection, and a restarted broker may have lost the session.
      resubscribe: false,
      protocolVersion: 4,
      will: { topic: this.statusTopic, payload: Buffer.from('offline'), qos: 1, retain: true },
      ...(c.username === undefined ? {} : { username: c.username }),
      ...(c.password === undefined ? {} : { password: c.password }),
    };
    if (c.tls) {
      options.ca = readTlsFile('ca', c.tls.ca);
      options.cert = readTlsFile('cert', c.tls.cert);
      options.key = readTlsFile('key', c.tls.key);
      options.rejectUnauthorized = c.tls.rejectUnauthorized;
    }
    const client = connect(c.url, options);
    this.client = client;

    // MQTT.js arms its reconnect timer from options.reconnectPeriod in its own 'close' listener, and
    // clears it on every attempt; setting the period just before that listener runs gives back-off.
    client.prependListener('close', () => {
      client.options.reconnectPeriod = backoffDelay(this.attempt, c.reconnect.minMs, c.reconnect.maxMs);
      this.attempt += 1;
      if (this.wasConnected && !this.closing) {
        this.log.warn({ url: c.url, queued: this.waiting }, 'MQTT connection lost; reconnecting with back-off');
      }
      this.wasConnected = false;
    });
    client.on('connect', (connack) => {
      this.attempt = 0;
      this.wasConnected = true;
      client.options.reconnectPeriod = c.reconnect.minMs;
      this.log.info(
        { url: c.url, clientId: c.clientId, sessionPresent: connack.sessionPresent, queued: this.waiting },
        this.everConnected ? 'MQTT reconnected' : 'MQTT connected',
      );
      this.everConnected = true;
      client.publish(this.statusTopic, 'online', { qos: 1, retain: true }, () => undefined);
      if (!connack.sessionPresent) this.subscribeAll();
    });
    client.on('error', (err) => {
      // Connection errors are retried; log the first of a run of failures at warn, the rest at debug.
      const entry = { url: c.url, err: err.message, attempt: this.attempt };
      if (this.attempt <= 1) this.log.warn(entry, 'MQTT connection error');
      else this.log.debug(entry, 'MQTT connection error');
    });
    client.on('message', (topic, payload, packet) => {
      const handler = this.handlers.get(topic);
      if (handler) handler(payload, topic, packet.retain);
    });
  }

  private subscribeAll(): void {
    const client = this.client;
    const topics = [...this.handlers.keys()];
    if (!client || !client.connected || topics.length === 0) return;
    client.subscribe(topics, { qos: 1 }, (err) => {
      if (err) this.log.warn({ topics, err: err.message }, 'MQTT subscribe failed');
    });
  }

  /** Resolves true once connected, false if `timeoutMs` passes first. */
  waitConnected(timeoutMs: number): Promise<boolean> {
    const client = this.client;
    if (!client) return Promise.resolve(false);
    if (client.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onConnect = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        client.removeListener('connect', onConnect);
        resolve(false);
      }, timeoutMs);
      client.once('connect', onConnect);
    });
  }

  /** Subscribes (QoS 1) to an exact topic; kept across reconnects. */
  subscribe(topic: string, handler: MessageHandler): void {
    this.handlers.set(topic, handler);
    if (this.client?.connected) {
      this.client.subscribe(topic, { qos: 1 }, (err) => {
        if (err) this.log.warn({ topic, err: err.message }, 'MQTT subscribe failed');
      });
    }
  }

  unsubscribeAll(): Promise<void> {
    const client = this.client;
    const topics = [...this.handlers.keys()];
    this.handlers.clear();
    if (!client || topics.length === 0 || !client.connected) return Promise.resolve();
    return new Promise((resolve) => client.unsubscribe(topics, () => resolve()));
  }

  publish(topic: string, payload: string | Buffer, options: { qos: 0 | 1 | 2; retain?: boolean }): Promise<void> {
    const client = this.client;
    if (!client) return Promise.reject(new Error('MQTT is not started'));
    if (this.waiting >= this.config.maxQueued) return Promise.reject(new MqttQueueFullError(this.config.maxQueued));
    this.waiting += 1;
    return new Promise<void>((resolve, reject) => {
      client.publish(topic, payload, { qos: options.qos, retain: options.retain ?? false }, (err) => {
        this.waiting -= 1;
        if (err) reject(err);
        else resolve();
      });
    });
  }

  /**
   * Publishes retained `offline`, waits up to `timeoutMs` for queued messages to be acknowledged,
   * then disconnects (forcibly if the broker is gone).
   */
  async close(timeoutMs = 3000): Promise<void> {
    const client = this.client;
    if (!client || this.closing) return;
    this.closing = true;
    const deadline = Date.now() + timeoutMs;
    if (client.connected) {
      await Promise.race([
        this.publish(this.statusTopic, 'offline', { qos: 1, retain: true }).catch(() => undefined),
        new Promise((r) => setTimeout(r, timeoutMs)),
      ]);
    }
    while (this.waiting > 0 && client.connected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    if (this.waiting > 0) this.log.warn({ queued: this.waiting }, 'MQTT closing with undelivered messages');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => client.end(true, {}, () => resolve()), Math.max(0, deadline - Date.now()) + 200);
      client.end(this.waiting > 0, {}, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
