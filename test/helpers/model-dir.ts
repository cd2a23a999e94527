/**
 * The Needle model the routing tests run: the shipped one in models/needle, or a candidate exported
 * elsewhere (NEEDLE_MODEL_DIR, set by `make candidate-tests`), so a checkpoint meets these tests
 * before it replaces the shipped model.
 */
import { join } from 'node:path';

export const testModelDir = process.env.NEEDLE_MODEL_DIR ?? join(import.meta.dirname, '..', '..', 'models', 'needle');
