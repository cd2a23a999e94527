/**
 * The decoding grammar compiled from the configured tool schemas. At every decoder step it says
 * which tokens may come next, so the model can only produce calls that name an offered tool, give
 * parameters that tool declares (in declaration order, every required one), enum values from the
 * declared list, booleans, numbers and strings copied from the utterance.
 *
 *   answer := (<call> <T{slot}> (<P{j}> value)*)* <eos>
 *
 * Values the way the training data has them (models/recipe/generator):
 * - a string is a run of whole words of the normalised utterance (never part of a word);
 * - a number is one the utterance says (after inverse text normalisation "six minutes" reads
 *   "360 seconds"); only when none fits, one the phrasing implies: 0 or 100 ("it's too bright", "flat
 *   out") or a bound of the parameter's range; only when none of these fits are free digits allowed;
 * - every word of the utterance feeds at most one argument of the answer ("at 01:30 move the car"
 *   cannot give "01:30" to both the time and the text; only when other arguments took every word may
 *   a required string reuse them);
 * - one call per tool: a second call names another tool, and a call never repeats;
 * - an MQTT topic is said as words ("home garage door"; typed slashes are dropped by the normaliser)
 *   and given as levels joined by '/' ("home/garage/door");
 * - a clock-time string ("Time in HH:MM") is one HH:MM word of the utterance when it has a free one;
 *   when it has none, an optional time is left out (a required one takes words as any string).
 */
import type { JsonPrimitive, ParameterSchema, ToolCall, ToolSchema } from '../types.js';
import { CLAUSE_JOINERS, clauseSpans, FILLER_WORDS, isLevelParameter, isLevelWord, namesPolarity, namesSpeaker, NUMBER_WORD, parameterStems, POLARITY_STEMS, saysAnyOf, SCHEMA_GENERIC, SPEAKER_WORDS, stem, stemsOf, STOPWORDS, withBritishSpellings } from './lexical.js';
import { humanize, parameterList, schemaText } from './serialize.js';
import { takesOtherUnit, takesUnit } from './tool-evidence.js';
import { MAX_ENUM_SLOTS, type Tokenizer } from './tokenizer.js';

const MAX_VALUE_TOKENS = 24;
const INT_PARTIAL = /^ (-?(\d+)?)?$/;
const INT_DONE = /^ -?\d+$/;
const NUM_PARTIAL = /^ (-?(\d+(\.\d*)?)?)?$/;
const NUM_DONE = /^ -?\d+(\.\d+)?$/;

const MAX_DIGITS = 9;

/** Whether some number starting with this digit prefix (" -12") lies within [min, max]. */
export function numberPrefixFeasible(prefix: string, min = -Infinity, max = Infinity): boolean {
  const body = prefix.trim();
  const negative = body.startsWith('-');
  const digits = (negative ? body.slice(1) : body).split('.')[0];
  if (digits === '') return negative ? min < 0 : true;
  const d = Number(digits);
  for (let k = 0; k + digits.length <= MAX_DIGITS; k++) {
    const lo = d * 10 ** k;
    const hi = lo + 10 ** k - 1;
    if (d === 0 && k > 0) break;
    const [a, b] = negative ? [-hi, -lo] : [lo, hi];
    if (b >= min && a <= max) return true;
    if (body.includes('.')) break;
  }
  return false;
}

/** A string parameter that holds a clock time (HH:MM by convention), by its name or description. */
export function isTimeParameter(name: string, schema: ParameterSchema): boolean {
  if (schema.type !== 'string' || schema.enum) return false;
  const text = `${name} ${schema.description ?? ''}`.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  return /\b(time|hh:mm|clock)\b/.test(text) && !/\b(zone|timezone|duration|seconds|minutes|hours)\b/.test(text);
}

/** A word the normaliser made a clock time. */
const CLOCK_WORD = /^\d{1,2}:\d{2}$/;

/** A string parameter that holds an MQTT topic (by its name or description). */
export function isTopicParameter(name: string, schema: ParameterSchema): boolean {
  return schema.type === 'string' && !schema.enum && /\btopic\b/i.test(`${name} ${schema.description ?? ''}`.replace(/[_-]/g, ' '));
}

function isNumberSchema(schema: ParameterSchema): boolean {
  return !schema.enum && (schema.type === 'integer' || schema.type === 'number');
}

function inRange(value: number, schema: ParameterSchema): boolean {
  return (schema.minimum === undefined || value >= schema.minimum) && (schema.maximum === undefined || value <= schema.maximum);
}

/** Whether a number is a valid value of a number parameter: in its range, and whole for an integer. */
function fitsNumber(value: number, schema: ParameterSchema): boolean {
  return inRange(value, schema) && (schema.type !== 'integer' || Number.isInteger(value));
}

/** Words after a number that make it a measured value ("80 percent", "3400 k"), not a device's number. */
const UNIT_WORDS: ReadonlySet<string> = new Set(['percent', 'per', 'degrees', 'degree', 'kelvin', 'k', 'amps', 'amp', 'volts', 'watts',
  'seconds', 'second', 'minutes', 'minute', 'hours', 'hour', 'pieces', 'units', 'celsius', 'fahrenheit']);

/** Whether a word is a unit that follows a number ("seconds", "percent"): alone it names nothing. */
export function isUnitWord(word: string): boolean {
  return UNIT_WORDS.has(word);
}

/**
 * Words that open a clause of their own or a time after a measure ("20 degrees before i leave"): the
 * measure ends there, so the number is the value of a parameter taking its unit. With v7 no answer of
 * the development and fresh sets changed; the weight averages of the sixteenth run had ended
 * precondition() before its temperature.
 */
const AFTER_MEASURE: ReadonlySet<string> = new Set(['before', 'until', 'till', 'when', 'while', 'once', 'because', 'if', 'unless', 'since', 'so',
  'tonight', 'today', 'tomorrow', 'now']);

/** "in the kitchen", "at my desk": the words before a place's own words. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'inside']);
const PLACE_DETERMINERS: ReadonlySet<string> = new Set(['the', 'my', 'our', 'this', 'that']);
/** The determiners before a place said with no preposition ("vacuum the attic"); not "this" / "that", which point at a thing ("skip this song"). */
const PLACE_ARTICLES: ReadonlySet<string> = new Set(['the', 'my', 'our']);
/** Hesitations: no free string starts at one ("start vacuuming a uh pantry" had answered room "uh"). */
const HESITATIONS: ReadonlySet<string> = new Set(['uh', 'um', 'er', 'erm', 'hmm', 'uhh', 'umm']);
/** Words that open a noun phrase: "my chill playlist", "the front door camera". */
const HEAD_DETERMINERS: ReadonlySet<string> = new Set(['the', 'my', 'our', 'your', 'this', 'that', 'a', 'an']);
/** Words of a parameter's name or description that make it a place (a room, an area). */
const PLACE_WORDS = ['room', 'area', 'location', 'zone', 'place', 'where', 'floor', 'site'].map(stem);

