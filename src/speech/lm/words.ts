/** Turns identifiers, descriptions and values into the lower-case word sequences a speaker would say. */
import { numberToWords } from './numbers.js';

/** "living_room" -> ["living", "room"], "setBrightness" -> ["set", "brightness"], "21" -> ["twenty", "one"]. */
export function speakableWords(text: string): string[] {
  const spaced = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-/.,:;!?()[\]{}"]+/g, ' ')
    .toLowerCase();
  const out: string[] = [];
  for (const token of spaced.split(/\s+/)) {
    if (token === '') continue;
    if (/^\d+$/.test(token)) {
      const n = Number(token);
      if (n <= 999_999) out.push(...numberToWords(n).split(' '));
      continue;
    }
    const clean = token.replace(/[^a-z']/g, '');
    if (clean !== '' && clean !== "'") out.push(clean);
  }
  return out;
}

export function speakable(text: string): string {
  return speakableWords(text).join(' ');
}
