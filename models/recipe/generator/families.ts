/** Every tool family the generator knows, and the ones kept out of training entirely. */
import type { FamilySpec } from './dsl.js';
import { EXTRA_FAMILIES, EXTRA_FAMILIES_2 } from './families-extra.js';
import { EXTRA_FAMILIES_3 } from './families-extra-3.js';
import { EXTRA_FAMILIES_4 } from './families-extra-4.js';
import { GENERIC_FAMILIES } from './families-generic.js';
import { HOME_FAMILIES } from './families-home.js';
import { INDUSTRIAL_FAMILIES } from './families-industrial.js';
import { MEDIA_TIME_FAMILIES } from './families-media-time.js';
import { MORE_TEMPLATES } from './templates-more.js';
import { PARAPHRASES } from './templates-paraphrase.js';
import { SITUATIONS } from './templates-situations.js';

const FAMILIES: FamilySpec[] = [...HOME_FAMILIES, ...MEDIA_TIME_FAMILIES, ...INDUSTRIAL_FAMILIES, ...GENERIC_FAMILIES, ...EXTRA_FAMILIES, ...EXTRA_FAMILIES_2, ...EXTRA_FAMILIES_3, ...EXTRA_FAMILIES_4];

/**
 * Each family with its extra phrasings appended in batch order (after its own templates, so the
 * held-out split of every earlier batch stays put).
 */
export const ALL_FAMILIES: FamilySpec[] = FAMILIES.map((f) => ({
  ...f, templates: [...f.templates, ...(MORE_TEMPLATES[f.id] ?? []), ...(PARAPHRASES[f.id] ?? []), ...(SITUATIONS[f.id] ?? [])],
}));

for (const [file, batch] of [['templates-more.ts', MORE_TEMPLATES], ['templates-paraphrase.ts', PARAPHRASES], ['templates-situations.ts', SITUATIONS]] as const) {
  for (const id of Object.keys(batch)) {
    if (!FAMILIES.some((f) => f.id === id)) throw new Error(`${file} names an unknown family ${id}`);
  }
}

/**
 * Families never seen in training (not even as distractors): the held-out-family evaluation.
 * One from each corner of the product: lighting, outdoor, security, kiosk, industrial.
 */
export const HELDOUT_FAMILY_IDS: string[] = ['light_temperature', 'garage_gate', 'vacuum', 'camera_snapshot', 'kiosk_call_staff', 'pump'];
