/**
 * Decodes a command payload from MQTT or HTTP: at most 64 KiB, strict UTF-8, then either a JSON
 * object `{"text": "...", "id": "..."}` or plain text. Anything else is refused with a reason the
 * input turns into an error event.
 */
import type { InputErrorReason } from './result.js';

export const MAX_COMMAND_BYTES = 64 * 1024;
const MAX_ID_LENGTH = 200;

export type DecodedCommand =
  | { ok: true; text: string; id?: string }
  | { ok: false; reason: InputErrorReason; detail: string; id?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeCommandPayload(payload: Uint8Array, contentType?: string): DecodedCommand {
  if (payload.byteLength > MAX_COMMAND_BYTES) {
    return {
      ok: false,
      reason: 'payload_too_large',
      detail: `payload is ${payload.byteLength} bytes; the limit is ${MAX_COMMAND_BYTES}`,
    };
  }
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return { ok: false, reason: 'invalid_utf8', detail: 'payload is not valid UTF-8' };
  }
  const trimmed = text.trim();
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[') || /json/i.test(contentType ?? '');
  if (!looksJson) {
    if (trimmed === '') return { ok: false, reason: 'empty_command', detail: 'command text is empty' };
    return { ok: true, text: trimmed };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (err) {
    return { ok: false, reason: 'malformed_json', detail: `malformed JSON: ${(err as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'invalid_command', detail: 'JSON command must be an object {"text": "...", "id": "..."}' };
  }
  const obj = parsed as Record<string, unknown>;
  const id = typeof obj.id === 'string' && obj.id.length > 0 && obj.id.length <= MAX_ID_LENGTH ? obj.id : undefined;
  if (obj.id !== undefined && id === undefined) {
    return { ok: false, reason: 'invalid_command', detail: `"id" must be a string of 1..${MAX_ID_LENGTH} characters` };
  }
  if (typeof obj.text !== 'string') {
    return { ok: false, reason: 'invalid_command', detail: 'JSON command needs a string "text"', ...(id ? { id } : {}) };
  }
  if (obj.text.trim() === '') {
    return { ok: false, reason: 'empty_command', detail: 'command text is empty', ...(id ? { id } : {}) };
  }
  return { ok: true, text: obj.text.trim(), ...(id ? { id } : {}) };
}

export type DecodedConfirmation =
  | { ok: true; id: string; accept: boolean }
  | { ok: false; reason: InputErrorReason; detail: string };

/** `<base>/confirm` payloads: a confirmation id (accepts), or `{"id": "...", "confirm": true|false}`. */
export function decodeConfirmationPayload(payload: Uint8Array): DecodedConfirmation {
  if (payload.byteLength > MAX_COMMAND_BYTES) {
    return { ok: false, reason: 'payload_too_large', detail: `payload is ${payload.byteLength} bytes` };
  }
  let text: string;
  try {
    text = utf8.decode(payload).trim();
  } catch {
    return { ok: false, reason: 'invalid_utf8', detail: 'payload is not valid UTF-8' };
  }
  if (!text.startsWith('{')) {
    if (text === '' || text.length > MAX_ID_LENGTH) {
      return { ok: false, reason: 'invalid_command', detail: 'expected a confirmation id' };
    }
    return { ok: true, id: text, accept: true };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: 'malformed_json', detail: `malformed JSON: ${(err as Error).message}` };
  }
  const obj = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (typeof obj.id !== 'string' || obj.id === '' || (obj.confirm !== undefined && typeof obj.confirm !== 'boolean')) {
    return { ok: false, reason: 'invalid_command', detail: 'expected {"id": "<confirmation id>", "confirm": true|false}' };
  }
  return { ok: true, id: obj.id, accept: obj.confirm !== false };
}
