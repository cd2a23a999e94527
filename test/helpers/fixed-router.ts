/**
 * Test-only router: returns the calls listed for an exact text (nothing else), so pipeline and
 * daemon tests do not depend on the Needle model. The product never uses anything like this.
 */
import type { RouteResult, Router, ToolCall, ToolSchema } from '../../src/agent/types.js';

export interface FixedAnswer {
  calls: unknown[];
  confidence?: number;
  /** Resolves before the answer is returned (lets a test hold a command mid-route). */
  wait?: Promise<void>;
  throws?: string;
}

export interface FixedRouter extends Router {
  /** Every text route() was called with, in order. */
  readonly seen: string[];
  closed: boolean;
}

export function fixedRouter(tools: readonly ToolSchema[], table: Record<string, FixedAnswer>): FixedRouter {
  const seen: string[] = [];
  const router: FixedRouter = {
    tools,
    seen,
    closed: false,
    async route(text: string): Promise<RouteResult> {
      seen.push(text);
      const answer = table[text];
      if (answer?.wait) await answer.wait;
      if (answer?.throws) throw new Error(answer.throws);
      return {
        calls: (answer?.calls ?? []) as ToolCall[],
        confidence: answer?.confidence ?? (answer ? 0.97 : 0.9),
        normalizedText: text.toLowerCase(),
        timings: { normalizeMs: 0.01, encodeMs: 1, decodeMs: 2, totalMs: 3.01 },
      };
    },
    async close(): Promise<void> {
      router.closed = true;
    },
  };
  return router;
}

/** A promise plus the function that resolves it. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
