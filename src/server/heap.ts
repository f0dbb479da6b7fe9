import { setFlagsFromString } from 'node:v8';

const GROWING = '--heap-growing-percent';
const PRETENURING = '--allocation-site-pretenuring';
const NO_PRETENURING = '--no-allocation-site-pretenuring';
const SEMI_SPACE = '--max-semi-space-size';

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

/**
 * The young generation's bound. V8 fixes it when the process starts (a flag set later changes
 * nothing), so it goes on the command line: `npm start`, the Dockerfile and the benchmark start the
 * server with it, and a unit test keeps them agreeing. V8's default lets each of the two
 * semi-spaces grow to 16 MB; nested reads then kept 32 MB of young generation resident. Measured,
 * lab, the 1e5 graph, P1's lookups at 64 connections for 30-40 s and then P2's 6,100-item reads at 8
 * for 40-60 s, in pairs: peak RSS 173-180 MB with 8 MB semi-spaces against 192-206 MB without
 * (one of three over the 200 MB goal), at the same speed (P1 lookups 61.9-76.7k against 60.0-64.2k,
 * P2 answers 47.8-62.1 against 47.7-61.9 per second).
 */
export const YOUNG_GENERATION_FLAG = `${SEMI_SPACE}=8`;

export type YoungGeneration = { source: 'command line'; flag: string } | { source: 'v8' };

/**
 * Whether the young generation's bound was given, for the start log. Unlike the flags above, Node
 * takes this one from NODE_OPTIONS too (it refuses --heap-growing-percent and the pretenuring flags
 * there), so both are read.
 */
export function youngGeneration(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? '',
): YoungGeneration {
  const args = [...execArgv, ...nodeOptions.split(/\s+/)];
  const flag = args[givenFlags(args).indexOf(SEMI_SPACE)];
  return flag ? { source: 'command line', flag } : { source: 'v8' };
}
