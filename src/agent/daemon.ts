/**
 * The daemon: wires config, router, drivers, MQTT, inputs and systemd together.
 *
 * start(): connect MQTT and load the Needle router in parallel -> pipeline -> inputs -> wait for the
 * broker up to connectTimeoutMs -> READY=1 (with STATUS saying what is degraded) -> watchdog.
 * A router that fails to load or a broker that is unreachable is logged and leaves the daemon
 * running degraded: commands get an error result, MQTT traffic is queued until the broker appears.
 * stop(): STOPPING=1 -> inputs stop -> queued commands finish -> drivers and router close ->
 * queued MQTT messages get a last chance to go out -> retained `offline`.
 */
import type { Readable, Writable } from 'node:stream';
import { createDriverRegistry, publishHomeAssistantDiscovery } from '../drivers/index.js';
import type { Driver, DriverContext, DriverResult } from '../drivers/types.js';
import type { AgentConfig } from './config.js';
import { HttpInput, type HealthInfo } from './inputs/http-input.js';
import { MqttInput } from './inputs/mqtt-input.js';
import { LineInput } from './inputs/stdin-input.js';
import type { InputSource } from './inputs/types.js';
import type { Logger } from './log.js';
import { AgentMqtt } from './mqtt.js';
import { loadNeedleRouter, type NeedleRouterOptions } from './needle/router.js';
import { SystemdNotifier } from './notify.js';
import { Pipeline } from './pipeline.js';
import { Policy } from './policy.js';
import type { AgentEvent, EventSink } from './result.js';
import type { Router, ToolCall, ToolSchema } from './types.js';

export type RouterLoader = (options: NeedleRouterOptions) => Promise<Router>;

/** A map of drivers, optionally closable (the driver registry is). */
export type DriverSet = ReadonlyMap<string, Driver> & { close?: () => Promise<void> };

/** What an extra input (e.g. the speech front end) gets to feed commands into the daemon. */
export interface InputContext {
  config: AgentConfig;
  pipeline: Pipeline;
  events: EventSink;
  log: Logger;
  /** The agent's MQTT connection (speech push-to-talk listens on `<base>/listen`); null when MQTT is off. */
  mqtt: AgentMqtt | null;
}

/** Builds an extra input once the pipeline exists; null when its config turns it off. */
export type InputFactory = (context: InputContext) => InputSource | null;

export interface DaemonOptions {
  config: AgentConfig;
  log: Logger;
  /** Production: loadNeedleRouter. Tests may pass a router that returns fixed calls. */
  loadRouter?: RouterLoader;
  /** Default: the driver registry from src/drivers built from config.drivers. */
  drivers?: DriverSet;
  /** Line input (stdin in production); results go to `output`. */
  input?: Readable;
  output?: Writable;
  notifier?: SystemdNotifier;
  /** How long stop() waits for queued commands (default 10 s). */
  drainTimeoutMs?: number;
  /**
   * One command from the command line: no inputs, no persisted timers fired, no Home Assistant
   * discovery; MQTT still connects so the drivers can publish.
   */
  oneShot?: boolean;
  /** Extra inputs (speech), started after the built-in ones and stopped with them. */
  inputFactories?: InputFactory[];
}

export interface DaemonStatus {
  router: { loaded: boolean; error?: string };
  mqtt: { enabled: boolean; connected: boolean; queued: number };
  degraded: string[];
}

export function toolSchemas(config: AgentConfig): ToolSchema[] {
  return config.tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters }));
}

export class Daemon {
  readonly config: AgentConfig;
  readonly log: Logger;
  readonly notifier: SystemdNotifier;
  readonly mqtt: AgentMqtt | null;
  private readonly options: DaemonOptions;
  private readonly drivers: DriverSet;
  private readonly ownsDrivers: boolean;
  private router: Router | null = null;
  private routerError: string | undefined;
  private pipelineInstance: Pipeline | null = null;
  private readonly inputs: InputSource[] = [];
  private httpInput: HttpInput | null = null;
  private stopping: Promise<void> | null = null;

