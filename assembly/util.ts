// Small helpers shared by the kernels. Everything here is inlined into its callers.

/** Byte length of n float64 values; a non-positive n counts as empty (the JS loops just skip). */
@inline export function bytes(n: i32): usize {
  return n > 0 ? <usize>n << 3 : 0;
}

/** Zeroes n float64 values at p. */
@inline export function zero(p: usize, n: i32): void {
  memory.fill(p, 0, bytes(n));
}
