/**
 * The one path every command takes, whatever its input:
 *   text -> (pending confirmation answer?) -> router.route -> schema check of every call (the model
 *   is untrusted) -> policy (confidence, allowlist, confirmation) -> drivers -> result
 * Each result is emitted as a `command` event (MQTT `<base>/event` in the daemon) and logged as one
 * structured line. Commands run one at a time, in arrival order, so device actions never interleave.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ActionBinding, Driver, DriverContext, DriverLogger, DriverResult } from '../drivers/types.js';
import { CallValidator } from './call-validator.js';
import type { ToolConfig } from './config.js';
import type { Policy } from './policy.js';
import type { CallOutcome, CommandResult, CommandStatus, CommandTimings, EventSink } from './result.js';
import type { CommandInput, RouteResult, Router, ToolCall } from './types.js';

export interface PipelineLogger extends DriverLogger {
  debug(obj: object, msg?: string): void;
}

export interface PipelineOptions {
  /** null while the router is unavailable (degraded mode): commands get an error result. */
  router: Router | null;
  /** Why the router is unavailable, shown in error results. */
  routerError?: string;
  tools: readonly ToolConfig[];
  drivers: ReadonlyMap<string, Driver>;
  policy: Policy;
  driverContext: DriverContext;
  events: EventSink;
  log: PipelineLogger;
  /** Longest a driver may take before its call is reported failed (default 30 s). */
  driverTimeoutMs?: number;
  /** Commands allowed to wait; more get an immediate error result (default 256). */
  maxPending?: number;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

function emptyTimings(): CommandTimings {
  return { normalizeMs: 0, encodeMs: 0, decodeMs: 0, routeMs: 0, policyMs: 0, driversMs: 0, totalMs: 0 };
}

export class PipelineClosedError extends Error {
  constructor() {
    super('the agent is shutting down');
    this.name = 'PipelineClosedError';
  }
}

export class Pipeline {
  private readonly options: PipelineOptions;
  private readonly validator: CallValidator;
  private readonly bindings: ReadonlyMap<string, ActionBinding>;
  private readonly driverTimeoutMs: number;
  private router: Router | null;
  private routerError: string | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private inFlight = 0;
  private closed = false;

  constructor(options: PipelineOptions) {
    this.options = options;
    this.router = options.router;
    this.routerError = options.routerError;
    this.validator = new CallValidator(options.tools);
    this.bindings = new Map(options.tools.map((t) => [t.name, t.action]));
    this.driverTimeoutMs = options.driverTimeoutMs ?? 30_000;
  }

  get pending(): number {
    return this.inFlight;
  }

  get routerAvailable(): boolean {
    return this.router !== null;
  }

  /** Swaps in a router (e.g. once the model has loaded). */
  setRouter(router: Router | null, error?: string): void {
    this.router = router;
    this.routerError = router ? undefined : error;
  }

  /** Queues a command; resolves with its result once it has run. Never rejects except after close(). */
  handle(input: CommandInput): Promise<CommandResult> {
    const limit = this.options.maxPending ?? 256;
    if (!this.closed && this.inFlight >= limit) {
      const started = performance.now();
      const result = this.baseResult({ ...input, id: input.id ?? randomUUID() }, started);
      result.error = `agent busy: ${this.inFlight} commands already waiting`;
      return Promise.resolve(this.finish(result, started));
    }
    return this.enqueue(() => this.run(input));
  }

  /** Answers a pending confirmation by its id (MQTT `<base>/confirm`, HTTP /confirm). */
  answer(confirmationId: string, accept: boolean, input: Omit<CommandInput, 'text'>): Promise<CommandResult | null> {
    return this.enqueue(async () => {
      const pending = this.options.policy.takeById(confirmationId);
      if (!pending) return null;
      const started = performance.now();
      const base = this.baseResult(
        { ...input, text: accept ? 'confirm' : 'cancel', id: input.id ?? randomUUID() },
        started,
      );
      return this.finishConfirmation(base, pending.id, pending.calls, accept, started);
    });
  }

  /**
   * Runs one tool call outside a command (a timer's `on_fire.tool`): the call is schema-checked and
   * executed by its driver; the router and the policy are not involved (the config author chose it).
   */
  async runTool(call: ToolCall): Promise<DriverResult> {
    const check = this.validator.check(call);
    if (!check.ok) return { ok: false, detail: `${check.name}: ${check.detail}` };
    const outcome = await this.execute(check.call, {
      ...this.baseResult({ text: `(tool ${call.name})`, source: 'cli', id: randomUUID() }, 0),
    });
    return {
      ok: outcome.status === 'executed',
      detail: outcome.detail,
      ...(outcome.data ? { data: outcome.data } : {}),
    };
  }

