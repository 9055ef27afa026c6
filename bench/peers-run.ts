/**
 * npm run bench:peers: linfit against ml.js and TensorFlow.js on the same fits, one benny suite
 * per job, after checking that every fitted model is sensible. Prints a markdown table.
 * BENCH_SECONDS (default 2) is the time budget per case; BENCH_ONLY=<substring> filters jobs.
 */
import b from 'benny';
import { peerJobs } from './peers.bench.js';
import type { Linear } from './peers/types.js';
import { initTf, tfInfo } from './peers/tfjs.js';

interface Row {
  job: string;
  name: string;
  ms: number;
  ratio: number;
}

const caseOptions = { minSamples: 5, maxTime: Number(process.env.BENCH_SECONDS ?? 2) };
const only = process.env.BENCH_ONLY;

await initTf();
const rows: Row[] = [];
for (const job of peerJobs().filter((j) => !only || j.name.includes(only))) {
  console.log(`\n${job.name}: checks`);
  const results: Linear[] = [];
  for (const c of job.cases) results.push(await c.fit());
  job.cases.forEach((c, i) => console.log(`  ✓ ${c.name}: ${job.check(c, results[i], results[0])}`));

  const summary = await b.suite(
    job.name,
    ...job.cases.map((c) => b.add(c.name, c.fit)),
    b.configure({ cases: caseOptions }),
    b.cycle(),
  );
  // details.mean is seconds per call, unrounded; the first case is linfit wasm-simd.
  const ms = job.cases.map((c) => summary.results.find((r) => r.name === c.name)!.details.mean * 1000);
  job.cases.forEach((c, i) => rows.push({ job: job.name, name: c.name, ms: ms[i], ratio: ms[i] / ms[0] }));
}

console.log(`\nnode ${process.version}, ${tfInfo()}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| job | implementation | per fit | ÷ linfit wasm-simd |');
console.log('|---|---|---:|---:|');
rows.forEach((r, i) => console.log(`| ${i > 0 && rows[i - 1].job === r.job ? '' : r.job} | ${r.name} | ${fmtMs(r.ms)} | ${r.ratio.toFixed(r.ratio < 10 ? 2 : 1)}× |`));

function fmtMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
