/** What the pipeline answers for each command, and the events it publishes. */
import type { JsonPrimitive, CommandSource } from './types.js';

export type CommandStatus =
  /** every call ran and its driver reported ok */
  | 'ok'
  /** some calls ran ok, others failed or were refused */
  | 'partial'
  /** calls were accepted but no driver reported ok */
  | 'failed'
  /** every call was refused (invalid arguments, not allowed for this source) */
  | 'rejected'
  /** the router found no tool for the text */
  | 'no_match'
  /** the router (times the recogniser) was not sure enough */
  | 'low_confidence'
  /** a dangerous tool is waiting for "yes"/"confirm" */
  | 'confirmation_required'
  /** a pending confirmation was answered "no", expired or was replaced */
  | 'cancelled'
  /** the command could not be handled at all (router unavailable, router crashed, bad input) */
  | 'error';

export type CallStatus =
  | 'executed'
  | 'failed'
  | 'invalid'
  | 'not_allowed'
  | 'needs_confirmation'
  | 'skipped';

export interface CallOutcome {
  name: string;
  /** As the router produced them (untrusted until status says otherwise). */
  arguments: Record<string, unknown>;
  status: CallStatus;
  /** One line: the driver's detail, or why the call did not run. */
  detail: string;
  data?: Record<string, JsonPrimitive | null>;
  /** Driver time for executed calls. */
  ms?: number;
}

export interface CommandTimings {
  /** Router stages as the router measured them. */
  normalizeMs: number;
  encodeMs: number;
  decodeMs: number;
  /** Wall time around router.route(). */
  routeMs: number;
  policyMs: number;
  driversMs: number;
  totalMs: number;
}

export interface PendingConfirmationInfo {
  id: string;
  tools: string[];
  expiresAt: string;
}

export interface CommandResult {
  id: string;
  source: CommandSource;
  text: string;
  normalizedText: string;
  status: CommandStatus;
  /** Router confidence times the recogniser's (speech), 0..1. */
  confidence: number;
  routerConfidence: number;
  sttConfidence?: number;
  calls: CallOutcome[];
  timings: CommandTimings;
  /** Set when status is confirmation_required. */
  confirmation?: PendingConfirmationInfo;
  /** Set when this command answered a pending confirmation. */
  confirmed?: string;
  error?: string;
}

export type InputErrorReason =
  | 'payload_too_large'
  | 'invalid_utf8'
  | 'malformed_json'
  | 'invalid_command'
  | 'empty_command'
  | 'unknown_confirmation'
  | 'retained_command';

export interface InputErrorEvent {
  type: 'error';
  source: CommandSource;
  reason: InputErrorReason;
  detail: string;
  id?: string;
  at: string;
}

export interface CommandEvent extends CommandResult {
  type: 'command';
  at: string;
}

export type AgentEvent = CommandEvent | InputErrorEvent;

/** Where the pipeline and the inputs report (MQTT `<base>/event` + the log, in the daemon). */
export interface EventSink {
  emit(event: AgentEvent): void;
}
