/**
 * Inverse text normalisation (ITN): turns speech-to-text style text into the canonical form the
 * Needle model reads. The same function runs on the training data and at run time, so the model
 * never has to learn arithmetic: it copies numbers, times and durations that are already in the
 * shape a device needs.
 *
 *   "uh set it to seventy two degrees"      -> "uh set it to 72 degrees"
 *   "wake me at half past seven"            -> "wake me at 07:30"
 *   "timer for an hour and a half"          -> "timer for 5400 seconds"
 *   "Dim to 20%!"                           -> "dim to 20 percent"
 */

const UNITS: Record<string, number> = {
  zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };

const DURATION_UNITS: Record<string, number> = {
  second: 1, seconds: 1, sec: 1, secs: 1, s: 1,
  minute: 60, minutes: 60, min: 60, mins: 60,
  hour: 3600, hours: 3600, hr: 3600, hrs: 3600, h: 3600,
};

/** Lowercases, spells out symbols and strips punctuation that carries no meaning. */
function clean(text: string): string {
  let t = text.toLowerCase().normalize('NFKC');
  t = t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  t = t.replace(/(\d)\s*%/g, '$1 percent ');
  t = t.replace(/(\d)\s*°\s*[cf]?\b/g, '$1 degrees ');
  t = t.replace(/°/g, ' degrees ');
  // 7:30pm -> 7:30 pm ; 7pm -> 7 pm
  t = t.replace(/(\d)(am|pm|a\.m\.|p\.m\.)\b/g, '$1 $2');
  t = t.replace(/\ba\.m\.?/g, 'am').replace(/\bp\.m\.?/g, 'pm');
  t = t.replace(/o'clock/g, 'oclock').replace(/o clock/g, 'oclock');
  // keep digits' decimal points and times' colons; drop other punctuation
  t = t.replace(/(\d)\.(\d)/g, '$1\u0000$2').replace(/(\d):(\d)/g, '$1\u0001$2');
  t = t.replace(/(\d),(\d{3})/g, '$1$2');
  // a decimal comma as typed in much of Europe ("19,5 degrees"); "1, 2 and 3" keeps its spaces
  t = t.replace(/(\d),(\d{1,2})(?!\d)/g, '$1\u0000$2');
  // a minus sign that starts a number is said ("-5" -> "minus 5", pass 1 makes it -5 again);
  // other hyphens split words ("twenty-five", "5-10", "wi-fi")
  t = t.replace(/(^|\s)-(?=\d)/g, '$1minus ');
  t = t.replace(/-/g, ' ');
  t = t.replace(/[^\p{L}0-9\u0000\u0001'_ ]+/gu, ' ');
  t = t.replace(/'(?![a-z])|(?<![a-z])'/g, ' ');
  t = t.replace(/\u0000/g, '.').replace(/\u0001/g, ':');
  return t.replace(/\s+/g, ' ').trim();
}

/** Reads a spelled number starting at tokens[i]; returns its value and how many tokens it used. */
function readNumberWords(tokens: string[], i: number): { value: number; used: number; text: string } | null {
  let total = 0;
  let current = 0;
  let used = 0;
  let sawAny = false;
  let lastKind: 'unit' | 'ten' | 'scale' | 'none' = 'none';
  let j = i;
  while (j < tokens.length) {
    const w = tokens[j];
    if (w in UNITS && w !== 'oh') {
      if (lastKind === 'unit' || (lastKind === 'ten' && UNITS[w] >= 10)) break;
      current += UNITS[w];
      lastKind = 'unit';
    } else if (w in TENS) {
      if (lastKind === 'unit' || lastKind === 'ten') break;
      current += TENS[w];
      lastKind = 'ten';
    } else if (w in SCALES && (sawAny || current > 0)) {
      if (SCALES[w] === 100) current = (current || 1) * 100;
      else { total += (current || 1) * SCALES[w]; current = 0; }
      lastKind = 'scale';
    } else if (w === 'a' && !sawAny && (tokens[j + 1] === 'hundred' || tokens[j + 1] === 'thousand')) {
      current = 1;
      lastKind = 'unit';
    } else if (w === 'and' && lastKind === 'scale' && j + 1 < tokens.length && (tokens[j + 1] in UNITS || tokens[j + 1] in TENS)) {
      // "one hundred and five"
    } else {
      break;
    }
    if (w !== 'and' && w !== 'a') sawAny = true;
    j++;
    used = j - i;
  }
  if (!sawAny) return null;
  // trailing "and" is not part of the number
  while (used > 0 && tokens[i + used - 1] === 'and') used--;
  let value = total + current;
  let text = String(value);
  // decimals: "two point five"
  if (tokens[i + used] === 'point') {
    const digits: string[] = [];
    let k = i + used + 1;
    while (k < tokens.length && (tokens[k] in UNITS) && UNITS[tokens[k]] < 10) { digits.push(String(UNITS[tokens[k]])); k++; }
    if (digits.length > 0) {
      text = `${value}.${digits.join('')}`;
      value = Number(text);
      used = k - i;
    }
  }
  return { value, used, text };
}

/** Words that make an utterance about a time of day, where "six thirty" is 06:30 and not 630. */
const TIME_WORDS: ReadonlySet<string> = new Set([
  'am', 'pm', 'oclock', 'alarm', 'alarms', 'wake', 'remind', 'reminder', 'clock', 'time', 'morning', 'afternoon', 'evening',
  'night', 'tonight', 'tomorrow', 'today', 'noon', 'schedule', 'appointment', 'meeting', 'until', 'till',
]);
/** Words that make the number after them negative ("minus five"). */
const NEGATIVE_WORDS: ReadonlySet<string> = new Set(['minus', 'negative']);
/** Words before a number that make it a time of day ("at six thirty", "by seven fifteen"). */
const TIME_PREPOSITIONS: ReadonlySet<string> = new Set(['at', 'by', 'around', 'from', 'past']);

/**
 * A digit said before a tens number as one number of hundreds, the way people say temperatures and
 * channels ("preheat the oven to one eighty" -> 180, "hot end two forty" -> 240, "channel one twenty
 * five" -> 125), unless the number follows a time preposition ("at seven fifteen"), the first number
 * has a sign, or the second is a percentage ("pump one seventy percent"). numbersToDigits does not
 * ask at all when the utterance speaks of a time of day (TIME_WORDS: "alarm for six thirty").
 */
function hundredsReading(tokens: string[], i: number, first: { value: number; used: number; text: string }, previous: string | undefined): { value: number; used: number } | null {
  if (first.used !== 1 || first.value < 1 || first.value > 9 || first.text.includes('.') || !(tokens[i] in UNITS)) return null;
  if (!(tokens[i + 1] in TENS) && !(tokens[i + 1] in UNITS && UNITS[tokens[i + 1]] >= 10)) return null;
  if (previous !== undefined && (TIME_PREPOSITIONS.has(previous) || NEGATIVE_WORDS.has(previous))) return null;
  const rest = readNumberWords(tokens, i + 1);
  if (rest === null || rest.text.includes('.') || rest.value < 10 || rest.value > 99) return null;
  // a percentage is at most a hundred: "pump one seventy percent" is pump 1 at 70
  const after = tokens[i + 1 + rest.used];
  if (after === 'percent' || after === 'per' || after === '%') return null;
  return { value: first.value * 100 + rest.value, used: 1 + rest.used };
}

/**
 * A code said digit by digit ("ticket four four seven one", "pin one two three four"): three or more
 * single digits in a row are one number, "4471". Clock times are read before this.
 */
function digitRunsToNumbers(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && /^\d$/.test(tokens[j])) j++;
    if (j - i >= 3) { out.push(tokens.slice(i, j).join('')); i = j; } else { out.push(tokens[i]); i++; }
  }
  return out;
}

/** Pass 1: spelled numbers -> digits ("minus five" -> "-5", "two point five" -> "2.5"). */
function numbersToDigits(tokens: string[]): string[] {
  const out: string[] = [];
  const aboutTime = tokens.some((w) => TIME_WORDS.has(w));
  for (let i = 0; i < tokens.length; i++) {
    const n = readNumberWords(tokens, i);
    const hundreds = n && !aboutTime ? hundredsReading(tokens, i, n, out[out.length - 1]) : null;
    if (hundreds) {
      out.push(String(hundreds.value));
      i += hundreds.used - 1;
      continue;
    }
    if (n) {
      const negative = out.length > 0 && NEGATIVE_WORDS.has(out[out.length - 1]);
      if (negative) out.pop();
      out.push((negative ? '-' : '') + n.text);
      i += n.used - 1;
      continue;
    }
    if (/^\d+(\.\d+)?$/.test(tokens[i]) && out.length > 0 && NEGATIVE_WORDS.has(out[out.length - 1])) {
      out.pop();
      out.push('-' + tokens[i]);
      continue;
    }
    out.push(tokens[i]);
  }
  return out;
}

const isInt = (w: string | undefined): boolean => w !== undefined && /^\d+$/.test(w);
const pad2 = (n: number): string => String(n).padStart(2, '0');

function to24h(hour: number, minute: number, meridiem: string | undefined): string | null {
  if (hour > 24 || minute > 59) return null;
  let h = hour;
  if (meridiem === 'pm' && h < 12) h += 12;
  if (meridiem === 'am' && h === 12) h = 0;
  if (h === 24) h = 0;
  return `${pad2(h)}:${pad2(minute)}`;
}

/** Pass 2: clock times -> HH:MM. */
function timesToClock(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i];
    const next = tokens[i + 1];
    // half past seven / quarter past 7 / quarter to 8 / 10 past 6 / 20 to 9
    if ((w === 'half' || w === 'quarter' || isInt(w)) && (next === 'past' || next === 'to' || next === 'after') && isInt(tokens[i + 2])
        && !(isInt(w) && next === 'to' && !['am', 'pm', 'oclock', 'tonight', 'tomorrow'].includes(tokens[i + 3] ?? '') && i > 0 && !['at', 'for', 'until', 'till'].includes(tokens[i - 1]))) {
      const minutes = w === 'half' ? 30 : w === 'quarter' ? 15 : Number(w);
      let hour = Number(tokens[i + 2]);
      let used = 3;
      let meridiem: string | undefined;
      if (tokens[i + 3] === 'am' || tokens[i + 3] === 'pm') { meridiem = tokens[i + 3]; used = 4; }
      if (minutes < 60 && hour <= 12) {
        let m = minutes;
        if (next === 'to') { hour = hour === 0 ? 23 : hour - 1; m = 60 - minutes; }
        const clock = to24h(hour, m, meridiem);
        if (clock) { out.push(clock); i += used - 1; continue; }
      }
    }
    // 7:30 pm, 7:30
    const hm = /^(\d{1,2}):(\d{2})$/.exec(w);
    if (hm) {
      const meridiem = next === 'am' || next === 'pm' ? next : undefined;
      const clock = to24h(Number(hm[1]), Number(hm[2]), meridiem);
      if (clock) { out.push(clock); if (meridiem) i++; continue; }
    }
    // 7 30 pm / 7 pm / 7 oclock / at 7 30
    if (isInt(w) && Number(w) <= 12) {
      const prev = out[out.length - 1];
      if (isInt(next) && next.length === 2 && Number(next) < 60 && (tokens[i + 2] === 'am' || tokens[i + 2] === 'pm' || prev === 'at' || prev === 'until' || prev === 'till')) {
        const meridiem = tokens[i + 2] === 'am' || tokens[i + 2] === 'pm' ? tokens[i + 2] : undefined;
        const clock = to24h(Number(w), Number(next), meridiem);
        if (clock) { out.push(clock); i += meridiem ? 2 : 1; continue; }
      }
      if ((next === '0' || next === 'oh') && isInt(tokens[i + 2]) && tokens[i + 2].length === 1 && (prev === 'at' || tokens[i + 3] === 'am' || tokens[i + 3] === 'pm')) {
        // "seven oh five" -> 7 oh 5 (or 7 0 5) after pass 1
        const meridiem = tokens[i + 3] === 'am' || tokens[i + 3] === 'pm' ? tokens[i + 3] : undefined;
        const clock = to24h(Number(w), Number(tokens[i + 2]), meridiem);
        if (clock) { out.push(clock); i += meridiem ? 3 : 2; continue; }
      }
      if (next === 'am' || next === 'pm' || next === 'oclock') {
        // "7 pm", "7 oclock", "7 oclock pm"
        const after = tokens[i + 2];
        const meridiem = next !== 'oclock' ? next : after === 'am' || after === 'pm' ? after : undefined;
        const clock = to24h(Number(w), 0, meridiem);
        if (clock) { out.push(clock); i += next === 'oclock' && meridiem ? 2 : 1; continue; }
      }
    }
    if (w === 'noon' || (w === 'midday')) { out.push('12:00'); continue; }
    if (w === 'midnight') { out.push('00:00'); continue; }
    out.push(w);
  }
  return out;
}

