import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Arena } from '../src/runtime/arena.js';
import { currentArena } from '../src/runtime/select.js';
import { LinearRegression, Matrix, StandardScaler, backendName, init, setBackend } from '../src/index.js';
import { BACKENDS, useBackend } from './helpers/backends.js';
import { expectClose, randomRows } from './helpers/numeric.js';

const COMMUTE_X = [[2.7, 1], [4.1, 1], [1.0, 0], [5.2, 1], [2.8, 0]];
const COMMUTE_Y = [25, 33, 15, 45, 22];
const SEED_W = [6.08613445378149, 6.53361344537816, 2.11274509803922];

describe('backend selection', () => {
  afterEach(() => setBackend('wasm'));

  it('runs wasm-SIMD in Node 20 without init, switches to js and back', async () => {
    expect(backendName()).toBe('wasm-simd');
    await init(); // idempotent
    setBackend('js');
    expect(backendName()).toBe('js');
    setBackend('wasm');
    expect(backendName()).toBe('wasm-simd');
    expect(() => setBackend('gpu' as never)).toThrowError(expect.objectContaining({ code: 'BAD_OPTION' }));
  });

  it('init() compiles asynchronously from a Response, bytes or a compiled module (the browser paths)', async () => {
    const bytes = readFileSync(new URL('../dist/linfit.wasm', import.meta.url));
    const sources = [
      () => new Response(bytes, { headers: { 'content-type': 'application/wasm' } }),
      () => new Uint8Array(bytes),
      () => new WebAssembly.Module(bytes),
    ];
    for (const source of sources) {
      vi.resetModules();
      const fresh = await import('../src/index.js');
      await fresh.init(source());
      expect(fresh.backendName()).toBe('wasm-simd');
      const model = new fresh.LinearRegression().fit(COMMUTE_X, COMMUTE_Y);
      expectClose([model.intercept, ...model.coef], SEED_W, 1e-12);
    }
    // The source given is the one used: bytes the engine rejects leave the js backend.
    vi.resetModules();
    const rejected = await import('../src/index.js');
    await rejected.init(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff));
    expect(rejected.backendName()).toBe('js');
    vi.resetModules();
  });

  it('falls back to the js backend when the engine rejects the SIMD module', async () => {
    vi.resetModules();
    const validate = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    try {
      const fresh = await import('../src/index.js');
      expect(fresh.backendName()).toBe('js');
      expect(() => fresh.setBackend('wasm')).toThrowError(expect.objectContaining({ code: 'BAD_OPTION' }));
      const model = new fresh.LinearRegression().fit(COMMUTE_X, COMMUTE_Y);
      expectClose([model.intercept, ...model.coef], SEED_W, 1e-12);
    } finally {
      validate.mockRestore();
      vi.resetModules();
    }
  });
});

describe.each(BACKENDS)('arena (%s backend)', (backend) => {
  useBackend(backend);

  it('leaves nothing allocated after a fit returns or throws', () => {
    const arena = currentArena();
    const before = arena.used;
    new LinearRegression().fit(COMMUTE_X, COMMUTE_Y);
    expect(arena.used).toBe(before);
    expect(() => new LinearRegression({ solver: 'normal' }).fit([[1, 1], [2, 2], [3, 3]], [1, 2, 3])).toThrow();
    expect(() => new StandardScaler().fit([[1], [NaN]])).toThrow();
    expect(arena.used).toBe(before);
  });

  it('moves to a larger memory when a fit needs it, with correct results', () => {
    // 60 000 × 40 doubles is 19 MB, more than the initial 16 MiB.
    const X = new Matrix(60_000, 40, Float64Array.from(randomRows(60_000, 40, 9).flat()));
    const w = Array.from({ length: 40 }, (_, j) => j / 10 - 2);
    const y = Array.from({ length: 60_000 }, (_, i) => 5 + w.reduce((s, wj, j) => s + wj * X.get(i, j), 0));
    const bytesBefore = currentArena().backend.memory.buffer.byteLength;
    const model = new LinearRegression().fit(X, y);
    expect(currentArena().backend.memory.buffer.byteLength).toBeGreaterThan(bytesBefore);
    expectClose(model.coef, w, 1e-10);
    expect(model.intercept).toBeCloseTo(5, 10);
  });

  it('re-derives views when memory grows under live data, keeping the data', () => {
    const arena = new Arena(currentArena().backend);
    arena.scope(() => {
      const first = arena.copyIn([1, 2, 3]);
      const bytes = arena.backend.memory.buffer.byteLength;
      const big = arena.alloc(bytes / 8); // forces growth while `first` is live
      expect(arena.backend.memory.buffer.byteLength).toBeGreaterThan(bytes);
      arena.f64[big / 8] = 7;
      expect(Array.from(arena.read(first, 3))).toEqual([1, 2, 3]);
      expect(arena.kernels.dot(3, first, first)).toBe(14);
    });
  });
});

describe('built package (dist/)', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));

  it('works as ESM and as CommonJS, with the .wasm embedded', async () => {
    const esm = await import(new URL('../dist/index.js', import.meta.url).href);
    const cjs = createRequire(import.meta.url)('../dist/index.cjs');
    for (const lib of [esm, cjs]) {
      expect(lib.backendName()).toBe('wasm-simd');
      const model = new lib.LinearRegression().fit(COMMUTE_X, COMMUTE_Y);
      expectClose([model.intercept, ...model.coef], SEED_W, 1e-12);
      // Saved models name their type whatever the bundler does to class names.
      for (const Model of [lib.Ridge, lib.Lasso, lib.ElasticNet, lib.LinearRegression]) {
        const saved = JSON.stringify(new Model().fit(COMMUTE_X, COMMUTE_Y).toJSON());
        expect(lib.loadModel(saved)).toBeInstanceOf(Model);
      }
    }
  });

  it("ships linfit.wasm on its own, and `linfit demo` prints seed 004's weights", () => {
    expect(WebAssembly.validate(readFileSync(`${root}/dist/linfit.wasm`))).toBe(true);
    const output = execFileSync(process.execPath, [`${root}/dist/cli.js`, 'demo'], { encoding: 'utf8' });
    expect(output).toContain('kernels: wasm-simd');
    expect(output).toMatch(/learned {2}W\* = \[6\.086134453781\d*, 6\.533613445378\d*, 2\.112745098039\d*\]/);
    expect(output).toMatch(/Iris[\s\S]*test R² = 0\.9\d+/);
    expect(output).toMatch(/held-out accuracy 9\d\.\d%/);
  });
});
