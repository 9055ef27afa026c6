// Two-lane (f64x2) exp and log1p for the fused loss kernels: the scalar Math.exp / Math.log1p
// per row, with their branches and table loads, cost more than the row's dot product and
// axpy together; these evaluate two rows' nonlinearities in one branch-free pass.
// Plain wasm SIMD (no relaxed-SIMD, so no FMA): every constant and rounding is deterministic.

// ------------------------------------------------------------------------------------------
// exp

/** 1/ln 2. */
const INV_LN2: f64 = 1.4426950408889634;
/** 1.5·2^52: adding it rounds a float of magnitude < 2^51 to an integer, held in the low mantissa bits. */
const SHIFT: f64 = 6755399441055744.0;
/** ln 2 split in two (fdlibm's ln2HI/ln2LO): k·LN2_HI is exact for |k| < 2^20. */
const LN2_HI: f64 = 6.93147180369123816490e-01; // 0x3fe62e42fee00000
const LN2_LO: f64 = 1.90821492927058770002e-10; // 0x3dea39ef35793c76
/** Below this e^x rounds to 0 (e^−745.14 is half the least subnormal); also keeps k ≥ −1076. */
const EXP_MIN: f64 = -746.0;
/**
 * 2^k is built as 2^(k + 54)·2^−54: 2^(k + 54) is a normal number for every k ≥ −1076, the first
 * product p·2^(k + 54) is exact, and only the second rounds, once, into the subnormal range.
 */
const EXP_BIAS: i64 = 1023 + 54;
const TWO_M54: f64 = 5.551115123125783e-17; // 2^−54

// Q(r) ≈ (e^r − 1 − r)/r² on |r| ≤ 0.3467 (⊇ [−ln2/2, ln2/2]), degree 10, minimax (Remez, absolute
// error 1.4e-18, so e^r − 1 − r is off by at most 1.7e-19).
const Q0: f64 = 0.5;
const Q1: f64 = 0.1666666666666667;
const Q2: f64 = 0.041666666666666685;
const Q3: f64 = 0.008333333333326119;
const Q4: f64 = 0.0013888888888874365;
const Q5: f64 = 0.00019841269874875498;
const Q6: f64 = 2.480158734741759e-05;
const Q7: f64 = 2.7557255330868767e-06;
const Q8: f64 = 2.7557252836926574e-07;
const Q9: f64 = 2.5105245776246454e-08;
const Q10: f64 = 2.092161492201191e-09;

@inline function splat(x: f64): v128 {
  return f64x2.splat(x);
}

/** a·b + c, lane-wise (two roundings: plain SIMD has no fused multiply-add). */
@inline function mad(a: v128, b: v128, c: f64): v128 {
  return f64x2.add(f64x2.mul(a, b), splat(c));
}

/**
 * e^x in both lanes, for x ≤ 0 (−∞ gives 0, NaN gives NaN), within 1 ulp, subnormal results
 * included (0.92 ulp the worst of 40 000 random x against a 200-bit reference; never more than
 * 1 ulp from Math.exp on millions): x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite, k·ln2 in two
 * parts), e^r = 1 + (r + r²·Q(r)) with the degree-10 minimax Q above, times 2^k from integer
 * exponent bits. Also right for 0 < x ≤ 670, where 2^(k + 54) still fits (not used).
 */
@inline export function expNeg2(x: v128): v128 {
  // pmax keeps NaN (x < EXP_MIN is false), and is one instruction where max is several.
  x = f64x2.pmax(x, splat(EXP_MIN));
  // t = SHIFT + k, k = round(x/ln2); kf = k as a float.
  const t = f64x2.add(f64x2.mul(x, splat(INV_LN2)), splat(SHIFT));
  const kf = f64x2.sub(t, splat(SHIFT));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(kf, splat(LN2_HI))), f64x2.mul(kf, splat(LN2_LO)));
  // Q(r) as even and odd halves in r², two shorter dependency chains.
  const r2 = f64x2.mul(r, r);
  let qe = mad(r2, splat(Q10), Q8);
  qe = mad(qe, r2, Q6);
  qe = mad(qe, r2, Q4);
  qe = mad(qe, r2, Q2);
  qe = mad(qe, r2, Q0);
  let qo = mad(r2, splat(Q9), Q7);
  qo = mad(qo, r2, Q5);
  qo = mad(qo, r2, Q3);
  qo = mad(qo, r2, Q1);
  const q = f64x2.add(qe, f64x2.mul(r, qo));
  // e^r = 1 + (r + r²·Q): the small part first, so 1 + … is the only large rounding.
  const p = f64x2.add(splat(1.0), f64x2.add(r, f64x2.mul(r2, q)));
  // The low 12 bits of t's bit pattern are k (two's complement, mod 2^12; SHIFT's are 0), so
  // (bits(t) + 1023 + 54) << 52 is the bit pattern of 2^(k + 54) for −1076 ≤ k ≤ 969.
  const scale = i64x2.shl(i64x2.add(t, i64x2.splat(EXP_BIAS)), 52);
  return f64x2.mul(f64x2.mul(p, scale), splat(TWO_M54));
}

