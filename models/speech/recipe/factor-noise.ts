/**
 * The noise-only MLLR transform from a clean and a noisy one (mllr.ts, factorNoise).
 *   tsx factor-noise.ts CLEAN_MLLR NOISY_MLLR OUT
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { factorNoise, formatMllr, parseMllr } from './mllr.js';

const [clean, noisy, out] = process.argv.slice(2);
if (clean === undefined || noisy === undefined || out === undefined) throw new Error('usage: factor-noise.ts CLEAN_MLLR NOISY_MLLR OUT');
writeFileSync(out, formatMllr(factorNoise(parseMllr(readFileSync(clean, 'utf8'), clean), parseMllr(readFileSync(noisy, 'utf8'), noisy))));
console.log(`wrote ${out}`);
