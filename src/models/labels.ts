/**
 * Labels for classifiers: class weights, targets as class indices, and the checks that a
 * stream's or a saved model's classes agree.
 */
import { LinfitError } from '../errors.js';
import { asLabels, numberIn, uniqueLabels, type Label } from '../validate.js';

export type ClassWeight = 'balanced' | Record<string, number>;

export function validateClassWeight(value: unknown, where: string): ClassWeight | undefined {
  if (value === undefined || value === 'balanced') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LinfitError('BAD_OPTION', `${where}: classWeight must be 'balanced' or an object from label to weight`);
  }
  for (const [label, w] of Object.entries(value)) numberIn(w, `classWeight['${label}']`, where, { min: 0 });
  return { ...(value as Record<string, number>) };
}

/**
 * Sample weights times class weights (undefined when both are all ones): 'balanced' gives
 * class k the weight n / (K·count_k), as scikit-learn; an object names labels (missing: 1).
 */
export function weightsFor(cw: ClassWeight | undefined, labels: Label[], classes: Label[], sampleWeight: Float64Array | undefined): Float64Array | undefined {
  if (!cw) return sampleWeight;
  const perClass = new Map<Label, number>();
  if (cw === 'balanced') {
    const counts = new Map<Label, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    for (const c of classes) perClass.set(c, labels.length / (classes.length * (counts.get(c) ?? 1)));
  } else {
    for (const key of Object.keys(cw)) {
      const label = classes.find((c) => String(c) === key);
      if (label === undefined) throw new LinfitError('BAD_LABELS', `classWeight names '${key}', which is not one of the classes ${JSON.stringify(classes)}`);
      perClass.set(label, cw[key]);
    }
  }
  const out = sampleWeight ? sampleWeight.slice() : new Float64Array(labels.length).fill(1);
  let total = 0;
  for (let i = 0; i < labels.length; i++) total += out[i] *= perClass.get(labels[i]) ?? 1;
  if (!(total > 0)) throw new LinfitError('BAD_INPUT', 'classWeight × sampleWeight is 0 for every row; at least one row needs a positive weight');
  return out;
}

/** Labels as class indices (float64, as the kernels read them). */
export function encodeLabels(labels: Label[], classes: Label[]): Float64Array {
  const index = new Map<Label, number>(classes.map((c, i) => [c, i]));
  const target = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const k = index.get(labels[i]);
    if (k === undefined) throw new LinfitError('BAD_LABELS', `y[${i}] = ${JSON.stringify(labels[i])} is not one of the classes ${JSON.stringify(classes)}`);
    target[i] = k;
  }
  return target;
}

/**
 * The classes of a partialFit call: the fitted ones (which `given`, if passed, must equal), or
 * on the first call `given`, which must name at least two labels.
 */
export function streamClasses(fitted: Label[] | undefined, given: ArrayLike<Label> | undefined): Label[] {
  const named = given === undefined ? undefined : uniqueLabels(asLabels(given, 'classes'));
  if (fitted) {
    if (named && !sameLabels(named, fitted)) {
      throw new LinfitError('BAD_LABELS', `partialFit: classes ${JSON.stringify(given)} differ from the fitted classes ${JSON.stringify(fitted)}`);
    }
    return fitted;
  }
  if (!named) throw new LinfitError('BAD_LABELS', 'partialFit: the first call needs options.classes (every label the data will contain)');
  if (named.length < 2) throw new LinfitError('BAD_LABELS', 'partialFit: classes must contain at least two labels');
  return named;
}

export function sameLabels(a: Label[], b: Label[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Whether every row's own class scores highest (binary, one output: the score's sign agrees
 * with the label): the training data are linearly separated.
 */
export function separates(scores: Float64Array, target: Float64Array, outputs: number): boolean {
  for (let i = 0; i < target.length; i++) {
    if (outputs === 1) {
      if ((scores[i] > 0) !== (target[i] === 1) || scores[i] === 0) return false;
    } else {
      const own = scores[i * outputs + target[i]];
      for (let k = 0; k < outputs; k++) if (k !== target[i] && scores[i * outputs + k] >= own) return false;
    }
  }
  return true;
}

/**
 * Softmax probabilities do not change when the same vector is added to every class's
 * parameters, and the intercepts are not penalised: they are only determined up to a common
 * shift (the weights too when there is no penalty). Centring them across classes picks the
 * one answer every solver agrees on, without changing the model.
 */
export function centreSoftmax(params: Float64Array, classes: number, cols: number, weightsToo: boolean): void {
  const centre = (offset: number, stride: number, count: number) => {
    for (let j = 0; j < count; j++) {
      let mean = 0;
      for (let k = 0; k < classes; k++) mean += params[offset + k * stride + j];
      mean /= classes;
      for (let k = 0; k < classes; k++) params[offset + k * stride + j] -= mean;
    }
  };
  centre(classes * cols, 1, 1);
  if (weightsToo) centre(0, cols, cols);
}
