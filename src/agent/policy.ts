/**
 * What may run: the confidence threshold, the per-source allowlist, and confirmation for dangerous
 * tools. A command that calls a confirm-tool is held as a pending confirmation (one per source);
 * the next command from that source answers it ("yes"/"confirm" runs it, "no"/"cancel" drops it,
 * anything else drops it and is routed as a new command), or it is answered by id (MQTT
 * `<base>/confirm`, HTTP /confirm), or it expires.
 */
import { randomUUID } from 'node:crypto';
import type { PolicyConfig } from './config.js';
import type { CommandSource, ToolCall } from './types.js';

export interface PendingConfirmation {
  id: string;
  source: CommandSource;
  /** The command that asked for it. */
  commandId: string;
  text: string;
  calls: ToolCall[];
  expiresAt: number;
}

export type ConfirmationAnswer = 'yes' | 'no' | 'other';

/** Lower-case, trim, drop punctuation around words: "Yes!" -> "yes". */
function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class Policy {
  private readonly config: PolicyConfig;
  private readonly confirmTools: ReadonlySet<string>;
  private readonly yes: ReadonlySet<string>;
  private readonly no: ReadonlySet<string>;
  private readonly pending = new Map<CommandSource, PendingConfirmation>();
  private readonly now: () => number;

  constructor(config: PolicyConfig, confirmTools: Iterable<string>, now: () => number = Date.now) {
    this.config = config;
    this.confirmTools = new Set(confirmTools);
    this.yes = new Set(config.confirm.yes.map(normalizeAnswer));
    this.no = new Set(config.confirm.no.map(normalizeAnswer));
    this.now = now;
  }

  get threshold(): number {
    return this.config.confidenceThreshold;
  }

  meetsThreshold(confidence: number): boolean {
    return Number.isFinite(confidence) && confidence >= this.config.confidenceThreshold;
  }

  /** A source not listed in policy.sources may run every tool. */
  isAllowed(source: CommandSource, tool: string): boolean {
    const rule = this.config.sources[source];
    if (!rule) return true;
    return rule.allow.includes('*') || rule.allow.includes(tool);
  }

  needsConfirmation(tool: string): boolean {
    return this.confirmTools.has(tool);
  }

  classifyAnswer(text: string): ConfirmationAnswer {
    const answer = normalizeAnswer(text);
    if (this.yes.has(answer)) return 'yes';
    if (this.no.has(answer)) return 'no';
    return 'other';
  }

  /** Holds calls until confirmed; replaces (and returns) what the source had pending. */
  hold(
    source: CommandSource,
    commandId: string,
    text: string,
    calls: ToolCall[],
  ): { pending: PendingConfirmation; replaced?: PendingConfirmation } {
    const replaced = this.pendingFor(source);
    const pending: PendingConfirmation = {
      id: randomUUID(),
      source,
      commandId,
      text,
      calls,
      expiresAt: this.now() + this.config.confirm.timeoutS * 1000,
    };
    this.pending.set(source, pending);
    return { pending, replaced };
  }

  /** The source's live pending confirmation (expired ones are dropped). */
  pendingFor(source: CommandSource): PendingConfirmation | undefined {
    const p = this.pending.get(source);
    if (p && p.expiresAt <= this.now()) {
      this.pending.delete(source);
      return undefined;
    }
    return p;
  }

  /** Removes and returns the pending confirmation with this id, if still live. */
  takeById(id: string): PendingConfirmation | undefined {
    for (const [source, p] of this.pending) {
      if (p.id === id) {
        this.pending.delete(source);
        return p.expiresAt > this.now() ? p : undefined;
      }
    }
    return undefined;
  }

  take(source: CommandSource): PendingConfirmation | undefined {
    const p = this.pendingFor(source);
    if (p) this.pending.delete(source);
    return p;
  }
}