  /** Stops taking commands and waits for the queued ones to finish. */
  async drain(): Promise<void> {
    this.closed = true;
    while (this.inFlight > 0) await this.tail.catch(() => undefined);
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new PipelineClosedError());
    this.inFlight += 1;
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined).finally(() => {
      this.inFlight -= 1;
    });
    return next;
  }

  private baseResult(input: CommandInput & { id: string }, _started: number): CommandResult {
    return {
      id: input.id,
      source: input.source,
      text: input.text,
      normalizedText: input.text,
      status: 'error',
      confidence: 0,
      routerConfidence: 0,
      ...(input.sttConfidence === undefined ? {} : { sttConfidence: input.sttConfidence }),
      calls: [],
      timings: emptyTimings(),
    };
  }

  private async run(raw: CommandInput): Promise<CommandResult> {
    const started = performance.now();
    const input = { ...raw, id: raw.id ?? randomUUID() };
    const result = this.baseResult(input, started);
    const { policy } = this.options;

    // An answer to this source's pending confirmation never reaches the router.
    const pending = policy.pendingFor(input.source);
    if (pending) {
      const answer = policy.classifyAnswer(input.text);
      if (answer !== 'other') {
        policy.take(input.source);
        return this.finishConfirmation(result, pending.id, pending.calls, answer === 'yes', started);
      }
      policy.take(input.source);
      this.options.log.info({ confirmation: pending.id, source: input.source }, 'pending confirmation dropped by a new command');
    }

    if (!this.router) {
      result.error = `router unavailable: ${this.routerError ?? 'not loaded'}`;
      return this.finish(result, started);
    }

    let route: RouteResult;
    const routeStart = performance.now();
    try {
      route = await this.router.route(input.text);
    } catch (err) {
      result.timings.routeMs = round(performance.now() - routeStart);
      result.error = `router failed: ${err instanceof Error ? err.message : String(err)}`;
      return this.finish(result, started);
    }
    result.timings.routeMs = round(performance.now() - routeStart);
    result.timings.normalizeMs = route.timings?.normalizeMs ?? 0;
    result.timings.encodeMs = route.timings?.encodeMs ?? 0;
    result.timings.decodeMs = route.timings?.decodeMs ?? 0;
    result.normalizedText = typeof route.normalizedText === 'string' ? route.normalizedText : input.text;
    const routerConfidence = Number.isFinite(route.confidence) ? Math.min(Math.max(route.confidence, 0), 1) : 0;
    result.routerConfidence = routerConfidence;
    result.confidence = routerConfidence * (input.sttConfidence ?? 1);

    const policyStart = performance.now();
    const rawCalls: unknown[] = Array.isArray(route.calls) ? route.calls : [];
    if (rawCalls.length === 0) {
      result.status = 'no_match';
      result.timings.policyMs = round(performance.now() - policyStart);
      return this.finish(result, started);
    }
    if (!policy.meetsThreshold(result.confidence)) {
      result.status = 'low_confidence';
      result.calls = rawCalls.map((c) => {
        const check = this.validator.check(c);
        const call = check.ok ? check.call : { name: check.name, arguments: check.arguments };
        return {
          name: call.name,
          arguments: call.arguments,
          status: 'skipped',
          detail: `confidence ${result.confidence.toFixed(2)} is below the threshold ${policy.threshold}`,
        };
      });
      result.timings.policyMs = round(performance.now() - policyStart);
      return this.finish(result, started);
    }

    const runnable: ToolCall[] = [];
    const outcomes: Array<CallOutcome | ToolCall> = [];
    for (const c of rawCalls) {
      const check = this.validator.check(c);
      if (!check.ok) {
        outcomes.push({ name: check.name, arguments: check.arguments, status: 'invalid', detail: check.detail });
      } else if (!policy.isAllowed(input.source, check.call.name)) {
        outcomes.push({
          name: check.call.name,
          arguments: check.call.arguments,
          status: 'not_allowed',
          detail: `tool "${check.call.name}" is not allowed from ${input.source}`,
        });
      } else {
        runnable.push(check.call);
        outcomes.push(check.call);
      }
    }

    if (runnable.some((c) => policy.needsConfirmation(c.name))) {
      const { pending: held, replaced } = policy.hold(input.source, input.id, input.text, runnable);
      if (replaced) this.options.log.info({ confirmation: replaced.id }, 'pending confirmation replaced');
      result.timings.policyMs = round(performance.now() - policyStart);
      result.status = 'confirmation_required';
      result.confirmation = {
        id: held.id,
        tools: [...new Set(runnable.map((c) => c.name))],
        expiresAt: new Date(held.expiresAt).toISOString(),
      };
      result.calls = outcomes.map((o) =>
        'status' in o
          ? o
          : { name: o.name, arguments: o.arguments, status: 'needs_confirmation', detail: 'waiting for confirmation' },
      );
      return this.finish(result, started);
    }
    result.timings.policyMs = round(performance.now() - policyStart);

    const driversStart = performance.now();
    const executed = new Map<ToolCall, CallOutcome>();
    for (const call of runnable) executed.set(call, await this.execute(call, result));
    result.timings.driversMs = round(performance.now() - driversStart);
    result.calls = outcomes.map((o) => ('status' in o ? o : (executed.get(o) as CallOutcome)));
    result.status = overallStatus(result.calls);
    return this.finish(result, started);
  }

  private async finishConfirmation(
    result: CommandResult,
    confirmationId: string,
    calls: ToolCall[],
    accept: boolean,
    started: number,
  ): Promise<CommandResult> {
    result.confirmed = confirmationId;
    result.confidence = 1;
    result.routerConfidence = 1;
    if (!accept) {
      result.status = 'cancelled';
      result.calls = calls.map((c) => ({ name: c.name, arguments: c.arguments, status: 'skipped', detail: 'cancelled' }));
      return this.finish(result, started);
    }
    const driversStart = performance.now();
    const outcomes: CallOutcome[] = [];
    for (const call of calls) {
      // Answering by id from another input must not get round that input's allowlist.
      if (!this.options.policy.isAllowed(result.source, call.name)) {
        outcomes.push({
          name: call.name,
          arguments: call.arguments,
          status: 'not_allowed',
          detail: `tool "${call.name}" is not allowed from ${result.source}`,
        });
      } else outcomes.push(await this.execute(call, result));
    }
    result.timings.driversMs = round(performance.now() - driversStart);
    result.calls = outcomes;
    result.status = overallStatus(outcomes);
    return this.finish(result, started);
  }

  private async execute(call: ToolCall, command: CommandResult): Promise<CallOutcome> {
    const binding = this.bindings.get(call.name) as ActionBinding;
    const driver = this.options.drivers.get(binding.driver);
    const base = { name: call.name, arguments: call.arguments };
    if (!driver) return { ...base, status: 'failed', detail: `driver "${binding.driver}" is not available` };
    const context: DriverContext = {
      ...this.options.driverContext,
      command: { text: command.text, confidence: command.confidence, id: command.id, source: command.source },
    };
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let outcome: DriverResult;
    try {
      outcome = await Promise.race([
        driver.execute(binding, call, context),
        new Promise<DriverResult>((resolve) => {
          timer = setTimeout(
            () => resolve({ ok: false, detail: `driver ${driver.name} timed out after ${this.driverTimeoutMs} ms` }),
            this.driverTimeoutMs,
          );
        }),
      ]);
    } catch (err) {
      outcome = { ok: false, detail: `driver ${driver.name} threw: ${err instanceof Error ? err.message : String(err)}` };
    } finally {
      clearTimeout(timer);
    }
    return {
      ...base,
      status: outcome.ok ? 'executed' : 'failed',
      detail: outcome.detail,
      ...(outcome.data ? { data: outcome.data } : {}),
      ms: round(performance.now() - start),
    };
  }

  private finish(result: CommandResult, started: number): CommandResult {
    result.timings.totalMs = round(performance.now() - started);
    const line = {
      id: result.id,
      source: result.source,
      text: result.text,
      normalizedText: result.normalizedText,
      status: result.status,
      confidence: result.confidence,
      calls: result.calls,
      timings: result.timings,
      ...(result.confirmation ? { confirmation: result.confirmation } : {}),
      ...(result.confirmed ? { confirmed: result.confirmed } : {}),
      ...(result.error ? { error: result.error } : {}),
    };
    if (result.status === 'error') this.options.log.error({ command: line }, 'command failed');
    else this.options.log.info({ command: line }, 'command routed');
    this.options.events.emit({ type: 'command', at: new Date().toISOString(), ...result });
    return result;
  }
}

function overallStatus(calls: readonly CallOutcome[]): CommandStatus {
  const ok = calls.filter((c) => c.status === 'executed').length;
  const attempted = calls.filter((c) => c.status === 'executed' || c.status === 'failed').length;
  if (ok === calls.length) return 'ok';
  if (ok > 0) return 'partial';
  if (attempted > 0) return 'failed';
  return 'rejected';
}
