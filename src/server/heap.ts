import { setFlagsFromString } from 'node:v8';

const GROWING = '--heap-growing-percent';
const PRETENURING = '--allocation-site-pretenuring';
const NO_PRETENURING = '--no-allocation-site-pretenuring';

/** Where a V8 heap setting comes from: the command line, this server's setting, or V8's own default. */
export type HeapGrowth = { source: 'command line' } | { source: 'setting'; percent: number } | { source: 'v8' };
export type Pretenuring = { source: 'command line' } | { source: 'setting'; enabled: false } | { source: 'v8' };

/** The V8 flags named on the command line, without values, with dashes (V8 takes underscores alike). */
function givenFlags(execArgv: readonly string[]): string[] {
  return execArgv.map((arg) => arg.split('=')[0]?.replaceAll('_', '-') ?? '');
}

/**
 * Bound the old generation's growth (see HEAP_GROWING_PERCENT in config.ts). V8 reads this flag
 * each time it sets the next full collection's limit, so setting it at start-up, before the heap
 * has grown, governs the whole run; a flag given on the command line is left as it is.
 */
export function applyHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv): HeapGrowth {
  if (givenFlags(execArgv).includes(GROWING)) return { source: 'command line' };
  if (percent === 0) return { source: 'v8' };
  setFlagsFromString(`${GROWING}=${percent}`);
  return { source: 'setting', percent };
}

/**
 * Turn off V8's allocation-site pretenuring unless asked for (see ALLOCATION_SITE_PRETENURING in
 * config.ts). V8 reads the flag at every young-generation collection, when it decides which
 * allocation sites to move to the old generation, so setting it at start-up governs the whole run.
 * `--allocation-site-pretenuring` or `--no-allocation-site-pretenuring` on the command line wins.
 */
export function applyPretenuring(enabled: boolean, execArgv: readonly string[] = process.execArgv): Pretenuring {
  const given = givenFlags(execArgv);
  if (given.includes(PRETENURING) || given.includes(NO_PRETENURING)) return { source: 'command line' };
  if (enabled) return { source: 'v8' };
  setFlagsFromString(NO_PRETENURING);
  return { source: 'setting', enabled: false };
}
