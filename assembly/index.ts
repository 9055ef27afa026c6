// The kernels' exports. Each kernel lives in its own module; see src/backend/types.ts for
// the contract every export follows (pointers are byte offsets, matrices row-major f64).
export { dot } from './blas/dot';
