import { ADOPT, type EstimatorConfig } from '../async/protocol.js';
import { LinfitError, notFitted } from '../errors.js';
import { Matrix } from '../matrix.js';
import { asFiniteMatrix, assertColumns, booleanOption, checkOptionNames, numberIn, type MatrixLike } from '../validate.js';

export interface PolynomialFeaturesOptions {
  degree?: number;
  interactionOnly?: boolean;
  includeBias?: boolean;
}

/**
 * All monomials of the inputs up to `degree`, in scikit-learn's column order: by total degree,
 * and within a degree by combinations (with replacement) of the input indices in lexicographic
 * order. For inputs (a, b) and degree 2: 1, a, b, a², ab, b².
 */
export class PolynomialFeatures {
  /** The name in JSON (fixed: bundlers may rename classes). */
  static readonly typeName = 'PolynomialFeatures';
  readonly degree: number;
  readonly interactionOnly: boolean;
  readonly includeBias: boolean;
  private combos?: number[][];
  private inputs = 0;

  constructor(options: PolynomialFeaturesOptions = {}) {
    const where = 'PolynomialFeatures';
    const o = checkOptionNames(options, ['degree', 'interactionOnly', 'includeBias'], where);
    this.degree = numberIn(o.degree ?? 2, 'degree', where, { min: 0, integer: true });
    this.interactionOnly = booleanOption(o.interactionOnly ?? false, 'interactionOnly', where);
    this.includeBias = booleanOption(o.includeBias ?? true, 'includeBias', where);
  }

  fit(X: MatrixLike): this {
    const M = asFiniteMatrix(X);
    const combos = monomials(M.cols, this.degree, this.interactionOnly, this.includeBias);
    if (combos.length === 0) throw new LinfitError('BAD_OPTION', 'PolynomialFeatures: degree 0 without a bias column yields no features');
    this.combos = combos;
    this.inputs = M.cols;
    return this;
  }

  transform(X: MatrixLike): Matrix {
    const combos = this.state();
    const M = asFiniteMatrix(X);
    assertColumns(M, this.inputs);
    const out = new Matrix(M.rows, combos.length);
    const o = out.data, x = M.data;
    for (let i = 0; i < M.rows; i++) {
      const row = i * M.cols, outRow = i * combos.length;
      for (let c = 0; c < combos.length; c++) {
        let product = 1;
        for (const j of combos[c]) product *= x[row + j];
        o[outRow + c] = product;
      }
    }
    return out;
  }

  fitTransform(X: MatrixLike): Matrix {
    return this.fit(X).transform(X);
  }

  /** The exponent of each input in each output column (rows = output columns). */
  get powers(): number[][] {
    return this.state().map((combo) => {
      const p = new Array<number>(this.inputs).fill(0);
      for (const j of combo) p[j]++;
      return p;
    });
  }

  get nOutputFeatures(): number {
    return this.state().length;
  }

  /** Names like '1', 'x0', 'x0^2', 'x0 x1' (or with the given input names). */
  featureNames(inputNames?: readonly string[]): string[] {
    const names = inputNames ?? Array.from({ length: this.inputs }, (_, j) => `x${j}`);
    if (names.length !== this.inputs) {
      throw new LinfitError('SHAPE_MISMATCH', `featureNames: got ${names.length} input names for ${this.inputs} inputs`);
    }
    return this.powers.map((p) => {
      const terms = p.flatMap((e, j) => (e === 0 ? [] : [e === 1 ? names[j] : `${names[j]}^${e}`]));
      return terms.length === 0 ? '1' : terms.join(' ');
    });
  }

  /** fit needs only the column count (no pass over the data), so it runs here; for a uniform API. */
  async fitAsync(X: MatrixLike): Promise<this> {
    return this.fit(X);
  }

  configJSON(): EstimatorConfig {
    return { type: PolynomialFeatures.typeName, options: { degree: this.degree, interactionOnly: this.interactionOnly, includeBias: this.includeBias } };
  }

  [ADOPT](other: this): void {
    this.combos = other.combos;
    this.inputs = other.inputs;
  }

  toJSON(): PolynomialFeaturesJSON {
    this.state();
    return {
      format: 'linfit', version: 1, type: 'PolynomialFeatures',
      options: { degree: this.degree, interactionOnly: this.interactionOnly, includeBias: this.includeBias },
      inputs: this.inputs,
    };
  }

  static fromJSON(json: PolynomialFeaturesJSON): PolynomialFeatures {
    const poly = new PolynomialFeatures(json.options);
    numberIn(json.inputs, 'inputs', 'PolynomialFeatures JSON', { min: 1, integer: true });
    poly.combos = monomials(json.inputs, poly.degree, poly.interactionOnly, poly.includeBias);
    poly.inputs = json.inputs;
    return poly;
  }

  private state(): number[][] {
    if (!this.combos) throw notFitted('PolynomialFeatures');
    return this.combos;
  }
}

export interface PolynomialFeaturesJSON {
  format: 'linfit';
  version: 1;
  type: 'PolynomialFeatures';
  options: Required<PolynomialFeaturesOptions>;
  inputs: number;
}

/** Index combinations for each monomial, degree by degree. */
function monomials(inputs: number, degree: number, interactionOnly: boolean, includeBias: boolean): number[][] {
  const out: number[][] = includeBias ? [[]] : [];
  let previous: number[][] = [[]];
  for (let k = 1; k <= degree; k++) {
    const next: number[][] = [];
    for (const combo of previous) {
      const start = combo.length === 0 ? 0 : combo[combo.length - 1] + (interactionOnly ? 1 : 0);
      for (let j = start; j < inputs; j++) next.push([...combo, j]);
    }
    out.push(...next);
    previous = next;
  }
  return out;
}