/** Pass 3: durations -> "<n> seconds" ("an hour and a half", "2 hours 15 minutes", "90 secs"). */
function durationsToSeconds(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  const readPart = (k: number): { seconds: number; used: number } | null => {
    let amount: number | null = null;
    let used = 0;
    // "half an hour", "a half hour", "another half hour", "a quarter of an hour", "quarter hour"
    const article = tokens[k] === 'a' || tokens[k] === 'an' ? 1 : 0;
    const fraction = tokens[k + article] === 'half' ? 0.5 : tokens[k + article] === 'quarter' ? 0.25 : 0;
    if (fraction > 0) {
      let at = k + article + 1;
      if (tokens[at] === 'of') at++;
      if (tokens[at] === 'an' || tokens[at] === 'a') at++;
      const unit = tokens[at];
      if ((unit === 'hour' || (unit === 'minute' && fraction === 0.5)) && (article === 0 || at === k + article + 1 || tokens[k + article + 1] === 'of')) {
        return { seconds: DURATION_UNITS[unit] * fraction, used: at + 1 - k };
      }
    }
    if (/^\d+(\.\d+)?$/.test(tokens[k] ?? '')) { amount = Number(tokens[k]); used = 1; }
    else if (tokens[k] === 'a' || tokens[k] === 'an') { amount = 1; used = 1; }
    if (amount === null) return null;
    // "1 and a half hours"
    let extra = 0;
    if (tokens[k + used] === 'and' && tokens[k + used + 1] === 'a' && tokens[k + used + 2] === 'half') { extra = 0.5; used += 3; }
    const unit = tokens[k + used];
    if (!(unit in DURATION_UNITS)) return null;
    if (tokens[k] === 'a' || tokens[k] === 'an') { if (!['hour', 'minute', 'second'].includes(unit)) return null; }
    used += 1;
    let seconds = (amount + extra) * DURATION_UNITS[unit];
    // "an hour and a half"
    if (tokens[k + used] === 'and' && tokens[k + used + 1] === 'a' && tokens[k + used + 2] === 'half') {
      seconds += DURATION_UNITS[unit] / 2;
      used += 3;
    }
    return { seconds, used };
  };
  while (i < tokens.length) {
    const first = readPart(i);
    if (!first) { out.push(tokens[i]); i++; continue; }
    let seconds = first.seconds;
    let j = i + first.used;
    for (;;) {
      const skip = tokens[j] === 'and' ? 1 : 0;
      const more = readPart(j + skip);
      if (!more || more.seconds >= seconds) break;
      seconds += more.seconds;
      j += skip + more.used;
    }
    out.push(String(Math.round(seconds)), 'seconds');
    i = j;
  }
  return out;
}