const LABEL_WORDS = ['name', 'title', 'label', 'called'].map(stem);
/** Words that introduce what something is to be called ("a timer for ten minutes called pasta"). */
const NAMING_WORDS: ReadonlySet<string> = new Set(['called', 'named', 'labelled', 'labeled', 'titled']);

/** The words that ask for an optional mode flag: its name's (British spellings too), and for a loudspeaker flag every word for the speaker or the handset. */
function modeFlagWords(nameStems: ReadonlySet<string>): Set<string> {
  const words = withBritishSpellings([...nameStems].filter((w) => !SCHEMA_GENERIC.has(w)));
  return namesSpeaker(nameStems) ? new Set([...words, ...SPEAKER_WORDS]) : words;
}
/** Words that say when, not what for ("the forecast for today"). */
const WHEN_WORDS: ReadonlySet<string> = new Set(['today', 'tomorrow', 'tonight', 'now', 'later', 'weekend', 'week', 'morning', 'afternoon', 'evening', 'night',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'ever', 'good', 'while']);

/** A free-string parameter that takes what a thing is called (name, title, label in its name or description; `words`: parameterStems). */
function isLabelParameter(schema: ParameterSchema, words: ReadonlySet<string>): boolean {
  return !schema.enum && schema.type === 'string' && LABEL_WORDS.some((w) => words.has(w));
}

/** An enum value's words by stem, state words (on, off, open, ...) left out. */
function valueStems(value: string): Set<string> {
  return new Set([...stemsOf(humanize(value))].filter((w) => !POLARITY_STEMS.has(w)));
}

/** A parameter that names a place (room, area, zone… in its name or description; `words`: parameterStems): its free string never starts with a stopword. */
function isPlaceParameter(words: ReadonlySet<string>): boolean {
  return PLACE_WORDS.some((w) => words.has(w));
}

/** Whether a parameter names a place (room, area, zone, location… in its name or description). */
export function namesPlace(name: string, schema: ParameterSchema): boolean {
  return isPlaceParameter(parameterStems(name, schema));
}

/**
 * Seconds per unit of a number parameter that counts minutes or hours by its name or description
 * ("duration_minutes", "how many hours"): the normaliser says every duration in seconds. 1 otherwise.
 */
function timeUnit(name: string, schema: ParameterSchema): number {
  if (!isNumberSchema(schema)) return 1;
  const words = ` ${humanize(name)} ${schemaText(schema.description ?? '')} `.toLowerCase();
  if (/ (seconds?|secs?) /.test(words)) return 1;
  if (/ (minutes?|mins?) /.test(words)) return 60;
  if (/ (hours?|hrs?) /.test(words)) return 3600;
  return 1;
}

interface ToolEntry {
  slot: number;
  tool: ToolSchema;
  params: Array<[string, ParameterSchema]>;
  required: boolean[];
  /** per parameter: a clock-time string (isTimeParameter), decided once per request */
  clock: boolean[];
  /** per parameter: names a place (room, area, zone… in its name or description), see isPlaceParameter */
  place: boolean[];
  /** per parameter: takes what a thing is called (isLabelParameter) */
  label: boolean[];
  /** the words of the tool's name, by stem: a free string never starts with one ("play" of playPlaylist) */
  nameStems: Set<string>;
  /** the words of the tool's name and description, by stem: a number right after one may be the device's (identifierNumbers) */
  toolWords: Set<string>;
  /** the words of the tool's enum values, by stem */
  valueWords: Set<string>;
  /** per parameter: the words of its name, by stem (a number said right after one is for it: measuredNumberParams) */
  paramNameStems: Array<Set<string>>;
  /** per parameter: the words of its name and description, by stem (parameterStems) */
  paramWords: Array<Set<string>>;
  /** per parameter: seconds per unit of a number given in minutes or hours (timeUnit), else 1 */
  unit: number[];
  /**
   * per parameter: for an optional flag named for a mode of its own, not for a state ("loudspeaker",
   * "shuffle"), the words of its name by stem, one of which the utterance must say; null otherwise
   */
  modeWords: Array<ReadonlySet<string> | null>;
}

/** What the lexicon (related-words.ts) relates in an utterance to the offered tools' names and descriptions. */
export interface RelatedToTools {
  /** the utterance's words related to some offered tool ("hoover" beside a vacuum): they name a device, not a place */
  words: ReadonlySet<string>;
  /** whether a word is related to tool i's name or description */
  toTool(word: string, i: number): boolean;
}

const NOTHING_RELATED: RelatedToTools = { words: new Set(), toTool: () => false };

/** The numbers a number value may take (texts with a leading space). */
export interface NumberChoices {
  candidates: string[];
  /** the utterance says them */
  said: boolean;
  /** implied although a number was said: the only one said is the device's ("stop the pump 2") */
  overDevice: boolean;
}

export interface GrammarState {
  phase: 'start' | 'tool' | 'params' | 'value' | 'done';
  calls: ToolCall[];
  tool: ToolEntry | null;
  args: Record<string, JsonPrimitive>;
  lastParam: number;
  param: number;
  value: number[];
  /** the current value's text so far (numbers) */
  valueText: string;
  /** utterance words already given to an argument of this answer */
  usedWords: Set<number>;
}

/** A whitespace-separated word of the utterance: its text and its token positions [from, to). */
interface QueryWord {
  text: string;
  from: number;
  to: number;
}

/**
 * What the grammar knows of the offered tools, the same for every request: the special token ids,
 * each tool's parameters and word tables, and the vocabulary's number tokens. A router builds it
 * once for its tools and hands it to the grammar of each decoding.
 */
export class GrammarTables {
  readonly ids: { call: number; eos: number; yes: number; no: number; params: number[]; enums: number[] };
  readonly entries: readonly ToolEntry[];
  readonly bySlotToken = new Map<number, ToolEntry>();
  /** tokens made of digits, signs, points, and the bare space BPE may split off before a sign (" -5" -> " ", "-", "5") */
  readonly numberTokens: number[] = [];
  /** the first token id that is not a special token */
  readonly firstOrdinary: number;
  /** every offered tool's name, description and value words, by stem (unsaidPlaceParams) */
  readonly schemaWords: ReadonlySet<string>;

