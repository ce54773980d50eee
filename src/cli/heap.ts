import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the old generation grow past the live data before its next full collection,
 * in percent, under `--low-memory`. V8's own factor is 1.1 to 4 by how fast it collects, and a
 * batch's caches make the live data ~100 MB, so by default garbage of several hundred articles
 * waits for a collection.
 */
export const LOW_MEMORY_GROWTH_PERCENT = 20;

/**
 * `rutext batch --low-memory`: V8 collects the old generation sooner, for this process and its
 * worker threads (a process-wide V8 flag, set before the analyzers start). Node does not accept
 * the flag in NODE_OPTIONS, hence the option. Over kw/russia_today_0 with no workers, peak RSS was
 * 234–254 MB in five runs instead of 253–325 in seven, for 11–17 % more CPU (README, Throughput of `batch`).
 * @example
 * if (args.options.has('low-memory')) useLowMemory();
 */
export function useLowMemory(): void {
  setFlagsFromString(`--heap-growing-percent=${LOW_MEMORY_GROWTH_PERCENT}`);
}
