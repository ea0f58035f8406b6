// Timing helpers shared by the benchmark and its peer process.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median ms per pass over `files` after warm-up; `before` runs untimed before each pass. */
export function timePasses(files, fn, { passes = 7, before } = {}) {
  for (let i = 0; i < 2; i++) { before?.(); for (const f of files) fn(f); }
  const times = [];
  for (let i = 0; i < passes; i++) {
    before?.();
    const t = performance.now();
    for (const f of files) fn(f);
    times.push(performance.now() - t);
  }
  return median(times);
}
