/**
 * npm run bench: every comparison in one run, printed as the markdown table the README shows.
 * BENCH_SECONDS (default 2) is the time budget per case; BENCH_ONLY=<substring> filters.
 */
import { fitComparisons } from './fit.bench.js';
import { markdownTable, runComparisons } from './harness.js';
import { kernelComparisons } from './kernels.bench.js';
import { peakReport } from './peak.js';

const only = process.env.BENCH_ONLY;
const all = [...kernelComparisons, ...fitComparisons].filter((c) => !only || c.name.includes(only));
const rows = await runComparisons(all);
console.log(`\nnode ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log(markdownTable(rows));
if (!only || 'Gram'.includes(only) || only === 'peak') console.log(`\n${peakReport()}`);
