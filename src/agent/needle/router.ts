import type { Router, ToolSchema } from '../types.js';

export interface NeedleRouterOptions {
  /** Folder with model.json, tokenizer.json and the ONNX graphs (default: models/needle). */
  modelDir: string;
  tools: ToolSchema[];
  /** fp32 or the weight-quantised graphs. */
  variant?: 'fp32' | 'int8';
}

/** Loads the Needle runtime (implementation in progress in this module). */
export async function loadNeedleRouter(options: NeedleRouterOptions): Promise<Router> {
  throw new Error(`Needle model not available in ${options.modelDir} yet`);
}