/** Pass 4: "22 and a half degrees" -> "22.5 degrees" (durations took theirs first: "2 and a half hours"). */
function halvesToDecimals(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const half = isInt(tokens[i]) && tokens[i + 1] === 'and' && tokens[i + 2] === 'a' && tokens[i + 3] === 'half';
    out.push(half ? `${tokens[i]}.5` : tokens[i]);
    if (half) i += 3;
  }
  return out;
}

/** Words after which "half" is a level: 50 percent. */
const HALF_OF: ReadonlySet<string> = new Set(['brightness', 'power', 'volume', 'speed', 'level', 'open', 'opened', 'closed', 'strength', 'intensity']);

/** The one entry point: raw utterance -> canonical model input text. */
export function normalizeUtterance(text: string): string {
  return normalizeWords(spokenWords(text)).join(' ');
}

/** The utterance's words as said: lowercase, symbols spelled, punctuation dropped ("Dim to 20%!" -> dim to 20 percent). */
function spokenWords(text: string): string[] {
  return clean(text).split(' ').filter((w) => w.length > 0);
}

/** A normalised utterance that knows, for each of its words, which words of the utterance as said it stands for. */
export interface SourcedUtterance {
  /** the canonical text (normalizeUtterance) */
  text: string;
  /** the words as said (lowercase, punctuation dropped) */
  spoken: string[];
  /** per word of `text`: the range [from, to) of `spoken` it came from (empty for a word the normaliser added) */
  sources: Array<[number, number]>;
}