  constructor(options: DaemonOptions) {
    this.options = options;
    this.config = options.config;
    this.log = options.log;
    this.notifier = options.notifier ?? new SystemdNotifier(process.env, options.log.child({ component: 'notify' }));
    this.mqtt = this.config.mqtt.enabled
      ? new AgentMqtt(this.config.mqtt, options.log.child({ component: 'mqtt' }))
      : null;
    if (options.drivers) {
      this.drivers = options.drivers;
      this.ownsDrivers = false;
    } else {
      this.drivers = createDriverRegistry({
        log: options.log.child({ component: 'drivers' }),
        mqtt: () => this.mqtt,
        eventTopic: this.mqtt?.topic('event') ?? `${this.config.mqtt.baseTopic}/event`,
        runTool: (call) => this.runTool(call),
        startTimers: !options.oneShot,
        ...(this.config.drivers.stateDir ? { stateDir: this.config.drivers.stateDir } : {}),
        ...(this.config.drivers.gpio ? { gpio: this.config.drivers.gpio } : {}),
        ...(this.config.drivers.speak ? { speak: this.config.drivers.speak } : {}),
      });
      this.ownsDrivers = true;
    }
  }

  get pipeline(): Pipeline {
    if (!this.pipelineInstance) throw new Error('daemon not started');
    return this.pipelineInstance;
  }

  /** The HTTP input's bound address (when enabled and started). */
  get httpAddress(): { host: string; port: number } | null {
    const a = this.httpInput?.address();
    return a ? { host: a.address, port: a.port } : null;
  }

  status(): DaemonStatus {
    const degraded: string[] = [];
    if (!this.router) degraded.push(`router unavailable (${this.routerError ?? 'not loaded'})`);
    if (this.mqtt && !this.mqtt.connected) degraded.push(`MQTT broker ${this.config.mqtt.url} not connected`);
    return {
      router: { loaded: this.router !== null, ...(this.routerError ? { error: this.routerError } : {}) },
      mqtt: { enabled: this.mqtt !== null, connected: this.mqtt?.connected ?? false, queued: this.mqtt?.queued ?? 0 },
      degraded,
    };
  }

  private health(): HealthInfo {
    const s = this.status();
    return {
      status: s.degraded.length === 0 ? 'ok' : 'degraded',
      router: s.router.loaded,
      routerError: s.router.error ?? null,
      mqttEnabled: s.mqtt.enabled,
      mqttConnected: s.mqtt.connected,
      mqttQueued: s.mqtt.queued,
      pendingCommands: this.pipelineInstance?.pending ?? 0,
      degraded: s.degraded.join('; ') || null,
    };
  }

  private readonly events: EventSink = {
    emit: (event: AgentEvent) => {
      if (event.type === 'error') this.log.warn({ event }, 'input rejected');
      if (!this.mqtt) return;
      this.mqtt
        .publish(this.mqtt.topic('event'), JSON.stringify(event), { qos: 1 })
        .catch((err: unknown) => this.log.warn({ err: String(err), type: event.type }, 'event not published'));
    },
  };

  /** Timers firing `on_fire.tool` run the tool's binding through the same checks and drivers. */
  private async runTool(call: ToolCall): Promise<DriverResult> {
    if (!this.pipelineInstance) return { ok: false, detail: 'agent not started' };
    return this.pipelineInstance.runTool(call);
  }

  private async loadRouter(): Promise<void> {
    const load = this.options.loadRouter ?? loadNeedleRouter;
    const { modelDir, variant } = this.config.router;
    const started = Date.now();
    try {
      this.router = await load({ modelDir, variant, tools: toolSchemas(this.config) });
      this.log.info({ modelDir, variant, ms: Date.now() - started }, 'Needle router loaded');
      for (const warning of this.router.warnings ?? []) this.log.warn({ modelDir }, `Needle router: ${warning}`);
    } catch (err) {
      this.routerError = err instanceof Error ? err.message : String(err);
      this.log.error(
        { modelDir, variant, err: this.routerError },
        `Needle router failed to load from ${modelDir}: ${this.routerError}. Running degraded: every command gets an error result until the model is installed and the agent restarted`,
      );
    }
  }

