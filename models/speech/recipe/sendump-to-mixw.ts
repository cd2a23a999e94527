/**
 * Writes pocketsphinx's 8-bit `sendump` (the mixture weights Debian's en-us model ships) as a
 * SphinxTrain `mixture_weights` file, which SphinxTrain's bw needs to collect adaptation statistics.
 *
 * sendump: int32-length-prefixed header strings ending with a 0 length, then int32 #densities and
 * int32 #senones, then for each feature stream and density one byte per senone: the weight's negative
 * log in base 1.0001, shifted right by 10 bits. mixture_weights (SphinxTrain s3 binary): a text header
 * ending in "endhdr\n", the byte-order word 0x11223344, int32 #senones, #streams, #densities and
 * #values, then float32 weights [senone][stream][density].
 *
 *   tsx sendump-to-mixw.ts SENDUMP N_STREAMS OUT
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface MixtureWeights {
  senones: number;
  streams: number;
  densities: number;
  /** [senone][stream][density], each density row summing to 1. */
  weights: Float32Array;
}

export function readSendump(data: Buffer, streams: number, file = 'sendump'): MixtureWeights {
  let offset = 0;
  for (;;) {
    if (offset + 4 > data.length) throw new Error(`${file}: header runs past the end of the file`);
    const n = data.readInt32LE(offset);
    offset += 4;
    if (n === 0) break;
    offset += n;
  }
  const densities = data.readInt32LE(offset);
  const senones = data.readInt32LE(offset + 4);
  offset += 8;
  const expected = streams * densities * senones;
  if (data.length - offset !== expected) {
    throw new Error(`${file}: ${data.length - offset} weight bytes for ${streams} streams x ${densities} densities x ${senones} senones (${expected})`);
  }
  const weights = new Float32Array(expected);
  const logBase = Math.log(1.0001) * 1024;
  for (let f = 0; f < streams; f++) {
    for (let d = 0; d < densities; d++) {
      for (let s = 0; s < senones; s++) {
        weights[(s * streams + f) * densities + d] = Math.exp(-data[offset + (f * densities + d) * senones + s] * logBase);
      }
    }
  }
  // the 8-bit quantisation leaves each row a little off 1
  for (let row = 0; row < senones * streams; row++) {
    let sum = 0;
    for (let d = 0; d < densities; d++) sum += weights[row * densities + d];
    for (let d = 0; d < densities; d++) weights[row * densities + d] /= sum;
  }
  return { senones, streams, densities, weights };
}

export function formatMixtureWeights(m: MixtureWeights): Buffer {
  const header = Buffer.from('s3\nversion 1.0\nendhdr\n', 'ascii');
  const dims = Buffer.alloc(20);
  dims.writeUInt32LE(0x11223344, 0);
  dims.writeInt32LE(m.senones, 4);
  dims.writeInt32LE(m.streams, 8);
  dims.writeInt32LE(m.densities, 12);
  dims.writeInt32LE(m.weights.length, 16);
  const body = Buffer.alloc(m.weights.length * 4);
  m.weights.forEach((w, i) => body.writeFloatLE(w, i * 4));
  return Buffer.concat([header, dims, body]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [input, streams, out] = process.argv.slice(2);
  if (input === undefined || streams === undefined || out === undefined) throw new Error('usage: sendump-to-mixw.ts SENDUMP N_STREAMS OUT');
  const m = readSendump(readFileSync(input), Number(streams), input);
  writeFileSync(out, formatMixtureWeights(m));
  console.log(`${out}: ${m.senones} senones x ${m.streams} streams x ${m.densities} densities`);
}
