/**
 * Which backend runs the kernels: wasm-SIMD when the engine supports WebAssembly SIMD, the
 * pure-TypeScript one otherwise or on request. In Node the embedded module is compiled
 * synchronously on first use; browsers call `init()` (compiling large modules synchronously on
 * the main thread is not allowed there).
 */
import { Arena } from './arena.js';
import { LinfitError } from '../errors.js';
import { createJsBackend } from '../backend/js/index.js';
import type { Backend } from '../backend/types.js';
import { WASM_BASE64 } from '../backend/wasm/bytes.generated.js';
import { createWasmBackend } from '../backend/wasm/index.js';

export type BackendName = 'wasm-simd' | 'js';
export type WasmSource = string | URL | Response | BufferSource | WebAssembly.Module;

let wasmArena: Arena | null | undefined; // undefined: not tried yet; null: unsupported here
let jsArena: Arena | undefined;
let preferJs = false;

/**
 * Compiles the kernels (idempotent). `source` may be the URL of `linfit.wasm`, a fetch
 * Response, the bytes, or a compiled module; without it the embedded bytes are used.
 */
export async function init(source?: WasmSource): Promise<void> {
  if (wasmArena !== undefined) return;
  const module = await compile(source);
  wasmArena = module ? new Arena(createWasmBackend(module)) : null;
}

/** The name of the backend that runs the kernels now. */
export function backendName(): BackendName {
  return currentArena().backend.name;
}

/** Forces the pure-TypeScript backend ('js') or goes back to wasm-SIMD ('wasm'). */
export function setBackend(name: 'wasm' | 'wasm-simd' | 'js'): void {
  if (name === 'js') {
    preferJs = true;
    return;
  }
  if (name !== 'wasm' && name !== 'wasm-simd') {
    throw new LinfitError('BAD_OPTION', `setBackend: backend must be 'wasm' or 'js'; got '${String(name)}'`);
  }
  if (wasmArenaSync() === null) {
    throw new LinfitError('BAD_OPTION', "setBackend('wasm'): this engine does not support WebAssembly SIMD; the 'js' backend is in use");
  }
  preferJs = false;
}

/** The arena (and through it the kernels) of the current backend. */
export function currentArena(): Arena {
  if (!preferJs) {
    const wasm = wasmArenaSync();
    if (wasm) return wasm;
  }
  jsArena ??= new Arena(createJsBackend());
  return jsArena;
}

function wasmArenaSync(): Arena | null {
  if (wasmArena === undefined) {
    const bytes = embeddedBytes();
    if (!WebAssembly.validate(bytes)) {
      wasmArena = null;
    } else {
      try {
        wasmArena = new Arena(createWasmBackend(new WebAssembly.Module(bytes)));
      } catch (err) {
        throw new LinfitError('NOT_INITIALIZED', `linfit could not compile its kernels synchronously here (${(err as Error).message}); call \`await init()\` first`);
      }
    }
  }
  return wasmArena;
}

async function compile(source?: WasmSource): Promise<WebAssembly.Module | null> {
  if (source instanceof WebAssembly.Module) return source;
  let bytes: BufferSource;
  if (source === undefined) bytes = embeddedBytes();
  else if (typeof source === 'string' || source instanceof URL) bytes = await (await fetch(source)).arrayBuffer();
  else if (typeof Response !== 'undefined' && source instanceof Response) bytes = await source.arrayBuffer();
  else bytes = source as BufferSource;
  // Validation fails exactly when the engine lacks an instruction set the module uses (SIMD).
  if (!WebAssembly.validate(bytes)) return null;
  return WebAssembly.compile(bytes);
}

let decoded: Uint8Array<ArrayBuffer> | undefined;
function embeddedBytes(): Uint8Array<ArrayBuffer> {
  if (!decoded) {
    const binary = atob(WASM_BASE64);
    decoded = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) decoded[i] = binary.charCodeAt(i);
  }
  return decoded;
}
