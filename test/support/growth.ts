// How the cost of some work grows with its size, for tests that must catch a quadratic loop or regex without
// depending on how fast (or how busy) the machine is: the CPU time this process spends on size k·n against
// size n. Linear work gives about k (less when a fixed cost dominates), quadratic about k². With k = 4 the
// two are far apart (4 against 16), and the limit sits halfway between them on a log scale: 8.

export interface Growth {
  /** The smaller size measured: the `n` asked for, doubled while the work was too small to time. */
  n: number;
  /** The larger size: factor · n. */
  large: number;
  /** CPU milliseconds at each size: the least of the tries (other processes' load only ever adds time). */
  smallMs: number;
  largeMs: number;
  /** largeMs / smallMs. */
  ratio: number;
}

/** CPU time (user and system) of this process, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function measure(work: (n: number) => unknown, n: number): Promise<number> {
  // The garbage of what ran before is collected first, when the process allows it (node --expose-gc), rather
  // than during this measurement.
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = cpuMs();
  await work(n);
  return cpuMs() - t0;
}

export interface GrowthOptions {
  /** How much larger the second size is (default 4). */
  factor?: number;
  /** The ratio over which the work is not linear (default factor^1.5: 8 for a factor of 4). */
  limit?: number;
  /** Measurements of each size at most, while the ratio is over the limit (default 3). */
  tries?: number;
  /** CPU milliseconds under which the smaller size is too small to time: it is doubled (default 40). */
  floorMs?: number;
  /** The smaller size is doubled up to this (default 64 n). */
  maxN?: number;
}

/**
 * Runs `work` at `n` and at `factor · n` and returns how the cost grew. Work too small to time is measured again
 * at twice the size, up to `maxN`: on a fast machine the sizes grow, so the answer does not depend on the
 * machine. When the ratio is over the limit both sizes are measured again, up to `tries` times in all, keeping
 * the least time of each: a pause (a descheduled thread, another process's burst) inflates one measurement,
 * not every one.
 */
export async function growth(work: (n: number) => unknown, n: number, options: GrowthOptions = {}): Promise<Growth> {
  const { factor = 4, tries = 3, floorMs = 40 } = options;
  const limit = options.limit ?? factor ** 1.5;
  const maxN = options.maxN ?? n * 64;
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let k = 0; k < tries;) {
    const s = await measure(work, n);
    if (s < floorMs && 2 * n <= maxN) {
      n *= 2;
      continue;
    }
    smallMs = Math.min(smallMs, s);
    largeMs = Math.min(largeMs, await measure(work, factor * n));
    k++;
    if (largeMs <= limit * smallMs) break;
  }
  // Still too small to time at the largest size: cheap at every size there is to ask about.
  const ratio = smallMs < floorMs ? 1 : largeMs / smallMs;
  return { n, large: factor * n, smallMs, largeMs, ratio };
}