  constructor(readonly tok: Tokenizer, tools: readonly ToolSchema[], slots: readonly number[]) {
    this.ids = {
      call: tok.special('<call>'),
      eos: tok.special('<eos>'),
      yes: tok.special('<true>'),
      no: tok.special('<false>'),
      params: Array.from({ length: 12 }, (_, j) => tok.special(`<P${j + 1}>`)),
      enums: Array.from({ length: MAX_ENUM_SLOTS }, (_, k) => tok.special(`<E${k + 1}>`)),
    };
    this.entries = tools.map((tool, i) => {
      const params = parameterList(tool);
      const words = params.map(([name, p]) => parameterStems(name, p));
      const nameStems = params.map(([name]) => stemsOf(humanize(name)));
      const req = new Set(tool.parameters.required ?? []);
      return { slot: slots[i], tool, params, required: params.map(([name]) => req.has(name)), clock: params.map(([name, p]) => isTimeParameter(name, p)),
        place: words.map(isPlaceParameter), label: params.map(([, p], j) => isLabelParameter(p, words[j])), nameStems: stemsOf(humanize(tool.name)),
        toolWords: stemsOf(`${humanize(tool.name)} ${schemaText(tool.description ?? '')}`), unit: params.map(([name, p]) => timeUnit(name, p)),
        valueWords: new Set(params.flatMap(([, p]) => (p.enum ?? []).flatMap((v) => [...stemsOf(humanize(String(v)))]))),
        paramNameStems: nameStems,
        paramWords: words,
        modeWords: params.map(([name, p], j) => (p.type === 'boolean' && !p.enum && !req.has(name) && !namesPolarity(name) ? modeFlagWords(nameStems[j]) : null)) };
    });
    for (const e of this.entries) this.bySlotToken.set(tok.special(`<T${e.slot}>`), e);
    this.firstOrdinary = tok.specials.size;
    for (let id = this.firstOrdinary; id < tok.size; id++) if (/^ ?[-0-9.]*$/.test(tok.piece(id)) && tok.piece(id) !== '') this.numberTokens.push(id);
    this.schemaWords = new Set(this.entries.flatMap((e) => [...e.toolWords, ...e.valueWords]));
  }
}

export class CallGrammar {
  private readonly tok: Tokenizer;
  private readonly entries: readonly ToolEntry[];
  private readonly bySlotToken: ReadonlyMap<number, ToolEntry>;
  private readonly numberTokens: readonly number[];
  /** the utterance's ordinary tokens in order (strings are copied as contiguous spans of it) */
  private readonly query: number[];
  private readonly words: QueryWord[] = [];
  /** per utterance word: a number said with a unit and nothing more (measuredNumber) */
  private readonly measured: boolean[];
  /** the utterance's words, by stem */
  private readonly saidStems: Set<string>;
  /** for the tool that may be called again: the words of the other tools (wordsOfOthers), read at its first repeat check */
  private othersWords: Set<string> | null = null;
  /** the utterance's clauses as word index ranges (lexical.ts clauseSpans) */
  private readonly clauses: ReadonlyArray<{ from: number; to: number }>;
  /** the index of each clause's first word that is not a stopword or a filler ("uh can you call sam" -> "call") */
  private readonly clauseOpeners: Set<number>;
  /** token position -> index of its word */
  private readonly wordAt: number[] = [];
  readonly ids: { call: number; eos: number; yes: number; no: number; params: number[]; enums: number[] };

  /**
   * `tables`: the offered tools (GrammarTables, built once per tool set). `impliedOptional`: whether
   * an optional number parameter may take an implied number (0, 100, a bound) when the utterance
   * says none that fits; the router allows it where the utterance asks for a top or bottom ("flat
   * out", "stop").
   */
  constructor(private readonly tables: GrammarTables, queryTokenIds: readonly number[], private readonly maxCalls = 4,
    private readonly impliedOptional = true,
    /**
     * the tool that may be called again for another enum value the utterance says (saysAnotherValue),
     * and the other tools the utterance speaks of (a value of theirs is theirs)
     */
    private readonly repeat: { tool: number; spoken: ReadonlySet<number> } | null = null,
    /** what the lexicon relates in the utterance to the offered tools (nothing where the router has no lexicon) */
    private readonly related: RelatedToTools = NOTHING_RELATED) {
    const tok = tables.tok;
    this.tok = tok;
    this.ids = tables.ids;
    this.entries = tables.entries;
    this.bySlotToken = tables.bySlotToken;
    this.numberTokens = tables.numberTokens;
    this.query = queryTokenIds.filter((id) => id >= tables.firstOrdinary);
    this.query.forEach((id, pos) => {
      if (pos === 0 || tok.piece(id).startsWith(' ')) this.words.push({ text: '', from: pos, to: pos });
      const word = this.words[this.words.length - 1];
      word.text += tok.piece(id);
      word.to = pos + 1;
      this.wordAt.push(this.words.length - 1);
    });
    for (const w of this.words) w.text = w.text.trim();
    this.measured = this.words.map((_, k) => this.measuredNumber(k));
    const texts = this.words.map((w) => w.text);
    this.clauses = clauseSpans(texts);
    this.clauseOpeners = new Set(this.clauses.flatMap(({ from, to }) => {
      const k = texts.slice(from, to).findIndex((t) => !STOPWORDS.has(t) && !FILLER_WORDS.has(t));
      return k < 0 ? [] : [from + k];
    }));
    this.saidStems = stemsOf(texts.join(' '));
  }

  /**
   * At the start of a number value: the numbers the utterance says that fit the parameter (and no
   * other argument took); only when there is none, the implied ones (0, 100, the range bounds). In
   * the training data an implied number never appears while a said one fits (0 of 283 numbers in the
   * validation split). Texts with a leading space; null when the state is not there or nothing fits
   * (free digits).
   */
  numberChoices(s: GrammarState): NumberChoices | null {
    if (s.phase !== 'value' || !s.tool) return null;
    const schema = this.schemaOf(s);
    if (!isNumberSchema(schema)) return null;
    // in the clauses that say the call's tool, when they say a number for it ("20% brightness in the
    // backyard and then heat up the hallway to 19": the heating's is 19)
    const own = this.ownClauseNumbers(s);
    const said = own !== null && own.size > 0 ? own : this.saidNumbersFor(s, s.param);
    // "stop the pump 2", "run pump one flat out": the only number said is the device's, the
    // parameter is a level and the utterance asks for its top or bottom; that level is implied
    const devices = this.impliedOptional && isLevelParameter(s.tool.params[s.param][0], schema) ? this.deviceNumbers(s) : new Set<string>();
    const overDevice = said.size > 0 && [...said].every((v) => devices.has(` ${v}`));
    if (said.size > 0 && !overDevice) return { candidates: [...said].map((v) => ` ${v}`), said: true, overDevice };
    const implied = new Set([0, 100, schema.minimum, schema.maximum].filter((v): v is number => v !== undefined && fitsNumber(v, schema)));
    return implied.size > 0 ? { candidates: [...implied].map((v) => ` ${v}`), said: false, overDevice } : null;
  }

