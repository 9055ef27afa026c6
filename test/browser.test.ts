/**
 * The built package in a real browser (headless Chromium from the system, driven by
 * playwright-core): the ESM bundle loads, `init()` compiles the kernels asynchronously — from
 * the separately shipped .wasm by URL (streaming) and from the embedded bytes — and a model
 * fitted in the page matches seed 004; fitAsync fits in a module Web Worker, bit for bit. CI installs Chromium and sets LINFIT_REQUIRE_BROWSER=1,
 * so there the test cannot be skipped; elsewhere it runs when `chromium` is on the PATH.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SEED_W = [6.08613445378149, 6.53361344537816, 2.11274509803922];

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

const executablePath = findChromium();
const required = process.env.LINFIT_REQUIRE_BROWSER === '1';

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
  const linfit = await import('/dist/index.js');
  const mode = new URLSearchParams(location.search).get('init');
  if (mode === 'url') await linfit.init(new URL('/dist/linfit.wasm', location.href));
  else await linfit.init();
  const X = [[2.7, 1], [4.1, 1], [1.0, 0], [5.2, 1], [2.8, 0]];
  const model = new linfit.LinearRegression().fit(X, [25, 33, 15, 45, 22]);
  const clf = new linfit.LogisticRegression().fit([[0], [1], [2], [3]], ['a', 'a', 'b', 'b']);
  // fitAsync: the same fit in a module Web Worker (dist/worker.js), adopted bit for bit.
  const progress = [];
  const inWorker = await new linfit.LogisticRegression({ solver: 'gd', learningRate: 0.5, maxIter: 30, tol: null })
    .fitAsync([[0], [1], [2], [3]], ['a', 'a', 'b', 'b'], { onProgress: (p) => progress.push(p) });
  const here = new linfit.LogisticRegression({ solver: 'gd', learningRate: 0.5, maxIter: 30, tol: null }).fit([[0], [1], [2], [3]], ['a', 'a', 'b', 'b']);
  window.result = {
    backend: linfit.backendName(), w: [model.intercept, ...model.coef], labels: clf.predict([[0], [3]]),
    asyncSame: JSON.stringify(inWorker.toJSON()) === JSON.stringify(here.toJSON()), progress: progress.length,
  };
</script>`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.map': 'application/json' };

describe.skipIf(!executablePath && !required)('in a real browser (headless Chromium)', () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    if (!executablePath) throw new Error('LINFIT_REQUIRE_BROWSER=1 but no chromium on the PATH');
    const root = new URL('../', import.meta.url);
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
        return;
      }
      try {
        const body = readFileSync(new URL(`.${path}`, root));
        res.writeHead(200, { 'content-type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it.each(['url', 'embedded'])('init (%s) runs the wasm-SIMD kernels and fits seed 004 in the page', async (mode) => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(`${origin}/?init=${mode}`);
      await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, null, { timeout: 20_000 });
      const result = await page.evaluate(() => (window as unknown as { result: { backend: string; w: number[]; labels: string[]; asyncSame: boolean; progress: number } }).result);
      expect(errors).toEqual([]);
      expect(result.backend).toBe('wasm-simd');
      result.w.forEach((w, i) => expect(w).toBeCloseTo(SEED_W[i], 12));
      expect(result.labels).toEqual(['a', 'b']);
      expect(result.asyncSame).toBe(true);
      expect(result.progress).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
