/** The transformers, as the public API exports them; loadModel's registry is derived from this list too. */
export { StandardScaler, type StandardScalerOptions } from './standard-scaler.js';
export { MinMaxScaler, type MinMaxScalerOptions } from './min-max-scaler.js';
export { PolynomialFeatures, type PolynomialFeaturesOptions } from './polynomial-features.js';
