/** What every peer's fit hands back for the checks: a linear function x·coef + intercept. */
export interface Linear {
  coef: ArrayLike<number>;
  intercept: number;
}