  /**
   * In an utterance of several clauses of which some say a word of the call's tool and some do not:
   * the said numbers (as saidNumbersFor) in the clauses that do; null when the clauses settle nothing.
   */
  private ownClauseNumbers(s: GrammarState): Set<number> | null {
    if (!s.tool) return null;
    const own = this.ownClauses(s.tool);
    if (own === null) return null;
    // the unit check of saidNumbersFor is not applied here: with it, one fresh-families answer (wrong
    // either way) went from 0.00 to 0.98 confidence
    const schema = s.tool.params[s.param][1];
    const out = new Set<number>();
    this.words.forEach((_, k) => {
      const v = own[this.clauseOf(k)] === true ? this.saidNumber(s, k, s.param) : null;
      if (v !== null && fitsNumber(v, schema)) out.add(v);
    });
    return out;
  }

  /** The index of the clause word k is in (-1 for none). */
  private clauseOf(k: number): number {
    return this.clauses.findIndex((c) => k >= c.from && k < c.to);
  }

  /**
   * For an utterance of several clauses of which some say a word of the tool's name or description
   * and some do not: per clause, whether it does; null when the clauses settle nothing.
   */
  private ownClauses(tool: ToolEntry): boolean[] | null {
    if (this.clauses.length < 2) return null;
    const own = this.clauses.map((c) => this.words.slice(c.from, c.to).some((w) => tool.toolWords.has(stem(w.text))));
    return own.every((o) => o) || !own.some((o) => o) ? null : own;
  }

  /** The numbers the utterance says (no argument took them yet) that fit number parameter j of the tool being called. */
  private saidNumbersFor(s: GrammarState, j: number): Set<number> {
    const [name, schema] = (s.tool as ToolEntry).params[j];
    // not one said with a measure's unit the parameter does not take ("3350 rpm" for a speed in percent)
    return new Set(this.words.flatMap((_, k) => {
      const v = this.saidNumber(s, k, j);
      return v !== null && fitsNumber(v, schema) && !takesOtherUnit(this.words[k + 1]?.text ?? '', name, schema) ? [v] : [];
    }));
  }

  /**
   * Said numbers (candidate text, as numberChoices gives them) that read as the number of a device
   * the tool names rather than a value for this parameter: right after a word of the tool's name or
   * description that the parameter's own name does not have, and not before a unit, while another
   * said number is before one ("pump 1" in "set the pump 1 speed to 80 percent"; not "channel 5" for
   * a channel parameter; nothing in "pump 1 at 2" where no number has a unit).
   */
  identifierNumbers(s: GrammarState): Set<string> {
    const measured = this.words.some((_, k) => this.saidNumber(s, k) !== null && UNIT_WORDS.has(this.words[k + 1]?.text ?? ''));
    return measured ? this.deviceNumbers(s) : new Set();
  }

  /**
   * Said numbers (candidate texts) right after a word of the tool's name or description that the
   * parameter's own name does not have and that names no level, and not before a unit ("pump 1",
   * not "temperature 2500").
   */
  private deviceNumbers(s: GrammarState): Set<string> {
    const out = new Set<string>();
    if (s.phase !== 'value' || !s.tool) return out;
    const own = stemsOf(humanize(s.tool.params[s.param][0]));
    this.words.forEach((w, k) => {
      const value = this.saidNumber(s, k);
      if (value === null || UNIT_WORDS.has(this.words[k + 1]?.text ?? '')) return;
      const before = k > 0 ? this.words[k - 1].text : '';
      if (s.tool?.toolWords.has(stem(before)) && !own.has(stem(before)) && !isLevelWord(before)) out.add(` ${value}`);
    });
    return out;
  }

  /**
   * The number utterance word k says, if it is one and no argument took it yet; a duration (the
   * normaliser gives "<n> seconds") in the parameter's own unit when that is minutes or hours.
   */
  private saidNumber(s: GrammarState, k: number, param = s.param): number | null {
    if (s.usedWords.has(k) || !NUMBER_WORD.test(this.words[k].text)) return null;
    const value = Number(this.words[k].text);
    const unit = s.tool?.unit[param] ?? 1;
    return unit > 1 && this.words[k + 1]?.text === 'seconds' ? value / unit : value;
  }

  private numberCandidates(s: GrammarState): string[] | null {
    return this.numberChoices(s)?.candidates ?? null;
  }

  /** Whether the call being built may go on to a later parameter or end here: after its tool, or after a value. */
  private atParameterChoice(s: GrammarState): boolean {
    return s.phase === 'params' || (s.phase === 'value' && s.value.length > 0);
  }

  /** The number the call is giving a parameter now: not taken yet (closeValue marks it), but not spare either. */
  private numberBeingGiven(s: GrammarState): number | null {
    return s.phase === 'value' && s.tool !== null && isNumberSchema(s.tool.params[s.param][1]) ? Number(s.valueText) : null;
  }

  /**
   * In the parameters of a call: the parameter tokens of the number parameters still open that a
   * said number with a unit they take ("20 percent" -> brightness) fits, no argument having taken it;
   * or a said number right after the parameter's own name ("free spaces on level 2" -> level,
   * "channel 7" -> channel).
   */
  measuredNumberParams(s: GrammarState): Set<number> {
    const out = new Set<number>();
    if (!s.tool || !this.atParameterChoice(s)) return out;
    const entry = s.tool;
    const current = this.numberBeingGiven(s);
    entry.params.forEach(([name, schema], j) => {
      if (j <= s.lastParam || !isNumberSchema(schema)) return;
      const own = entry.paramNameStems[j];
      const fits = this.words.some((w, k) => {
        const value = this.saidNumber(s, k, j);
        if (current !== null && Number(w.text) === current) return false;
        if (value === null || !fitsNumber(value, schema)) return false;
        return (this.measured[k] && takesUnit(this.words[k + 1].text, name, schema)) || (k > 0 && own.has(stem(this.words[k - 1].text)));
      });
      if (fits) out.add(this.ids.params[j]);
    });
    return out;
  }

