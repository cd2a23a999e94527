/**
 * Estimates a backoff n-gram language model (Witten-Bell discounting) from sentences and writes it in
 * the ARPA text format that pocketsphinx reads.
 *
 *   P(w|h) = c(h w) / (c(h) + T(h))                  when h w was seen (T(h): distinct words after h)
 *   P(w|h) = alpha(h) * P(w|h')                       otherwise (h' drops the oldest word of h)
 *   alpha(h) = (1 - sum_seen P(w|h)) / (1 - sum_seen P(w|h'))
 * Unigrams are add-one smoothed (Witten-Bell towards a uniform distribution over the vocabulary).
 */

export const BOS = '<s>';
export const EOS = '</s>';

export interface NgramModel {
  order: number;
  /** log10 probabilities and backoff weights per n-gram (words joined by a single space). */
  grams: Array<Map<string, { logProb: number; logBackoff?: number }>>;
  vocabulary: string[];
}

interface Counts {
  /** counts[k]: n-grams of length k+1. */
  ngrams: Array<Map<string, number>>;
  /** For histories of length k+1: total continuation count and number of distinct continuations. */
  histories: Array<Map<string, { total: number; types: number }>>;
}

function count(sentences: readonly string[], order: number): Counts {
  const ngrams: Array<Map<string, number>> = Array.from({ length: order }, () => new Map());
  for (const sentence of sentences) {
    const words = sentence.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) continue;
    const seq = [BOS, ...words, EOS];
    for (let n = 1; n <= order; n++) {
      for (let i = 0; i + n <= seq.length; i++) {
        if (n === 1 && seq[i] === BOS) continue;
        const key = seq.slice(i, i + n).join(' ');
        ngrams[n - 1].set(key, (ngrams[n - 1].get(key) ?? 0) + 1);
      }
    }
  }
  const histories: Array<Map<string, { total: number; types: number }>> = Array.from({ length: order - 1 }, () => new Map());
  for (let n = 2; n <= order; n++) {
    for (const [key, c] of ngrams[n - 1]) {
      const h = key.slice(0, key.lastIndexOf(' '));
      const entry = histories[n - 2].get(h) ?? { total: 0, types: 0 };
      entry.total += c;
      entry.types += 1;
      histories[n - 2].set(h, entry);
    }
  }
  return { ngrams, histories };
}

/** Builds the model; `order` is 1..5 (3 is a good default for command phrases). */
export function estimateNgramModel(sentences: readonly string[], order = 3): NgramModel {
  if (order < 1 || order > 5) throw new RangeError('order must be 1..5');
  const { ngrams, histories } = count(sentences, order);
  const probs: Array<Map<string, number>> = Array.from({ length: order }, () => new Map());
  const backoffs: Array<Map<string, number>> = Array.from({ length: order }, () => new Map());

  const unigrams = ngrams[0];
  let total = 0;
  for (const c of unigrams.values()) total += c;
  const vocabSize = unigrams.size;
  for (const [w, c] of unigrams) probs[0].set(w, (c + 1) / (total + vocabSize));

  const prob = (words: string[]): number => {
    const n = words.length;
    const key = words.join(' ');
    const p = probs[n - 1].get(key);
    if (p !== undefined) return p;
    if (n === 1) return 1e-9;
    const bow = backoffs[n - 2].get(words.slice(0, -1).join(' ')) ?? 1;
    return bow * prob(words.slice(1));
  };

  for (let n = 2; n <= order; n++) {
    for (const [key, c] of ngrams[n - 1]) {
      const h = key.slice(0, key.lastIndexOf(' '));
      const hist = histories[n - 2].get(h);
      if (hist === undefined) continue;
      probs[n - 1].set(key, c / (hist.total + hist.types));
    }
    // Backoff weights of the (n-1)-gram histories, now that their continuations are known.
    const seenMass = new Map<string, { here: number; lower: number }>();
    for (const key of ngrams[n - 1].keys()) {
      const words = key.split(' ');
      const h = words.slice(0, -1).join(' ');
      const m = seenMass.get(h) ?? { here: 0, lower: 0 };
      m.here += probs[n - 1].get(key) ?? 0;
      m.lower += prob(words.slice(1));
      seenMass.set(h, m);
    }
    for (const [h, m] of seenMass) {
      const num = Math.max(1e-12, 1 - m.here);
      const den = Math.max(1e-12, 1 - m.lower);
      backoffs[n - 2].set(h, num / den);
    }
  }

  const grams: NgramModel['grams'] = [];
  for (let n = 1; n <= order; n++) {
    const level = new Map<string, { logProb: number; logBackoff?: number }>();
    const keys = [...probs[n - 1].keys()];
    if (n === 1) keys.unshift(BOS);
    for (const key of keys) {
      const logProb = key === BOS ? -99 : Math.log10(probs[n - 1].get(key) ?? 1e-99);
      const bow = n < order ? backoffs[n - 1].get(key) : undefined;
      level.set(key, bow === undefined ? { logProb } : { logProb, logBackoff: Math.log10(bow) });
    }
    grams.push(level);
  }
  const vocabulary = [...unigrams.keys()].filter((w) => w !== EOS);
  return { order, grams, vocabulary };
}

function fmt(x: number): string {
  return x.toFixed(6);
}

/** ARPA text: \data\ header, one section per order, \end\. */
export function toArpa(model: NgramModel): string {
  const lines: string[] = ['\\data\\'];
  model.grams.forEach((level, i) => lines.push(`ngram ${i + 1}=${level.size}`));
  model.grams.forEach((level, i) => {
    lines.push('', `\\${i + 1}-grams:`);
    for (const [key, { logProb, logBackoff }] of level) {
      lines.push(logBackoff === undefined || i + 1 === model.order
        ? `${fmt(logProb)}\t${key}`
        : `${fmt(logProb)}\t${key}\t${fmt(logBackoff)}`);
    }
  });
  lines.push('', '\\end\\', '');
  return lines.join('\n');
}

/** log10 P(sentence) under the model (with </s>), for tests and diagnostics. */
export function sentenceLogProb(model: NgramModel, sentence: string): number {
  const seq = [BOS, ...sentence.split(/\s+/).filter((w) => w !== ''), EOS];
  let total = 0;
  for (let i = 1; i < seq.length; i++) {
    const ctx = seq.slice(Math.max(0, i - model.order + 1), i + 1);
    total += logProbOf(model, ctx);
  }
  return total;
}

function logProbOf(model: NgramModel, words: string[]): number {
  const n = words.length;
  const entry = model.grams[n - 1].get(words.join(' '));
  if (entry !== undefined) return entry.logProb;
  if (n === 1) return -99;
  const h = model.grams[n - 2].get(words.slice(0, -1).join(' '));
  return (h?.logBackoff ?? 0) + logProbOf(model, words.slice(1));
}
