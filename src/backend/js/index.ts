import type { Backend } from '../types.js';
import { createJsKernels } from './kernels.generated.js';
import { JsMemory } from './memory.js';

export function createJsBackend(): Backend {
  const memory = new JsMemory();
  return { name: 'js', kernels: createJsKernels(memory), memory };
}
