/**
 * The two ONNX graphs of a Needle model in onnxruntime-node: the encoder (tokens -> each decoder
 * layer's cross-attention keys/values) and one decoder step with a key/value cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Ort from 'onnxruntime-node';

export interface NeedleModelJson {
  format: 'needle-onnx-1';
  config: { vocab: number; d_model: number; enc_layers: number; dec_layers: number; heads: number; kv_heads: number; tool_encoding: 'joint' | 'separate'; related_flag?: boolean };
  parameters: number;
  vocab: number;
  bos: number;
  eos: number;
  kv_heads: number;
  head_dim: number;
  encoder: { file: string; outputs: string[]; relevance?: string };
  decoder: { file: string; past: string[]; present: string[]; cross: string[] };
  variants?: Record<string, { encoder: string; decoder: string }>;
}

/** Keys/values for one sequence: per tensor name, data laid out [1, kvHeads, length, headDim]. */
export interface KvSet {
  length: number;
  tensors: Float32Array[];
}

/** Encoder result: cross keys/values, and the auxiliary relevance logits [length, 2] when the graph has them. */
export interface Encoded extends KvSet {
  relevance: Float32Array | null;
}

export type ModelVariant = 'fp32' | 'int8';

export function readModelJson(modelDir: string): NeedleModelJson {
  const path = join(modelDir, 'model.json');
  if (!existsSync(path)) throw new Error(`Needle model: ${path} not found (run \`make model\` or install the model files)`);
  let meta: NeedleModelJson;
  try {
    meta = JSON.parse(readFileSync(path, 'utf8')) as NeedleModelJson;
  } catch (err) {
    throw new Error(`Needle model: ${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (meta.format !== 'needle-onnx-1') throw new Error(`Needle model: ${path} has unknown format ${String(meta.format)}`);
  return meta;
}

/** Concatenates key/value sets along the sequence axis (tool encodings cached at start-up). */
export function concatKv(parts: readonly KvSet[], kvHeads: number, headDim: number): KvSet {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const count = parts[0].tensors.length;
  const tensors: Float32Array[] = [];
  for (let t = 0; t < count; t++) {
    const out = new Float32Array(kvHeads * length * headDim);
    for (let h = 0; h < kvHeads; h++) {
      let offset = h * length * headDim;
      for (const p of parts) {
        const block = p.tensors[t].subarray(h * p.length * headDim, (h + 1) * p.length * headDim);
        out.set(block, offset);
        offset += block.length;
      }
    }
    tensors.push(out);
  }
  return { length, tensors };
}

export class NeedleOnnx {
  private constructor(
    private readonly ort: typeof Ort,
    readonly meta: NeedleModelJson,
    private readonly encoder: Ort.InferenceSession,
    private readonly decoder: Ort.InferenceSession,
  ) {}

  static async load(modelDir: string, variant: ModelVariant = 'fp32', threads = 1): Promise<NeedleOnnx> {
    const meta = readModelJson(modelDir);
    const files = variant === 'fp32' ? { encoder: meta.encoder.file, decoder: meta.decoder.file } : meta.variants?.[variant];
    if (!files) throw new Error(`Needle model: variant ${variant} is not listed in ${join(modelDir, 'model.json')}`);
    // loaded on first use so commands that never route (help, check) start without the native runtime
    const ort = await import('onnxruntime-node');
    const options: Ort.InferenceSession.SessionOptions = {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
    };
    const open = async (file: string): Promise<Ort.InferenceSession> => {
      const path = join(modelDir, file);
      if (!existsSync(path)) throw new Error(`Needle model: ${path} not found`);
      try {
        return await ort.InferenceSession.create(path, options);
      } catch (err) {
        throw new Error(`Needle model: cannot load ${path} (corrupt or incompatible ONNX file): ${(err as Error).message}`);
      }
    };
    return new NeedleOnnx(ort, meta, await open(files.encoder), await open(files.decoder));
  }

  get kvHeads(): number { return this.meta.kv_heads; }
  get headDim(): number { return this.meta.head_dim; }

  /** Encodes one token sequence (positions 0..n-1, pointer tags [5, n]) into every decoder layer's cross keys/values. */
  async encode(ids: readonly number[], tags: readonly number[]): Promise<Encoded> {
    const ort = this.ort;
    const n = ids.length;
    if (tags.length !== 5 * n) throw new Error(`Needle model: ${tags.length} pointer tags for ${n} tokens`);
    const feeds = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, (x) => BigInt(x)), [1, n]),
      position_ids: new ort.Tensor('int64', BigInt64Array.from({ length: n }, (_, i) => BigInt(i)), [1, n]),
      pointer_tags: new ort.Tensor('int64', BigInt64Array.from(tags, (x) => BigInt(x)), [1, 5, n]),
    };
    const out = await this.encoder.run(feeds);
    const relevance = this.meta.encoder.relevance ? (out[this.meta.encoder.relevance].data as Float32Array) : null;
    return { length: n, tensors: this.meta.encoder.outputs.map((name) => out[name].data as Float32Array), relevance };
  }

  emptyCache(): KvSet {
    return { length: 0, tensors: this.meta.decoder.past.map(() => new Float32Array(0)) };
  }

  /** One decoder step: returns the next-token logits and the grown self-attention cache. */
  async step(token: number, position: number, past: KvSet, cross: KvSet): Promise<{ logits: Float32Array; present: KvSet }> {
    const ort = this.ort;
    const shape = (len: number): number[] => [1, this.kvHeads, len, this.headDim];
    const feeds: Record<string, Ort.Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(token)), [1, 1]),
      position_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(position)), [1, 1]),
    };
    this.meta.decoder.past.forEach((name, i) => { feeds[name] = new ort.Tensor('float32', past.tensors[i], shape(past.length)); });
    this.meta.decoder.cross.forEach((name, i) => { feeds[name] = new ort.Tensor('float32', cross.tensors[i], shape(cross.length)); });
    const out = await this.decoder.run(feeds);
    return {
      logits: out.logits.data as Float32Array,
      present: { length: past.length + 1, tensors: this.meta.decoder.present.map((name) => out[name].data as Float32Array) },
    };
  }

  async release(): Promise<void> {
    await this.encoder.release();
    await this.decoder.release();
  }
}
