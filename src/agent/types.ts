/**
 * Types shared by the router, the pipeline, the drivers and the speech front end.
 * Tool schemas follow the JSON-schema subset the Needle router understands.
 */
export type JsonPrimitive = string | number | boolean;

export type ParameterType = 'string' | 'integer' | 'number' | 'boolean';

export interface ParameterSchema {
  type: ParameterType;
  description?: string;
  enum?: Array<string | number>;
  minimum?: number;
  maximum?: number;
}

export interface ToolSchema {
  name: string;
  description: string;
  parameters: {
    type: 'object';
    properties: Record<string, ParameterSchema>;
    required?: string[];
  };
}

export interface ToolCall {
  name: string;
  arguments: Record<string, JsonPrimitive>;
}

export interface RouteTimings {
  normalizeMs: number;
  encodeMs: number;
  decodeMs: number;
  totalMs: number;
}

export interface RouteResult {
  /** Calls chosen by the router; [] when nothing fits. */
  calls: ToolCall[];
  /** 0..1: how sure the router is of the whole answer (including an empty answer). */
  confidence: number;
  /** The text the model actually saw after inverse text normalisation. */
  normalizedText: string;
  timings: RouteTimings;
}

/** Turns an utterance into tool calls. The production implementation is the Needle runtime. */
export interface Router {
  readonly tools: readonly ToolSchema[];
  /** What the router works without or leaves out (a missing lexicon, a parameter it cannot fill); logged at start. */
  readonly warnings?: readonly string[];
  route(text: string): Promise<RouteResult>;
  close(): Promise<void>;
}

/** Where a command came from; the policy's per-source allowlist keys on this. */
export type CommandSource = 'cli' | 'stdin' | 'mqtt' | 'http' | 'speech';

/** One command entering the pipeline, whatever its input. */
export interface CommandInput {
  text: string;
  source: CommandSource;
  /** Speech only: the recogniser's confidence 0..1, combined with the router's. */
  sttConfidence?: number;
  /** Correlation id echoed in results and events. */
  id?: string;
}
