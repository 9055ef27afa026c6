/**
 * Not a kernel: the bench's measure of this engine's f64 SIMD peak. 12 independent chains of
 * f64x2 multiply-add in registers (enough to cover the add latency, few enough to stay out of
 * memory), 48 flops per iteration; the result is returned so nothing is optimised away.
 */
export function peakMulAddTest(iterations: i32): f64 {
  const m = f64x2.splat(0.999999), a = f64x2.splat(1e-7);
  let c0 = f64x2.splat(1), c1 = f64x2.splat(2), c2 = f64x2.splat(3), c3 = f64x2.splat(4);
  let c4 = f64x2.splat(5), c5 = f64x2.splat(6), c6 = f64x2.splat(7), c7 = f64x2.splat(8);
  let c8 = f64x2.splat(9), c9 = f64x2.splat(10), c10 = f64x2.splat(11), c11 = f64x2.splat(12);
  for (let i = 0; i < iterations; i++) {
    c0 = f64x2.add(f64x2.mul(c0, m), a); c1 = f64x2.add(f64x2.mul(c1, m), a);
    c2 = f64x2.add(f64x2.mul(c2, m), a); c3 = f64x2.add(f64x2.mul(c3, m), a);
    c4 = f64x2.add(f64x2.mul(c4, m), a); c5 = f64x2.add(f64x2.mul(c5, m), a);
    c6 = f64x2.add(f64x2.mul(c6, m), a); c7 = f64x2.add(f64x2.mul(c7, m), a);
    c8 = f64x2.add(f64x2.mul(c8, m), a); c9 = f64x2.add(f64x2.mul(c9, m), a);
    c10 = f64x2.add(f64x2.mul(c10, m), a); c11 = f64x2.add(f64x2.mul(c11, m), a);
  }
  const s = f64x2.add(f64x2.add(f64x2.add(c0, c1), f64x2.add(c2, c3)), f64x2.add(f64x2.add(f64x2.add(c4, c5), f64x2.add(c6, c7)), f64x2.add(f64x2.add(c8, c9), f64x2.add(c10, c11))));
  return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}
