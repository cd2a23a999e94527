/**
 * SphinxTrain's MLLR transform files (mllr_solve's output, pocketsphinx's -mllr input) and the noise
 * factoring adapt.sh does with them.
 *
 * Text format: #classes, #streams, then per stream: its dimension d, the d x d matrix A (row by row),
 * the bias b (d values) and a variance scale (d values, 1.0 from mllr_solve). A maps the acoustic
 * model's Gaussian means: mu -> A mu + b.
 */
export interface MllrStream {
  a: number[][];
  b: number[];
}

export function parseMllr(text: string, file = 'MLLR transform'): MllrStream[] {
  const tokens = text.trim().split(/\s+/);
  let pos = 0;
  const next = (what: string): number => {
    const t = tokens[pos++];
    const v = Number(t);
    if (t === undefined || !Number.isFinite(v)) throw new Error(`${file}: expected ${what} at value ${pos}, found ${t ?? 'end of file'}`);
    return v;
  };
  const classes = next('the number of classes');
  if (classes !== 1) throw new Error(`${file}: ${classes} regression classes; only a global transform (1 class) is supported`);
  const nStreams = next('the number of streams');
  const streams: MllrStream[] = [];
  for (let s = 0; s < nStreams; s++) {
    const d = next(`stream ${s}'s dimension`);
    const a = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => next(`A[${s}][${i}][${j}]`)));
    const b = Array.from({ length: d }, (_, i) => next(`b[${s}][${i}]`));
    for (let i = 0; i < d; i++) next(`the variance scale [${s}][${i}]`);
    streams.push({ a, b });
  }
  if (pos !== tokens.length) throw new Error(`${file}: ${tokens.length - pos} values after the last stream`);
  return streams;
}

export function formatMllr(streams: readonly MllrStream[]): string {
  const lines = ['1', String(streams.length)];
  for (const { a, b } of streams) {
    lines.push(String(b.length));
    for (const row of a) lines.push(row.map((x) => x.toFixed(6)).join(' '));
    lines.push(b.map((x) => x.toFixed(6)).join(' '));
    lines.push(b.map(() => '1.0').join(' '));
  }
  return `${lines.join('\n')}\n`;
}

function multiply(x: number[][], y: number[][]): number[][] {
  return x.map((row) => y[0].map((_, j) => row.reduce((sum, v, k) => sum + v * y[k][j], 0)));
}

/** Inverse by Gauss-Jordan elimination with partial pivoting; throws on a singular matrix. */
export function invert(m: readonly number[][]): number[][] {
  const n = m.length;
  const w = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(w[r][col]) > Math.abs(w[pivot][col])) pivot = r;
    if (Math.abs(w[pivot][col]) < 1e-12) throw new Error('MLLR matrix is singular');
    [w[col], w[pivot]] = [w[pivot], w[col]];
    const p = w[col][col];
    for (let j = 0; j < 2 * n; j++) w[col][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col || w[r][col] === 0) continue;
      const f = w[r][col];
      for (let j = 0; j < 2 * n; j++) w[r][j] -= f * w[col][j];
    }
  }
  return w.map((row) => row.slice(n));
}

/**
 * The noise-only transform from two transforms estimated on the same voices: on their clean speech
 * (voice + channel: mu -> Ac mu + bc) and on the same sentences in noise after suppression (voice +
 * channel + noise: mu -> An mu + bn). It maps the clean-adapted means onto the noisy-adapted ones,
 *   A = An Ac^-1,  b = bn - A bc,
 * so applied to the unadapted model it carries the noise and its suppression, not the training voices.
 */
export function factorNoise(clean: readonly MllrStream[], noisy: readonly MllrStream[]): MllrStream[] {
  if (clean.length !== noisy.length) throw new Error(`stream counts differ: ${clean.length} clean, ${noisy.length} noisy`);
  return clean.map((c, s) => {
    const n = noisy[s];
    const a = multiply(n.a, invert(c.a));
    const b = n.b.map((v, i) => v - a[i].reduce((sum, x, k) => sum + x * c.b[k], 0));
    return { a, b };
  });
}