  async start(): Promise<void> {
    const c = this.config;
    this.notifier.status('starting');
    this.mqtt?.start();
    await this.loadRouter();

    const driverLog = this.log.child({ component: 'drivers' });
    const driverContext: DriverContext = { log: driverLog, mqtt: this.mqtt };
    const confirmTools = c.tools.filter((t) => t.confirm).map((t) => t.name);
    this.pipelineInstance = new Pipeline({
      router: this.router,
      ...(this.routerError ? { routerError: this.routerError } : {}),
      tools: c.tools,
      drivers: this.drivers,
      policy: new Policy(c.policy, confirmTools),
      driverContext,
      events: this.events,
      log: this.log.child({ component: 'pipeline' }),
    });
    const inputLog = this.log.child({ component: 'inputs' });
    const oneShot = this.options.oneShot === true;
    if (this.mqtt && c.inputs.mqtt.enabled && !oneShot) {
      this.inputs.push(new MqttInput(this.mqtt, this.pipelineInstance, this.events, inputLog));
    }
    if (c.inputs.http.enabled && !oneShot) {
      this.httpInput = new HttpInput({
        host: c.inputs.http.host,
        port: c.inputs.http.port,
        pipeline: this.pipelineInstance,
        events: this.events,
        log: inputLog,
        health: () => this.health(),
      });
      this.inputs.push(this.httpInput);
    }
    if (c.inputs.stdin.enabled && this.options.input && !oneShot) {
      this.inputs.push(
        new LineInput({
          input: this.options.input,
          output: this.options.output ?? process.stdout,
          pipeline: this.pipelineInstance,
          events: this.events,
          log: inputLog,
        }),
      );
    }
    if (!oneShot) {
      for (const factory of this.options.inputFactories ?? []) {
        const input = factory({ config: c, pipeline: this.pipelineInstance, events: this.events, log: inputLog, mqtt: this.mqtt });
        if (input) this.inputs.push(input);
      }
    }
    for (const input of this.inputs) {
      try {
        await input.start();
      } catch (err) {
        // e.g. the HTTP port is taken: the other inputs still serve.
        this.log.error({ input: input.name, err: String(err) }, `input ${input.name} failed to start`);
      }
    }

    if (this.mqtt) {
      const connected = await this.mqtt.waitConnected(c.mqtt.connectTimeoutMs);
      if (!connected) {
        this.log.warn(
          { url: c.mqtt.url, waitedMs: c.mqtt.connectTimeoutMs },
          'MQTT broker not reachable; running degraded, messages are queued and the connection keeps retrying',
        );
      }
      if (c.mqtt.homeAssistant.discovery && !oneShot) {
        publishHomeAssistantDiscovery(this.mqtt, {
          baseTopic: c.mqtt.baseTopic,
          nodeId: c.mqtt.clientId,
          name: c.mqtt.homeAssistant.name,
          discoveryPrefix: c.mqtt.homeAssistant.prefix,
        }).catch((err: unknown) => this.log.warn({ err: String(err) }, 'Home Assistant discovery not published'));
      }
    }

    const { degraded } = this.status();
    const summary = degraded.length === 0 ? 'ready' : `degraded: ${degraded.join('; ')}`;
    this.notifier.ready(summary);
    this.notifier.startWatchdog();
    this.log.info(
      {
        config: c.file,
        tools: c.tools.map((t) => t.name),
        inputs: this.inputs.map((i) => i.name),
        http: this.httpAddress,
        degraded,
      },
      degraded.length === 0 ? 'needle-agent ready' : 'needle-agent ready (degraded)',
    );
  }

  /** Graceful stop; safe to call more than once. */
  stop(reason = 'stop requested'): Promise<void> {
    this.stopping ??= this.doStop(reason);
    return this.stopping;
  }

  private async doStop(reason: string): Promise<void> {
    this.notifier.stopping(`stopping: ${reason}`);
    this.log.info({ reason, pending: this.pipelineInstance?.pending ?? 0 }, 'needle-agent stopping');
    await Promise.allSettled(this.inputs.map((i) => i.stop()));
    if (this.pipelineInstance) {
      const drainTimeout = this.options.drainTimeoutMs ?? 10_000;
      const drained = await Promise.race([
        this.pipelineInstance.drain().then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), drainTimeout).unref()),
      ]);
      if (!drained) this.log.warn({ drainTimeout }, 'gave up waiting for queued commands');
    }
    if (this.ownsDrivers) await this.drivers.close?.();
    await this.router?.close().catch((err: unknown) => this.log.warn({ err: String(err) }, 'router close failed'));
    await this.mqtt?.close();
    this.notifier.close();
    this.log.info({}, 'needle-agent stopped');
  }
}