  /**
   * Utterance words right after a naming word ("called pasta"), or after "for" (and "the", "my"…)
   * when they say what for, not when ("a timer for the eggs", "alarm at 06:30 for work"; not "for
   * 600 seconds", "for today"), no argument having taken them.
   */
  private namedWords(s: GrammarState): number[] {
    return this.words.flatMap((w, k) => {
      if (k === 0 || STOPWORDS.has(w.text) || s.usedWords.has(k)) return [];
      if (NAMING_WORDS.has(this.words[k - 1].text)) return [k];
      // "a ten minute timer for the eggs", "alarm at 06:30 for work": what the thing is for
      let j = k - 1;
      if (j > 0 && PLACE_DETERMINERS.has(this.words[j].text)) j--;
      return this.words[j].text === 'for' && j < k && /^[a-z']+$/.test(w.text) && !FILLER_WORDS.has(w.text) && !UNIT_WORDS.has(w.text) && !HESITATIONS.has(w.text) && !WHEN_WORDS.has(w.text) ? [k] : [];
    });
  }

  /**
   * In the parameters of a call: the parameter tokens of its open label parameters when the
   * utterance calls something by a name no argument took ("a timer ... called pasta").
   */
  namedLabelParams(s: GrammarState): Set<number> {
    const out = new Set<number>();
    if (!s.tool || !this.atParameterChoice(s)) return out;
    const named = this.namedWords(s).filter((k) => s.phase !== 'value' || !this.query.slice(this.words[k].from, this.words[k].to).every((id, i) => s.value[i] === id));
    if (named.length === 0) return out;
    s.tool.label.forEach((label, j) => { if (label && j > s.lastParam) out.add(this.ids.params[j]); });
    return out;
  }

  /** In the parameters of a call: the parameter tokens of its open mode flags whose name the utterance says ("print three copies in color"). */
  saidFlagParams(s: GrammarState): Set<number> {
    const out = new Set<number>();
    if (!s.tool || !this.atParameterChoice(s)) return out;
    s.tool.modeWords.forEach((words, j) => {
      if (words !== null && j > s.lastParam && saysAnyOf(words, this.saidStems)) out.add(this.ids.params[j]);
    });
    return out;
  }

  /**
   * Utterance words that may say where a call acts: a noun after "the" / "in the" that no argument
   * took and no offered tool has in its name, description or values, in a clause that says a word
   * of the call's tool ("vacuum the attic").
   */
  private unsaidPlaceWords(s: GrammarState): number[] {
    if (!s.tool) return [];
    const tool = s.tool;
    const schemaWords = this.tables.schemaWords;
    const own = this.clauses.filter((c) => this.words.slice(c.from, c.to).some((w) => tool.toolWords.has(stem(w.text))));
    return this.words.flatMap((w, k) => {
      if (k === 0 || s.usedWords.has(k) || STOPWORDS.has(w.text) || FILLER_WORDS.has(w.text) || NUMBER_WORD.test(w.text) || schemaWords.has(stem(w.text)) || this.related.words.has(w.text)) return [];
      if (s.phase === 'value' && this.query.slice(w.from, w.to).every((id, i) => s.value[i] === id)) return [];
      const before = this.words[k - 1].text;
      const placed = PLACE_ARTICLES.has(before) || PLACE_PREPOSITIONS.has(before);
      return placed && own.some((c) => k >= c.from && k < c.to) ? [k] : [];
    });
  }

  /**
   * In the parameters of a call: the parameter tokens of its open place parameters (free strings)
   * while the utterance has a noun after "the" / "in the" that no argument took and no offered tool
   * has in its name, description or values ("vacuum the attic": the attic is where).
   */
  unsaidPlaceParams(s: GrammarState): Set<number> {
    const out = new Set<number>();
    if (!s.tool || !this.atParameterChoice(s)) return out;
    if (this.unsaidPlaceWords(s).length === 0) return out;
    s.tool.place.forEach((isPlace, j) => {
      const schema = (s.tool as ToolEntry).params[j][1];
      if (isPlace && j > s.lastParam && schema.type === 'string' && !schema.enum) out.add(this.ids.params[j]);
    });
    return out;
  }

  /**
   * In the parameters of a call: the parameter tokens of the integer parameters still open that a
   * said number counts for, the number right before a word of one of the tool's enum values ("brew
   * us three espresso" -> quantity 3 beside drink espresso), no argument having taken it.
   */
  countedNumberParams(s: GrammarState): Set<number> {
    const out = new Set<number>();
    if (!s.tool || !this.atParameterChoice(s)) return out;
    const entry = s.tool;
    const current = this.numberBeingGiven(s);
    entry.params.forEach(([, schema], j) => {
      if (j <= s.lastParam || schema.type !== 'integer' || schema.enum) return;
      const counts = this.words.some((w, k) => {
        const value = this.saidNumber(s, k, j);
        if (value === null || (current !== null && Number(w.text) === current) || !fitsNumber(value, schema)) return false;
        const next = this.words[k + 1]?.text;
        return next !== undefined && entry.valueWords.has(stem(next));
      });
      if (counts) out.add(this.ids.params[j]);
    });
    return out;
  }

  /** Indices (into the offered tools) of the tools not called yet in this answer. */
  uncalledTools(s: GrammarState): number[] {
    const open = new Set(this.uncalled(s));
    return this.entries.flatMap((e, i) => (open.has(e) ? [i] : []));
  }

  /**
   * Tools not yet called in this answer (and not the one being called now), and tools called already
   * that the utterance gives another of their enum values ("turn off the coffee machine and the
   * fan": switch_plug again for the fan).
   */
  private uncalled(s: GrammarState): ToolEntry[] {
    const given = s.tool ? [...s.calls, { name: s.tool.tool.name, arguments: s.args }] : s.calls;
    const used = new Set(given.map((c) => c.name));
    // a tool again only while it is the only one called: in a command for several tools, another value
    // said is usually another call's ("the garage" of the garage door beside a camera's garage)
    return this.entries.filter((e, i) => !used.has(e.tool.name) || (this.repeat?.tool === i && used.size === 1 && this.saysAnotherValue(e, given)));
  }

  /**
   * Whether the utterance says a value of an enum parameter of the tool that no call of it gave that
   * parameter, with a word of its own: not only words of a value given already ("gate" beside the
   * "side gate" taken), and none of another offered tool's name or of a value of another tool the
   * utterance speaks of ("garage" of a camera beside GarageDoor, "nursery" of a light beside a
   * snapshot of the nursery).
   */
  private saysAnotherValue(e: ToolEntry, given: readonly ToolCall[]): boolean {
    const own = given.filter((c) => c.name === e.tool.name);
    const othersWords = (this.othersWords ??= this.wordsOfOthers(e));
    return e.params.some(([name, schema]) => {
      if (schema.enum === undefined || !own.some((c) => name in c.arguments)) return false;
      const taken = new Set(own.flatMap((c) => (name in c.arguments ? [...valueStems(String(c.arguments[name]))] : [])));
      return schema.enum.some((v) => {
        const stems = valueStems(String(v));
        return stems.size > 0 && [...stems].every((w) => this.saidStems.has(w) && !othersWords.has(w)) && [...stems].some((w) => !taken.has(w));
      });
    });
  }

  /** The other tools' name words, and the enum value words of the other tools the utterance speaks of (repeat.spoken). */
  private wordsOfOthers(e: ToolEntry): Set<string> {
    const out = new Set(this.entries.filter((o) => o !== e).flatMap((o) => [...o.nameStems]));
    this.entries.forEach((o, i) => {
      if (o === e || !this.repeat?.spoken.has(i)) return;
      for (const [, schema] of o.params) for (const v of schema.enum ?? []) for (const w of valueStems(String(v))) out.add(w);
    });
    return out;
  }

  /** At an enum parameter's first value token: the values earlier calls of this tool gave that parameter. */
  givenValues(s: GrammarState): Set<string> {
    const out = new Set<string>();
    if (s.phase !== 'value' || !s.tool) return out;
    const name = s.tool.params[s.param][0];
    for (const c of s.calls) if (c.name === s.tool.tool.name && name in c.arguments) out.add(String(c.arguments[name]));
    return out;
  }

  start(): GrammarState {
    return { phase: 'start', calls: [], tool: null, args: {}, lastParam: -1, param: -1, value: [], valueText: '', usedWords: new Set() };
  }

  /** Tokens that may come next. */
  allowed(s: GrammarState): number[] {
    switch (s.phase) {
      case 'start':
        return s.calls.length < this.maxCalls && this.entries.length > 0 ? [this.ids.call, this.ids.eos] : [this.ids.eos];
      case 'tool': {
        const open = new Set(this.uncalled(s));
        return [...this.bySlotToken].filter(([, e]) => open.has(e)).map(([id]) => id);
      }
      case 'params':
        return this.afterParam(s);
      case 'value':
        return this.valueTokens(s);
      default:
        return [];
    }
  }

  /** True when the step chooses structure (which tool, which parameter, which enum value, call or stop). */
  isDecision(s: GrammarState): boolean {
    return s.phase !== 'value' || s.value.length === 0;
  }

  advance(s: GrammarState, token: number): GrammarState {
    if (token === this.ids.call || token === this.ids.eos) {
      this.closeCall(s);
      s.phase = token === this.ids.eos ? 'done' : 'tool';
      return s;
    }
    if (s.phase === 'tool') {
      const entry = this.bySlotToken.get(token);
      if (!entry) throw new Error(`grammar: token ${token} is not a tool slot`);
      s.tool = entry;
      s.args = {};
      s.lastParam = -1;
      s.phase = 'params';
      return s;
    }
    const j = this.ids.params.indexOf(token);
    if (j >= 0) {
      this.closeValue(s);
      s.param = j;
      s.lastParam = j;
      s.value = [];
      s.valueText = '';
      s.phase = 'value';
      return s;
    }
    // a value token
    s.value.push(token);
    s.valueText += this.tok.piece(token);
    return s;
  }

  /** At the first step of a boolean parameter's value (a choice of ids.yes / ids.no): its name. */
  booleanParameter(s: GrammarState): string | null {
    if (s.phase !== 'value' || s.value.length !== 0 || !s.tool) return null;
    const [name, schema] = s.tool.params[s.param];
    return schema.type === 'boolean' && !schema.enum ? name : null;
  }

  /** At the first step of an enum parameter's value: its values, the k-th chosen by ids.enums[k]. */
  enumValues(s: GrammarState): ReadonlyArray<string | number> | null {
    if (s.phase !== 'value' || s.value.length !== 0 || !s.tool) return null;
    const values = this.schemaOf(s).enum;
    return values ? values.slice(0, MAX_ENUM_SLOTS) : null;
  }

  /** Which tool (index into the tools) and parameter the state is at, for scoring pointer choices. */
  position(s: GrammarState): { tool: number; param: number } {
    return { tool: s.tool ? this.entries.indexOf(s.tool) : -1, param: s.param };
  }

  /** The finished answer (after <eos>). */
  calls(s: GrammarState): ToolCall[] {
    return s.calls;
  }

  private schemaOf(s: GrammarState): ParameterSchema {
    return (s.tool as ToolEntry).params[s.param][1];
  }

  /** Whether the utterance has an HH:MM word no argument took yet. */
  private freeClockWord(s: GrammarState): boolean {
    return this.words.some((w, k) => !s.usedWords.has(k) && CLOCK_WORD.test(w.text));
  }

  /** The state is at a clock-time parameter that takes one of the utterance's HH:MM words. */
  private clockOnly(s: GrammarState): boolean {
    return s.tool !== null && s.param >= 0 && s.tool.clock[s.param] && this.freeClockWord(s);
  }

  /** Other arguments took every word: a required string may reuse them (the call stays valid). */
  private reusesWords(s: GrammarState): boolean {
    return this.words.every((_, k) => s.usedWords.has(k));
  }

  /**
   * Where `value` occurs as a span that starts a word and uses no word another argument took (when
   * other arguments took every word, a required string may reuse them: the call stays valid).
   */
  private spanStarts(s: GrammarState, value: readonly number[]): number[] {
    const starts: number[] = [];
    const clock = this.clockOnly(s);
    const reuse = this.reusesWords(s);
    const place = !clock && s.tool !== null && s.tool.place[s.param];
    for (const [k, w] of this.words.entries()) {
      const start = w.from;
      if (start + value.length > this.query.length) break;
      if (clock && (!CLOCK_WORD.test(w.text) || start + value.length > w.to)) continue;
      if (!clock && this.measured[k]) continue;
      if (!clock && !reuse && this.numberForLaterParameter(s, k)) continue;
      if (place && STOPWORDS.has(w.text)) continue;
      if (!clock && !reuse && s.tool?.nameStems.has(stem(w.text))) continue;
      // nor at a word of the parameter's own name or description ("reference reference cook": not "reference")
      if (!clock && !reuse && s.tool !== null && s.param >= 0 && s.tool.paramWords[s.param].has(stem(w.text)) && !STOPWORDS.has(w.text)) continue;
      // nor at the word that opens a clause when the tool's description has it: the command's verb ("call john")
      // or a word the lexicon relates to it ("call grandma" beside dial, "Phone someone")
      if (!clock && !reuse && this.clauseOpeners.has(k) && (s.tool?.toolWords.has(stem(w.text)) || (s.tool !== null && this.related.toTool(w.text, this.entries.indexOf(s.tool))))) continue;
      if (HESITATIONS.has(w.text)) continue;
      // nor at a word that joins clauses ("on gpio thirteen also call dad": not "also")
      if (!reuse && CLAUSE_JOINERS.has(w.text)) continue;
      let match = true;
      for (let k = 0; k < value.length && match; k++) match = this.query[start + k] === value[k] && (reuse || !s.usedWords.has(this.wordAt[start + k]));
      if (match) starts.push(start);
    }
    return starts;
  }

  /**
   * Whether word k is a said number that a required number parameter of the call, still to come,
   * takes ("Color temperature 4400" beside a location string before color_temp: the location is not
   * "4400"); a free string does not start there.
   */
  private numberForLaterParameter(s: GrammarState, k: number): boolean {
    if (!s.tool || s.phase !== 'value') return false;
    const tool = s.tool;
    return tool.params.some(([, p], j) => {
      if (j <= s.param || !tool.required[j] || !isNumberSchema(p)) return false;
      const value = this.saidNumber(s, k, j);
      return value !== null && fitsNumber(value, p);
    });
  }

  /**
   * A number said with a unit and nothing more ("4200 kelvin in the shed", "at 70 percent oh and"):
   * the value of a number parameter, never the start of a free string ("2 percent milk" still is).
   */
  private measuredNumber(k: number): boolean {
    if (!NUMBER_WORD.test(this.words[k].text) || !UNIT_WORDS.has(this.words[k + 1]?.text ?? '')) return false;
    const after = this.words[k + (this.words[k + 1].text === 'per' ? 3 : 2)]?.text ?? '';
    return !/^[a-z']+$/.test(after) || STOPWORDS.has(after) || CLAUSE_JOINERS.has(after) || FILLER_WORDS.has(after) || AFTER_MEASURE.has(after);
  }

  /**
   * For a place parameter's first token: the tokens that start a word right after "in", "at" or
   * "inside" (and an article or "my" after it): "dim the lights in the back room" -> "back".
   */
  placeStartTokens(s: GrammarState): Set<number> {
    const out = new Set<number>();
    if (s.phase !== 'value' || s.value.length > 0 || !s.tool || !s.tool.place[s.param]) return out;
    const schema = this.schemaOf(s);
    if (schema.enum || schema.type !== 'string') return out;
    this.words.forEach((w, k) => {
      let j = k - 1;
      if (j >= 0 && PLACE_DETERMINERS.has(this.words[j].text)) j--;
      if (j >= 0 && PLACE_PREPOSITIONS.has(this.words[j].text) && !STOPWORDS.has(w.text) && !s.usedWords.has(k)) out.add(this.query[w.from]);
    });
    for (const k of this.unsaidPlaceWords(s)) out.add(this.query[this.words[k].from]);
    return out;
  }

  /**
   * For a free string's first token: the tokens of determiners ("the", "my", ...) that open a noun
   * phrase headed by a word of the tool's own schema ("play my chill playlist", "show the front door
   * camera"): the determiner belongs to that head, not to the value. A token counts only when every
   * free occurrence of it is such a determiner (the same token elsewhere may start "the package
   * arrived").
   */
  headedDeterminerTokens(s: GrammarState, schemaWords: ReadonlySet<string>): Set<number> {
    const out = new Set<number>();
    if (s.phase !== 'value' || s.value.length > 0 || !s.tool) return out;
    const schema = this.schemaOf(s);
    if (schema.enum || schema.type !== 'string' || this.clockOnly(s)) return out;
    const headed = new Map<number, boolean>();
    this.words.forEach((w, k) => {
      if (s.usedWords.has(k)) return;
      const id = this.query[w.from];
      let ok = false;
      if (HEAD_DETERMINERS.has(w.text)) {
        for (let j = k + 1; j < this.words.length && j <= k + 4; j++) {
          const t = this.words[j].text;
          if (j > k + 1 && schemaWords.has(stem(t))) { ok = true; break; }
          if (STOPWORDS.has(t) || CLAUSE_JOINERS.has(t) || FILLER_WORDS.has(t) || !/^[a-z']+$/.test(t)) break;
        }
      }
      headed.set(id, (headed.get(id) ?? true) && ok);
    });
    for (const [id, ok] of headed) if (ok) out.add(id);
    return out;
  }

  /**
   * For a free string's first token, in an utterance of several clauses of which some say a word of
   * the call's tool (a word of its name or description) and some do not:
   * the tokens that could start the string only in a clause that says nothing of the tool ("send
   * someone to checkout for a spill then clean the guest room": the note is not "guest room").
   */
  foreignClauseTokens(s: GrammarState): Set<number> {
    const out = new Set<number>();
    if (s.phase !== 'value' || s.value.length > 0 || !s.tool || this.clauses.length < 2) return out;
    const schema = this.schemaOf(s);
    if (schema.enum || schema.type !== 'string' || this.clockOnly(s)) return out;
    const own = this.ownClauses(s.tool);
    if (own === null) return out;
    const foreign = new Map<number, boolean>();
    for (const start of this.spanStarts(s, [])) {
      const k = this.wordAt[start];
      const id = this.query[start];
      const c = this.clauseOf(k);
      foreign.set(id, (foreign.get(id) ?? true) && c >= 0 && !own[c]);
    }
    for (const [id, yes] of foreign) if (yes) out.add(id);
    return out;
  }

  /** A span that ends where a word ends. */
  private endsWord(start: number, length: number): boolean {
    const end = start + length;
    return end === this.query.length || this.wordAt[end] !== this.wordAt[end - 1];
  }

  /**
   * In a free string that may end here: the words after where its span ends (up to `n`, the first
   * one being the next word), for each place the span is; null when the state is not there.
   */
  wordsAfterString(s: GrammarState, n: number): Array<{ text: string; free: boolean }[]> | null {
    if (s.phase !== 'value' || !s.tool || s.value.length === 0) return null;
    const schema = this.schemaOf(s);
    if (schema.enum || schema.type !== 'string' || !this.valueComplete(s)) return null;
    return this.spanStarts(s, s.value).filter((start) => this.endsWord(start, s.value.length)).map((start) => {
      const first = this.wordAt[start + s.value.length];
      if (first === undefined) return [];
      return this.words.slice(first, first + n).map((w, k) => ({ text: w.text, free: !s.usedWords.has(first + k) }));
    });
  }

  private valueComplete(s: GrammarState): boolean {
    const schema = this.schemaOf(s);
    if (s.value.length === 0) return false;
    if (schema.enum || schema.type === 'boolean') return true;
    if (schema.type === 'integer' || schema.type === 'number') {
      const candidates = this.numberCandidates(s);
      if (candidates) return candidates.includes(s.valueText);
      return (schema.type === 'integer' ? INT_DONE : NUM_DONE).test(s.valueText) && inRange(Number(s.valueText), schema);
    }
    return this.tok.decode(s.value).trim().length > 0 && this.spanStarts(s, s.value).some((start) => this.endsWord(start, s.value.length));
  }

  private valueTokens(s: GrammarState): number[] {
    const schema = this.schemaOf(s);
    const done = this.valueComplete(s);
    const next: number[] = [];
    if (schema.enum) {
      if (s.value.length === 0) return this.ids.enums.slice(0, Math.min(schema.enum.length, MAX_ENUM_SLOTS));
    } else if (schema.type === 'boolean') {
      if (s.value.length === 0) return [this.ids.yes, this.ids.no];
    } else if (s.value.length < MAX_VALUE_TOKENS) {
      if (schema.type === 'integer' || schema.type === 'number') {
        const candidates = this.numberCandidates(s);
        const partial = schema.type === 'integer' ? INT_PARTIAL : NUM_PARTIAL;
        for (const id of this.numberTokens) {
          const text = s.valueText + this.tok.piece(id);
          const ok = candidates
            ? candidates.some((c) => c.startsWith(text))
            : partial.test(text) && text.replace(/[ .-]/g, '').length <= MAX_DIGITS && numberPrefixFeasible(text, schema.minimum, schema.maximum);
          if (ok) next.push(id);
        }
      } else {
        const follow = new Set<number>();
        const clock = this.clockOnly(s);
        const reuse = this.reusesWords(s);
        for (const start of this.spanStarts(s, s.value)) {
          // a clock time is that one word
          if (clock && this.wordAt[start + s.value.length] !== this.wordAt[start]) continue;
          const id = this.query[start + s.value.length];
          if (id !== undefined && (reuse || !s.usedWords.has(this.wordAt[start + s.value.length]))) follow.add(id);
        }
        next.push(...follow);
      }
    }
    if (done) next.push(...this.afterParam(s));
    return next;
  }

  /** After a tool or a finished value: a later parameter, or the end of the call once required ones are given. */
  private afterParam(s: GrammarState): number[] {
    const entry = s.tool as ToolEntry;
    const out: number[] = [];
    for (let j = s.lastParam + 1; j < entry.params.length; j++) {
      // an optional clock time with no HH:MM word to take is left out
      if (!entry.required[j] && entry.clock[j] && !this.freeClockWord(s)) continue;
      // an optional number the utterance says nothing for is left out, unless it asks for a top or bottom
      if (!entry.required[j] && !this.impliedOptional && isNumberSchema(entry.params[j][1]) && this.saidNumbersFor(s, j).size === 0) continue;
      // an optional flag for a mode nobody asked for ("call the office" beside a loudspeaker flag) is left out
      const mode = entry.modeWords[j];
      if (mode && mode.size > 0 && !saysAnyOf(mode, this.saidStems)) continue;
      // an optional free string no word of the utterance may start is left out
      const schema = entry.params[j][1];
      if (!entry.required[j] && schema.type === 'string' && !schema.enum && this.spanStarts({ ...s, phase: 'value', param: j, value: [] }, []).length === 0) continue;
      out.push(this.ids.params[j]);
      if (entry.required[j]) break; // a required parameter cannot be skipped
    }
    const missing = entry.required.some((r, j) => r && j > s.lastParam);
    if (!missing) {
      out.push(this.ids.eos);
      if (s.calls.length + 1 < this.maxCalls && this.uncalled(s).length > 0) out.push(this.ids.call);
    }
    return out;
  }

  private closeValue(s: GrammarState): void {
    if (s.phase !== 'value' || !s.tool) return;
    if (s.value.length === 0) {
      // cut off before any value token (step limit): give no value rather than an invented one
      s.phase = 'params';
      return;
    }
    const [name, schema] = s.tool.params[s.param];
    let value: JsonPrimitive;
    if (schema.enum) {
      value = schema.enum[this.ids.enums.indexOf(s.value[0])];
      this.useValueWords(s, String(value));
    } else if (schema.type === 'boolean') {
      value = s.value[0] === this.ids.yes;
    } else if (schema.type === 'integer' || schema.type === 'number') {
      value = Number(s.valueText.trim());
      const said = this.words.findIndex((_, k) => this.saidNumber(s, k) === value);
      if (said >= 0) s.usedWords.add(said);
    } else {
      value = this.tok.decode(s.value).trim();
      if (isTopicParameter(name, schema)) value = value.split(/\s+/).join('/');
      const start = this.spanStarts(s, s.value).find((at) => this.endsWord(at, s.value.length));
      if (start !== undefined) for (let k = start; k < start + s.value.length; k++) s.usedWords.add(this.wordAt[k]);
    }
    s.args[name] = value;
    s.phase = 'params';
  }

  /**
   * Marks the words that say a chosen enum value (its first run in the utterance not taken yet) as
   * used, so no free string starts there: "help at garden center" beside counter GARDEN_CENTER and an
   * optional reason had given the reason "garden". State words (on, off…) and numbers are never marked.
   */
  private useValueWords(s: GrammarState, value: string): void {
    const stems = valueStems(value);
    if (stems.size === 0) return;
    for (let k = 0; k < this.words.length; k++) {
      let end = k;
      // a number word stays free: the number parameters read it ("pump 2 at 40 percent")
      while (end < this.words.length && !s.usedWords.has(end) && !NUMBER_WORD.test(this.words[end].text) && stems.has(stem(this.words[end].text))) end++;
      if (end === k) continue;
      for (let j = k; j < end; j++) s.usedWords.add(j);
      return;
    }
  }

  private closeCall(s: GrammarState): void {
    this.closeValue(s);
    if (s.tool) s.calls.push({ name: s.tool.tool.name, arguments: s.args });
    s.tool = null;
    s.args = {};
    s.lastParam = -1;
  }
}
