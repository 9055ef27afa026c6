// Row selection for the fused loss kernels: int32 row index lists, sample weights, and the
// look-ahead that overlaps the cache misses of randomly selected rows.

/** The int32 row index at p + offset, as an unsigned offset multiplier. */
@inline export function rowIndex(p: usize, offset: usize): usize {
  return <usize>load<i32>(p + offset);
}

/** The sample weight at byte offset o, or 1 when sw = 0 (unweighted). */
@inline export function weight(sw: usize, o: usize): f64 {
  return sw == 0 ? 1.0 : load<f64>(sw + o);
}

/**
 * Loads one word from every cache line of the row at r (rb bytes, rb ≥ 8) and returns them
 * OR-ed. Wasm has no prefetch instruction; a plain load of a row the next group will use
 * starts its cache misses now, all independent of each other, so they overlap with each other
 * and with the current group's arithmetic instead of surfacing one by one inside its dot
 * products. (Shuffled mini-batches over an X larger than the caches ran 1.6× faster with it.)
 */
@inline export function touchRow(r: usize, rb: usize): i32 {
  let t = 0;
  for (let o: usize = 0; o < rb; o += 64) t |= load<i32>(r + o);
  return t | load<i32>(r + rb - 4);
}

/** Where the touched words end up, so the loads are not optimized away. */
const SINK: usize = memory.data(16, 16);

@inline export function sink(t: i32): void {
  store<i32>(SINK, t);
}
