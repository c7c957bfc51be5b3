import { z } from 'zod';
import { EXTRA_FEATURE_COUNT } from './extra-features.js';
import type { LinearModel } from './model.js';

/**
 * The JSON form of a LinearModel. Arrays travel as base64 of little-endian typed arrays;
 * weights may be quantised to int8 with one scale per label (4x smaller files, accuracy
 * within a few hundredths of a point on banking77, see bench/results/quality.md).
 */
const MODEL_FORMAT = 'frictionlens-linear-classifier';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const ModelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(1),
  kind: z.enum(['multiclass', 'multilabel']),
  task: z.enum(['themes', 'sentiment']).optional(),
  labels: z.array(z.string()).min(1),
  features: z.object({
    bits: z.number().int().min(8).max(26),
    wordMaxN: z.number().int().min(1).max(4),
    charMinN: z.number().int().min(1).max(8),
    charMaxN: z.number().int().min(1).max(8),
    wordWeight: z.number().nonnegative(),
    charWeight: z.number().nonnegative(),
  }),
  buckets: base64,
  idf: base64,
  weights: z.object({ encoding: z.enum(['float32', 'int8']), scales: z.array(z.number()).optional(), data: base64 }),
  thresholds: z.array(z.number()).optional(),
  extra: z.enum(['lexicon-sentiment']).optional(),
  rejectBelow: z.number().optional(),
  unit: z.enum(['verbatim', 'sentence']).optional(),
  training: z.object({
    examples: z.number().int().nonnegative(),
    seed: z.number().int(),
    cost: z.number().positive(),
    classWeight: z.enum(['balanced', 'none']),
  }),
});
export type ModelFile = z.infer<typeof ModelFileSchema>;

const encode = (array: Int32Array | Float32Array | Int8Array): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

function decode<T>(text: string, make: (buffer: ArrayBuffer, length: number) => T, bytesPer: number): T {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return make(copy, bytes.byteLength / bytesPer);
}

export function toModelFile(model: LinearModel, encoding: 'float32' | 'int8' = 'int8'): ModelFile {
  const K = model.labels.length;
  let weights: ModelFile['weights'];
  if (encoding === 'float32') {
    weights = { encoding, data: encode(model.weights) };
  } else {
    const scales = new Array<number>(K).fill(0);
    model.weights.forEach((w, i) => {
      const k = i % K;
      scales[k] = Math.max(scales[k]!, Math.abs(w));
    });
    for (let k = 0; k < K; k++) scales[k] = scales[k]! / 127 || 1;
    // A plain loop: TypedArray.from with a map function goes through a JS array (~100 MB here).
    const quantised = new Int8Array(model.weights.length);
    for (let i = 0; i < quantised.length; i++) quantised[i] = Math.round(model.weights[i]! / scales[i % K]!);
    weights = { encoding, scales, data: encode(quantised) };
  }
  return {
    format: MODEL_FORMAT,
    version: 1,
    kind: model.kind,
    ...(model.task ? { task: model.task } : {}),
    labels: model.labels,
    features: { ...model.space.options },
    buckets: encode(model.space.buckets),
    idf: encode(model.space.idf),
    weights,
    ...(model.thresholds ? { thresholds: Array.from(model.thresholds) } : {}),
    ...(model.extra ? { extra: model.extra } : {}),
    ...(model.rejectBelow !== undefined ? { rejectBelow: model.rejectBelow } : {}),
    ...(model.unit ? { unit: model.unit } : {}),
    training: model.training,
  };
}

/** Rebuilds a model from its validated file form; throws Error on inconsistent sizes. */
export function fromModelFile(file: ModelFile): LinearModel {
  const K = file.labels.length;
  const buckets = decode(file.buckets, (b, n) => new Int32Array(b, 0, n), 4);
  const idf = decode(file.idf, (b, n) => new Float32Array(b, 0, n), 4);
  let weights: Float32Array;
  if (file.weights.encoding === 'float32') {
    weights = decode(file.weights.data, (b, n) => new Float32Array(b, 0, n), 4);
  } else {
    const scales = file.weights.scales ?? [];
    if (scales.length !== K) throw new Error(`model: ${scales.length} weight scales for ${K} labels`);
    const quantised = decode(file.weights.data, (b, n) => new Int8Array(b, 0, n), 1);
    weights = new Float32Array(quantised.length);
    for (let i = 0; i < quantised.length; i++) weights[i] = quantised[i]! * scales[i % K]!;
  }
  if (idf.length !== buckets.length) throw new Error('model: idf and buckets differ in length');
  const rows = buckets.length + 1 + (file.extra ? EXTRA_FEATURE_COUNT[file.extra] : 0);
  if (weights.length !== rows * K) throw new Error(`model: ${weights.length} weights, expected ${rows * K}`);
  if (file.thresholds && file.thresholds.length !== K) throw new Error('model: one threshold per label expected');
  if (buckets.some((b) => b < 0 || b >= 1 << file.features.bits)) throw new Error('model: bucket out of range');
  return {
    kind: file.kind,
    ...(file.task ? { task: file.task } : {}),
    labels: file.labels,
    space: { options: { ...file.features }, buckets, idf },
    weights,
    ...(file.thresholds ? { thresholds: Float32Array.from(file.thresholds) } : {}),
    ...(file.extra ? { extra: file.extra } : {}),
    ...(file.rejectBelow !== undefined ? { rejectBelow: file.rejectBelow } : {}),
    ...(file.unit ? { unit: file.unit } : {}),
    training: file.training,
  };
}