/** normalizeUtterance, keeping where each canonical word came from ("300 seconds" <- "five minutes"). */
export function normalizeWithSources(text: string): SourcedUtterance {
  const spoken = spokenWords(text);
  const words = normalizeWords(spoken);
  return { text: words.join(' '), spoken, sources: alignWords(spoken, words) };
}

/**
 * The words as said behind canonical words [from, to) ("in 300 seconds" -> "in five minutes");
 * null when the range stands for no said word.
 */
export function saidWordsOf(u: SourcedUtterance, from: number, to: number): string | null {
  const ranges = u.sources.slice(from, to).filter(([a, b]) => b > a);
  if (ranges.length === 0) return null;
  return u.spoken.slice(Math.min(...ranges.map(([a]) => a)), Math.max(...ranges.map(([, b]) => b))).join(' ');
}

/**
 * Aligns the canonical words with the said ones: the longest common subsequence of the two maps word
 * to word, and each run between two shared words maps to the run of said words opposite it (the
 * normaliser only rewrites runs: "five minutes" -> "300 seconds", "half past seven" -> "07:30").
 */
function alignWords(said: readonly string[], canonical: readonly string[]): Array<[number, number]> {
  const n = said.length;
  const m = canonical.length;
  // common[i][j]: length of the longest common subsequence of said[i..] and canonical[j..]
  const common = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i][j] = said[i] === canonical[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const out = new Array<[number, number]>(m);
  let [i, j, runSaid, runCanonical] = [0, 0, 0, 0];
  const closeRun = (): void => { for (let k = runCanonical; k < j; k++) out[k] = [runSaid, i]; };
  while (i < n && j < m) {
    if (said[i] === canonical[j] && common[i][j] === common[i + 1][j + 1] + 1) {
      closeRun();
      out[j] = [i, i + 1];
      i++;
      j++;
      [runSaid, runCanonical] = [i, j];
    } else if (common[i + 1][j] >= common[i][j + 1]) i++;
    else j++;
  }
  [i, j] = [n, m];
  closeRun();
  return out;
}

