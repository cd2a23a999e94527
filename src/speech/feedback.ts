/**
 * What the agent says back after a spoken command: a short sentence built from the result
 * ("set light: kitchen, on", "sorry, I did not catch that"). Speaking is left to the caller
 * (the speak driver's espeak-ng in the daemon).
 */
import type { CommandResult } from '../agent/result.js';
import { speakable } from './lm/words.js';

export const NOT_UNDERSTOOD = 'sorry, I did not catch that';

function say(value: unknown): string {
  if (typeof value === 'string') return speakable(value);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** "set light: kitchen, on" */
export function describeCall(call: { name: string; arguments: Record<string, unknown> }): string {
  const args = Object.values(call.arguments).map(say).filter((s) => s !== '');
  return args.length === 0 ? speakable(call.name) : `${speakable(call.name)}: ${args.join(', ')}`;
}

/** The sentence to speak for a pipeline result, or null when nothing should be said. */
export function feedbackFor(result: CommandResult): string | null {
  switch (result.status) {
    case 'ok':
    case 'partial':
      return result.calls.filter((c) => c.status === 'executed').map(describeCall).join(', and ') || 'done';
    case 'confirmation_required':
      return `should I ${result.calls.map(describeCall).join(', and ')}? say yes or no`;
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return `that did not work: ${result.calls.map((c) => c.detail).filter(Boolean)[0] ?? 'device error'}`;
    case 'rejected':
      return 'I am not allowed to do that';
    case 'no_match':
    case 'low_confidence':
      return NOT_UNDERSTOOD;
    case 'error':
      return 'sorry, something went wrong';
    default:
      return null;
  }
}
