/**
 * Pronunciations (CMU/ARPAbet phones, the set of the pocketsphinx en-us acoustic model) for a word list:
 * first the installed cmudict (read at run time from the pocketsphinx-en-us package, never committed),
 * then espeak-ng's IPA transcription mapped to ARPAbet, then a letter-rule guess.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Where Debian / Raspberry Pi OS's pocketsphinx-en-us package installs its dictionary. */
export const DEFAULT_CMUDICT = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

export type PronunciationSource = 'cmudict' | 'espeak' | 'rules';

export interface Pronunciation {
  phones: string[][];
  source: PronunciationSource;
}

const PHONES = new Set(['AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'B', 'CH', 'D', 'DH', 'EH', 'ER', 'EY', 'F', 'G', 'HH',
  'IH', 'IY', 'JH', 'K', 'L', 'M', 'N', 'NG', 'OW', 'OY', 'P', 'R', 'S', 'SH', 'T', 'TH', 'UH', 'UW', 'V', 'W', 'Y',
  'Z', 'ZH']);

/** IPA (as espeak-ng -v en-us --ipa writes it) to ARPAbet; longest symbols first. */
const IPA: Array<[string, string[]]> = ([
  ['tʃ', ['CH']], ['dʒ', ['JH']], ['eɪ', ['EY']], ['aɪ', ['AY']], ['ɔɪ', ['OY']], ['aʊ', ['AW']], ['oʊ', ['OW']],
  ['əʊ', ['OW']], ['ɪɹ', ['IH', 'R']], ['ɛɹ', ['EH', 'R']], ['ʊɹ', ['UH', 'R']], ['ɑːɹ', ['AA', 'R']],
  ['ɔːɹ', ['AO', 'R']], ['oːɹ', ['AO', 'R']], ['ɜː', ['ER']], ['ɚ', ['ER']], ['ɝ', ['ER']], ['iː', ['IY']],
  ['uː', ['UW']], ['ɑː', ['AA']], ['ɔː', ['AO']], ['n̩', ['AH', 'N']], ['l̩', ['AH', 'L']], ['i', ['IY']],
  ['ɪ', ['IH']], ['ᵻ', ['IH']], ['ɛ', ['EH']], ['e', ['EH']], ['æ', ['AE']], ['a', ['AE']], ['ɑ', ['AA']],
  ['ɒ', ['AA']], ['ɔ', ['AO']], ['o', ['OW']], ['ʌ', ['AH']], ['ə', ['AH']], ['ɐ', ['AH']], ['u', ['UW']],
  ['ʊ', ['UH']], ['p', ['P']], ['b', ['B']], ['t', ['T']], ['d', ['D']], ['k', ['K']], ['ɡ', ['G']], ['g', ['G']],
  ['f', ['F']], ['v', ['V']], ['θ', ['TH']], ['ð', ['DH']], ['s', ['S']], ['z', ['Z']], ['ʃ', ['SH']],
  ['ʒ', ['ZH']], ['h', ['HH']], ['m', ['M']], ['n', ['N']], ['ŋ', ['NG']], ['l', ['L']], ['ɹ', ['R']],
  ['r', ['R']], ['w', ['W']], ['j', ['Y']], ['ɾ', ['T']], ['ʔ', ['T']], ['x', ['K']], ['ç', ['HH']],
] as Array<[string, string[]]>).sort((a, b) => b[0].length - a[0].length);

