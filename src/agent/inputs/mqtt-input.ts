/**
 * MQTT input: `<base>/command` (plain text or JSON {text, id}) -> pipeline -> result JSON on
 * `<base>/result` (QoS 1). `<base>/confirm` answers a pending confirmation by id. Payloads that are
 * too large, not UTF-8 or malformed become error events; the input keeps serving.
 */
import type { AgentMqtt } from '../mqtt.js';
import { decodeCommandPayload, decodeConfirmationPayload } from '../payload.js';
import { PipelineClosedError, type Pipeline } from '../pipeline.js';
import type { CommandResult, EventSink, InputErrorReason } from '../result.js';
import type { InputLogger, InputSource } from './types.js';

export class MqttInput implements InputSource {
  readonly name = 'mqtt';
  private readonly mqtt: AgentMqtt;
  private readonly pipeline: Pipeline;
  private readonly events: EventSink;
  private readonly log: InputLogger;

  constructor(mqtt: AgentMqtt, pipeline: Pipeline, events: EventSink, log: InputLogger) {
    this.mqtt = mqtt;
    this.pipeline = pipeline;
    this.events = events;
    this.log = log;
  }

  get commandTopic(): string {
    return this.mqtt.topic('command');
  }

  get resultTopic(): string {
    return this.mqtt.topic('result');
  }

  get confirmTopic(): string {
    return this.mqtt.topic('confirm');
  }

  async start(): Promise<void> {
    // A retained command would be replayed on every (re)connect: never act on one.
    this.mqtt.subscribe(this.commandTopic, (payload, _topic, retained) =>
      retained ? this.reject('retained_command', 'retained commands are ignored (publish with retain=false)') : this.onCommand(payload),
    );
    this.mqtt.subscribe(this.confirmTopic, (payload, _topic, retained) =>
      retained ? this.reject('retained_command', 'retained confirmations are ignored') : this.onConfirm(payload),
    );
  }

  async stop(): Promise<void> {
    await this.mqtt.unsubscribeAll();
  }

  private reject(reason: InputErrorReason, detail: string, id?: string): void {
    this.events.emit({ type: 'error', source: 'mqtt', reason, detail, ...(id ? { id } : {}), at: new Date().toISOString() });
  }

  private onCommand(payload: Buffer): void {
    const decoded = decodeCommandPayload(payload);
    if (!decoded.ok) {
      this.reject(decoded.reason, decoded.detail, decoded.id);
      return;
    }
    this.pipeline
      .handle({ text: decoded.text, source: 'mqtt', ...(decoded.id ? { id: decoded.id } : {}) })
      .then((result) => this.reply(result))
      .catch((err: unknown) => this.dropped(err));
  }

  private onConfirm(payload: Buffer): void {
    const decoded = decodeConfirmationPayload(payload);
    if (!decoded.ok) {
      this.reject(decoded.reason, decoded.detail);
      return;
    }
    this.pipeline
      .answer(decoded.id, decoded.accept, { source: 'mqtt' })
      .then((result) => {
        if (result) this.reply(result);
        else this.reject('unknown_confirmation', `no pending confirmation ${decoded.id} (expired or answered)`, decoded.id);
      })
      .catch((err: unknown) => this.dropped(err));
  }

  private reply(result: CommandResult): void {
    this.mqtt
      .publish(this.resultTopic, JSON.stringify(result), { qos: 1 })
      .catch((err: unknown) => this.log.warn({ id: result.id, err: String(err) }, 'MQTT result not published'));
  }

  private dropped(err: unknown): void {
    if (err instanceof PipelineClosedError) this.log.warn({}, 'MQTT command refused: the agent is shutting down');
    else this.log.error({ err: String(err) }, 'MQTT command failed');
  }
}
