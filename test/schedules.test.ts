import { describe, expect, it } from 'vitest';
import { schedules } from '../src/index.js';
import { initialPlateauState, plateauAfterEpoch, scheduleFromSpec, type Schedule } from '../src/schedules/index.js';

const base = 0.5;
const steps = [0, 1, 2, 7, 10, 99, 100, 150];

// Each schedule against its formula (seeds 002–004, and the API's definitions) at several t.
const table: [string, Schedule, (t: number) => number][] = [
  ['constant', schedules.constant(), () => base],
  ['exponential γ = 0.95 (η₀γᵗ)', schedules.exponential({ gamma: 0.95 }), (t) => base * 0.95 ** t],
  ['step γ = 0.1 every 10 (η₀γ^⌊t/T⌋)', schedules.step({ gamma: 0.1, every: 10 }), (t) => base * 0.1 ** Math.floor(t / 10)],
  ['cosine T = 100 (½η₀(1 + cos πt/T))', schedules.cosine({ total: 100 }), (t) => 0.5 * base * (1 + Math.cos((Math.PI * Math.min(t, 100)) / 100))],
  ['linear T = 100 (η₀(1 − t/T))', schedules.linear({ total: 100 }), (t) => base * Math.max(0, 1 - t / 100)],
  ['inverseSqrt (η₀/√(t+1), seed 004 C/√t)', schedules.inverseSqrt(), (t) => base / Math.sqrt(t + 1)],
  ['invScaling p = 1 (Robbins–Monro C/t)', schedules.invScaling({ power: 1 }), (t) => base / (t + 1)],
  ['invScaling p = 0.25', schedules.invScaling({ power: 0.25 }), (t) => base / (t + 1) ** 0.25],
];

describe('schedules', () => {
  it.each(table)('%s matches its formula', (_name, schedule, formula) => {
    for (const t of steps) expect(schedule(t, base)).toBeCloseTo(formula(t), 14);
  });

  it('cosine and linear reach 0 at T; exponential and step match at their checkpoints', () => {
    expect(schedules.cosine({ total: 100 })(100, base)).toBeCloseTo(0, 15);
    expect(schedules.cosine({ total: 100 })(50, base)).toBeCloseTo(base / 2, 15);
    expect(schedules.linear({ total: 100 })(150, base)).toBe(0);
    expect(schedules.step({ gamma: 0.5, every: 3 })(5, 1)).toBe(0.5);
  });

  it('warm-up rises linearly to η₀ over its steps, then runs the inner schedule from its step 0 (seed 003)', () => {
    const s = schedules.warmup(schedules.cosine({ total: 90 }), { steps: 10 });
    expect([0, 4, 9].map((t) => s(t, 1))).toEqual([0.1, 0.5, 1]);
    expect(s(10, 1)).toBe(1);
    expect(s(55, 1)).toBeCloseTo(0.5, 15);
    expect(s(100, 1)).toBeCloseTo(0, 15);
  });

  it('reduceOnPlateau multiplies the rate by factor after patience epochs without improvement', () => {
    const p = schedules.reduceOnPlateau({ factor: 0.5, patience: 2 });
    let state = initialPlateauState();
    const scales: number[] = [];
    for (const loss of [1, 0.9, 0.9, 0.9, 0.9, 0.5, 0.5, 0.5, 0.5]) {
      state = plateauAfterEpoch(p, state, loss, 1);
      scales.push(state.scale);
    }
    expect(scales).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25]);
  });

  it('rebuild from their saved spec, including a wrapped warm-up', () => {
    const original = schedules.warmup(schedules.exponential({ gamma: 0.9 }), { steps: 3 });
    const copy = scheduleFromSpec(JSON.parse(JSON.stringify(original.spec))) as Schedule;
    for (const t of steps) expect(copy(t, 0.2)).toBe(original(t, 0.2));
  });

  it('reject bad parameters with BAD_OPTION', () => {
    const bad = expect.objectContaining({ code: 'BAD_OPTION' });
    expect(() => schedules.exponential({ gamma: 1.5 })).toThrowError(bad);
    expect(() => schedules.step({ gamma: 0.5, every: 0 })).toThrowError(bad);
    expect(() => schedules.cosine({ total: -1 })).toThrowError(bad);
    expect(() => schedules.warmup(schedules.constant(), { steps: 2, extra: 1 } as never)).toThrowError(bad);
  });
});