export function ipaToArpabet(ipa: string): string[] {
  const s = ipa.normalize('NFC').replace(/[ˈˌ‍\u200d'ˑ]/g, '').replace(/\s+/g, '');
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const hit = IPA.find(([sym]) => s.startsWith(sym, i));
    if (hit === undefined) { i += 1; continue; }
    out.push(...hit[1]);
    i += hit[0].length;
  }
  return out;
}

const LETTER_RULES: Array<[string, string[]]> = ([
  ['tch', ['CH']], ['sch', ['S', 'K']], ['sh', ['SH']], ['ch', ['CH']], ['th', ['TH']], ['ng', ['NG']],
  ['ph', ['F']], ['ck', ['K']], ['qu', ['K', 'W']], ['ee', ['IY']], ['ea', ['IY']], ['oo', ['UW']], ['ou', ['AW']],
  ['ow', ['OW']], ['ai', ['EY']], ['ay', ['EY']], ['oi', ['OY']], ['oy', ['OY']], ['er', ['ER']], ['ir', ['ER']],
  ['ur', ['ER']], ['ar', ['AA', 'R']], ['or', ['AO', 'R']], ['a', ['AE']], ['b', ['B']], ['c', ['K']], ['d', ['D']],
  ['e', ['EH']], ['f', ['F']], ['g', ['G']], ['h', ['HH']], ['i', ['IH']], ['j', ['JH']], ['k', ['K']], ['l', ['L']],
  ['m', ['M']], ['n', ['N']], ['o', ['AA']], ['p', ['P']], ['q', ['K']], ['r', ['R']], ['s', ['S']], ['t', ['T']],
  ['u', ['AH']], ['v', ['V']], ['w', ['W']], ['x', ['K', 'S']], ['y', ['IY']], ['z', ['Z']],
] as Array<[string, string[]]>).sort((a, b) => b[0].length - a[0].length);

/** Crude letter-to-sound rules, the last resort when neither cmudict nor espeak-ng knows the word. */
export function letterRules(word: string): string[] {
  const w = word.toLowerCase().replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1');
  const core = w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
  const out: string[] = [];
  let i = 0;
  while (i < core.length) {
    const hit = LETTER_RULES.find(([g]) => core.startsWith(g, i));
    if (hit === undefined) { i += 1; continue; }
    out.push(...hit[1]);
    i += hit[0].length;
  }
  return out;
}

function espeakPhones(word: string): string[] | null {
  const r = spawnSync('espeak-ng', ['-v', 'en-us', '-q', '--ipa', word], { encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0 || typeof r.stdout !== 'string') return null;
  const phones = ipaToArpabet(r.stdout);
  return phones.length > 0 && phones.every((p) => PHONES.has(p)) ? phones : null;
}

/** Reads the dictionary entries of just the requested words ("word PH PH", alternates as "word(2) ..."). */
export function readCmudict(path: string, wanted: ReadonlySet<string>): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const sp = line.indexOf(' ');
    if (sp <= 0) continue;
    const head = line.slice(0, sp);
    const word = head.replace(/\(\d+\)$/, '');
    if (!wanted.has(word)) continue;
    const phones = line.slice(sp + 1).trim().split(/\s+/);
    const list = out.get(word) ?? [];
    list.push(phones);
    out.set(word, list);
  }
  return out;
}

export interface PronounceOptions {
  cmudictPath?: string;
  /** Use espeak-ng for words cmudict lacks (default true; falls back to rules when it is missing). */
  useEspeak?: boolean;
}

/** A pronunciation for every word: cmudict, else espeak-ng, else letter rules (or compound of cmudict words). */
export function pronounce(words: Iterable<string>, options: PronounceOptions = {}): Map<string, Pronunciation> {
  const wanted = new Set(words);
  const dict = readCmudict(options.cmudictPath ?? DEFAULT_CMUDICT, wanted);
  const out = new Map<string, Pronunciation>();
  for (const word of wanted) {
    const known = dict.get(word);
    if (known !== undefined) { out.set(word, { phones: known, source: 'cmudict' }); continue; }
    const viaEspeak = options.useEspeak === false ? null : espeakPhones(word);
    if (viaEspeak !== null) { out.set(word, { phones: [viaEspeak], source: 'espeak' }); continue; }
    const guess = letterRules(word);
    out.set(word, { phones: [guess.length > 0 ? guess : ['AH']], source: 'rules' });
  }
  return out;
}

/** pocketsphinx dictionary text, alternates numbered word(2), word(3)… */
export function toSphinxDictionary(prons: ReadonlyMap<string, Pronunciation>): string {
  const lines: string[] = [];
  for (const word of [...prons.keys()].sort()) {
    const p = prons.get(word);
    if (p === undefined) continue;
    p.phones.forEach((phones, i) => lines.push(`${i === 0 ? word : `${word}(${i + 1})`} ${phones.join(' ')}`));
  }
  return lines.join('\n') + '\n';
}
