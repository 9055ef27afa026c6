import { copyFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // worker: the fitAsync worker script, which index loads from beside itself.
    entry: { index: 'src/index.ts', worker: 'src/async/worker.ts' },
    format: ['esm', 'cjs'],
    // import.meta.url in the CommonJS build (it locates worker.cjs).
    shims: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    keepNames: true,
    // Ship the .wasm on its own too, for browsers that prefer streaming compilation.
    onSuccess: async () => copyFileSync('build/linfit.wasm', 'dist/linfit.wasm'),
  },
  {
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
