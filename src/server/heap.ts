import { setFlagsFromString } from 'node:v8';

const FLAG = '--heap-growing-percent';

/** Where the process's heap growth comes from: the command line, this setting, or V8's own heuristic. */
export type HeapGrowth = { source: 'command line' } | { source: 'setting'; percent: number } | { source: 'v8' };

/**
 * Bound the old generation's growth (see HEAP_GROWING_PERCENT in config.ts). V8 reads this flag
 * each time it sets the next full collection's limit, so setting it at start-up, before the heap
 * has grown, governs the whole run; a flag given on the command line is left as it is.
 */
export function applyHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv): HeapGrowth {
  // V8 takes its flags with dashes or underscores alike.
  const given = execArgv.map((arg) => arg.split('=')[0]?.replaceAll('_', '-'));
  if (given.includes(FLAG)) {
    return { source: 'command line' };
  }
  if (percent === 0) return { source: 'v8' };
  setFlagsFromString(`${FLAG}=${percent}`);
  return { source: 'setting', percent };
}