// ------------------------------------------------------------------------------------------
// log1p

/** Past this, log1p(a) = ln2 + log1p((a − 1)/2), where a − 1 is exact (Sterbenz). */
const LOG1P_SPLIT: f64 = 0.5;

// P(z) ≈ (log((1 + s)/(1 − s)) − 2s)/(s·z), z = s², on 0 ≤ z ≤ 0.04 (|s| ≤ 0.2), degree 7,
// minimax (Remez, absolute error 2.5e-17, so R = z·P is off by at most 1e-18).
const P0: f64 = 0.6666666666666666;
const P1: f64 = 0.4000000000000791;
const P2: f64 = 0.2857142856729436;
const P3: f64 = 0.22222223044536232;
const P4: f64 = 0.18181737973802176;
const P5: f64 = 0.15388852319945398;
const P6: f64 = 0.1321003959170959;
const P7: f64 = 0.1360630857277054;

/**
 * log(1 + a) in both lanes, for 0 ≤ a ≤ 1, within 1 ulp (0.82 ulp the worst of 40 000 random a
 * against a 200-bit reference), much as fdlibm's log1p does it: with
 * 1 + a = 2^k·(1 + f), k ∈ {0, 1}, f = a or (a − 1)/2 (both exact, f ∈ [−0.25, 0.5)),
 * s = f/(2 + f) and log(1 + f) = 2·atanh(s) = f − (f²/2 − s·(f²/2 + R(s²))), R(z) = z·P(z),
 * to which k·ln2 is added in two parts. log1p(±0) = ±0; NaN gives NaN.
 */
@inline export function log1p2(a: v128): v128 {
  const big = f64x2.ge(a, splat(LOG1P_SPLIT)); // k = 1
  const f = v128.bitselect(f64x2.mul(f64x2.sub(a, splat(1.0)), splat(0.5)), a, big);
  const s = f64x2.div(f, f64x2.add(splat(2.0), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  let pe = mad(w, splat(P6), P4);
  pe = mad(pe, w, P2);
  pe = mad(pe, w, P0);
  let po = mad(w, splat(P7), P5);
  po = mad(po, w, P3);
  po = mad(po, w, P1);
  const R = f64x2.mul(z, f64x2.add(pe, f64x2.mul(z, po)));
  const hfsq = f64x2.mul(f64x2.mul(f, f), splat(0.5));
  const lo = f64x2.sub(hfsq, f64x2.mul(s, f64x2.add(hfsq, R)));
  // k·ln2 = kHi + kLo; −0 rather than +0 for k = 0 keeps log1p(−0) = −0 (x + −0 = x).
  const kHi = v128.bitselect(splat(LN2_HI), splat(-0.0), big);
  const kLo = v128.and(splat(LN2_LO), big);
  return f64x2.add(kHi, f64x2.sub(f, f64x2.sub(lo, kLo)));
}

// ------------------------------------------------------------------------------------------
// Test-only exports (not kernels: the JS twin has no counterpart, and the backend binds only
// KERNEL_NAMES): out[i] = f(x[i]) for n values, two at a time, the odd last one in lane 0.

export function expNegTest(n: i32, x: usize, out: usize): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(out + (<usize>i << 3), expNeg2(v128.load(x + (<usize>i << 3))));
  if (i < n) store<f64>(out + (<usize>i << 3), f64x2.extract_lane(expNeg2(v128.load64_splat(x + (<usize>i << 3))), 0));
}

export function log1pTest(n: i32, x: usize, out: usize): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(out + (<usize>i << 3), log1p2(v128.load(x + (<usize>i << 3))));
  if (i < n) store<f64>(out + (<usize>i << 3), f64x2.extract_lane(log1p2(v128.load64_splat(x + (<usize>i << 3))), 0));
}