/** The normalising passes over the words as said. */
function normalizeWords(said: readonly string[]): string[] {
  let tokens = numbersToDigits([...said]);
  tokens = timesToClock(tokens);
  tokens = durationsToSeconds(tokens);
  tokens = digitRunsToNumbers(tokens);
  tokens = halvesToDecimals(tokens);
  tokens = tokens.map((w) => (w === 'per' ? w : w === 'percentage' ? 'percent' : w));
  // "halfway" is a position: 50 percent
  tokens = tokens.flatMap((w, i) => (w === 'halfway' ? ['50', 'percent'] : w === 'half' && tokens[i + 1] === 'way' ? ['50'] : w === 'way' && tokens[i - 1] === 'half' ? ['percent'] : [w]));
  // "half brightness", "half open": a level of 50 percent, said after the word so the number ends
  // the phrase as "<n> percent" does elsewhere (not "half an hour", "half past", "the half marathon")
  tokens = tokens.flatMap((w, i) => (w === 'half' && HALF_OF.has(tokens[i + 1] ?? '') ? [] : HALF_OF.has(w) && tokens[i - 1] === 'half' ? [w, '50', 'percent'] : [w]));
  return tokens;
}

/** Spells an integer 0..9999 in words, the way a recogniser writes it ("seventy two"). */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  const units = Object.keys(UNITS).filter((k) => k !== 'oh');
  const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const below100 = (x: number): string => (x < 20 ? units[x] : tens[Math.floor(x / 10)] + (x % 10 ? ' ' + units[x % 10] : ''));
  const parts: string[] = [];
  let rest = n;
  if (rest >= 1000) { parts.push(below100(Math.floor(rest / 1000)) + ' thousand'); rest %= 1000; }
  if (rest >= 100) { parts.push(units[Math.floor(rest / 100)] + ' hundred'); rest %= 100; }
  if (rest > 0 || parts.length === 0) parts.push(below100(rest));
  return parts.join(' ');
}
