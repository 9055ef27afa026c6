import type { Kernels } from '../types.js';
import type { JsMemory } from './memory.js';

export type OptimKernels = Pick<
  Kernels,
  'sgdStep' | 'momentumStep' | 'nesterovStep' | 'adagradStep' | 'rmspropStep' | 'rmspropCenteredStep' | 'adadeltaStep' | 'adamStep' | 'amsgradStep' | 'adamaxStep' | 'nadamStep'
>;

/** The optimizer updates in pure TypeScript: one pass over the parameters and their state. */
export function createJsOptimKernels(memory: JsMemory): OptimKernels {
  return {
    sgdStep(n, lr, params, grad) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8;
      for (let i = 0; i < n; i++) m[pi + i] -= lr * m[gi + i];
    },

    momentumStep(n, lr, rho, params, grad, velocity) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, vi = velocity / 8;
      for (let i = 0; i < n; i++) {
        const v = rho * m[vi + i] + m[gi + i];
        m[vi + i] = v;
        m[pi + i] -= lr * v;
      }
    },

    nesterovStep(n, lr, rho, params, grad, velocity) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, vi = velocity / 8;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const v = rho * m[vi + i] + g;
        m[vi + i] = v;
        m[pi + i] -= lr * (g + rho * v);
      }
    },

    adagradStep(n, lr, eps, params, grad, acc) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, ai = acc / 8;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const a = m[ai + i] + g * g;
        m[ai + i] = a;
        m[pi + i] -= (lr * g) / (Math.sqrt(a) + eps);
      }
    },

    rmspropCenteredStep(n, lr, rho, eps, momentum, centered, params, grad, acc, mean, buf) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, ai = acc / 8, mi = mean / 8, bi = buf / 8;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const a = rho * m[ai + i] + (1 - rho) * g * g;
        m[ai + i] = a;
        let v = a;
        if (centered !== 0) {
          const mu = rho * m[mi + i] + (1 - rho) * g;
          m[mi + i] = mu;
          v = a - mu * mu;
        }
        const b = momentum * m[bi + i] + g / (Math.sqrt(v) + eps);
        m[bi + i] = b;
        m[pi + i] -= lr * b;
      }
    },

    adadeltaStep(n, lr, rho, eps, params, grad, acc, accDelta) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, ai = acc / 8, di = accDelta / 8;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const a = rho * m[ai + i] + (1 - rho) * g * g;
        m[ai + i] = a;
        const u = m[di + i];
        const delta = (Math.sqrt(u + eps) / Math.sqrt(a + eps)) * g;
        m[di + i] = rho * u + (1 - rho) * delta * delta;
        m[pi + i] -= lr * delta;
      }
    },

    rmspropStep(n, lr, rho, eps, params, grad, acc) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, ai = acc / 8;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const a = rho * m[ai + i] + (1 - rho) * g * g;
        m[ai + i] = a;
        m[pi + i] -= (lr * g) / (Math.sqrt(a) + eps);
      }
    },

    adamStep(n, lr, beta1, beta2, eps, bc1, bc2, weightDecay, decayCount, params, grad, mPtr, vPtr) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, mi = mPtr / 8, vi = vPtr / 8;
      const decay = lr * weightDecay;
      const decayed = Math.min(decayCount, n);
      if (decay !== 0) for (let i = 0; i < decayed; i++) m[pi + i] -= decay * m[pi + i];
      const invBc1 = 1 / bc1, invBc2 = 1 / bc2;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const mo = beta1 * m[mi + i] + (1 - beta1) * g;
        const ve = beta2 * m[vi + i] + (1 - beta2) * g * g;
        m[mi + i] = mo;
        m[vi + i] = ve;
        m[pi + i] -= (lr * mo * invBc1) / (Math.sqrt(ve * invBc2) + eps);
      }
    },

    amsgradStep(n, lr, beta1, beta2, eps, bc1, bc2, params, grad, mPtr, vPtr, vmaxPtr) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, mi = mPtr / 8, vi = vPtr / 8, xi = vmaxPtr / 8;
      const invBc1 = 1 / bc1, invBc2 = 1 / bc2;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const mo = beta1 * m[mi + i] + (1 - beta1) * g;
        const ve = beta2 * m[vi + i] + (1 - beta2) * g * g;
        const vm = Math.max(m[xi + i], ve); // NaN propagates, as wasm's max
        m[mi + i] = mo;
        m[vi + i] = ve;
        m[xi + i] = vm;
        m[pi + i] -= (lr * mo * invBc1) / (Math.sqrt(vm * invBc2) + eps);
      }
    },

    adamaxStep(n, lr, beta1, beta2, eps, bc1, params, grad, mPtr, uPtr) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, mi = mPtr / 8, ui = uPtr / 8;
      const rate = lr / bc1;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const mo = beta1 * m[mi + i] + (1 - beta1) * g;
        const u = Math.max(beta2 * m[ui + i], Math.abs(g) + eps);
        m[mi + i] = mo;
        m[ui + i] = u;
        m[pi + i] -= (rate * mo) / u;
      }
    },

    nadamStep(n, lr, beta1, beta2, eps, c1, c2, bc2, params, grad, mPtr, vPtr) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, mi = mPtr / 8, vi = vPtr / 8;
      const invBc2 = 1 / bc2;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const mo = beta1 * m[mi + i] + (1 - beta1) * g;
        const ve = beta2 * m[vi + i] + (1 - beta2) * g * g;
        m[mi + i] = mo;
        m[vi + i] = ve;
        m[pi + i] -= (lr * (c1 * mo + c2 * g)) / (Math.sqrt(ve * invBc2) + eps);
      }
    },
  };
}
