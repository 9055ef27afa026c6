import { afterAll, beforeAll } from 'vitest';
import { setBackend } from '../../src/index.js';

/** Every numeric spec runs once per backend: `describe.each(BACKENDS)('… (%s)', (backend) => { useBackend(backend); … })`. */
export const BACKENDS = ['wasm', 'js'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

export function useBackend(name: BackendChoice): void {
  beforeAll(() => setBackend(name));
  afterAll(() => setBackend('wasm'));
}

/** Runs `body` on one backend and restores wasm afterwards. */
export function onBackend<T>(name: BackendChoice, body: () => T): T {
  setBackend(name);
  try {
    return body();
  } finally {
    setBackend('wasm');
  }
}
