import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { loadConfig } from '../../src/config';
import { applyHeapGrowth, applyPretenuring, YOUNG_GENERATION_FLAG, youngGeneration } from '../../src/server/heap';

/**
 * The V8 heap settings, seen from outside. HEAP_GROWING_PERCENT: a process that applies it and then
 * promotes garbage (a ring of objects that outlive young-generation collections) must keep a smaller
 * old generation than V8's own heuristic. ALLOCATION_SITE_PRETENURING: after one large answer, small
 * answers built by the same code must not fill the old generation. A flag on the command line wins
 * over either. Each case runs in its own Node process, since V8's flags are process-wide.
 */

let dir: string;
let heapModule: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'heap-growth-'));
  const source = readFileSync(path.join(__dirname, '../../src/server/heap.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } });
  heapModule = path.join(dir, 'heap.js');
  writeFileSync(heapModule, outputText);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHURN = `
const v8 = require('node:v8');
const growth = require(process.env.HEAP_MODULE).applyHeapGrowth(Number(process.env.PERCENT));
const live = Array.from({ length: 600000 }, (_, i) => ({ i, s: 'live-' + i }));
const ring = new Array(300000);
let peak = 0;
for (let i = 0; i < 4000000; i++) {
  ring[i % ring.length] = { i, s: 'churn-' + i, a: [i, i + 1] };
  if (i % 5000 === 0) peak = Math.max(peak, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size);
}
console.log(JSON.stringify({ growth, peakOldMb: peak / 1048576, live: live.length }));
`;

function churn(percent: number, nodeFlags: string[] = []): { growth: { source: string }; peakOldMb: number } {
  const out = execFileSync(process.execPath, [...nodeFlags, '-e', CHURN], {
    env: { ...process.env, HEAP_MODULE: heapModule, PERCENT: String(percent) },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { growth: { source: string }; peakOldMb: number };
}

test('the default bounds the old generation well below what V8 alone lets it reach', () => {
  const v8Own = churn(0);
  const bounded = churn(loadConfig({}).HEAP_GROWING_PERCENT);
  expect(v8Own.growth).toEqual({ source: 'v8' });
  expect(bounded.growth).toEqual({ source: 'setting', percent: 100 });
  expect(bounded.peakOldMb).toBeLessThan(v8Own.peakOldMb * 0.75);
});

test('a --heap-growing-percent on the command line is left as given', () => {
  const fromFlag = churn(50, ['--heap-growing-percent=300']);
  const fromSetting = churn(50);
  expect(fromFlag.growth).toEqual({ source: 'command line' });
  expect(fromFlag.peakOldMb).toBeGreaterThan(fromSetting.peakOldMb * 1.5);
});

test('the setting accepts 0 to 400 and refuses anything else with its name', () => {
  expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
  expect(loadConfig({ HEAP_GROWING_PERCENT: '250' }).HEAP_GROWING_PERCENT).toBe(250);
  for (const bad of ['-1', '401', '1.5', 'lots']) {
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: bad })).toThrow(/HEAP_GROWING_PERCENT/);
  }
});

test('the command-line flag is recognised with underscores too, and a lookalike is not taken for it', () => {
  expect(applyHeapGrowth(100, ['--heap_growing_percent=300'])).toEqual({ source: 'command line' });
  expect(applyHeapGrowth(0, ['--heap-growing-percentage=300'])).toEqual({ source: 'v8' });
});

/**
 * One large answer (300,000 records that all outlive young collections), then 20,000 small ones
 * built by the same function, the way a 10,000-entity page and then neighbourhoods share the
 * driver's and our record mapping. Reports how much the old generation grew during the small ones.
 * A fixed 4 MB young generation makes V8's pretenuring decision come out the same run after run.
 */
const AFTER_LARGE = `
const v8 = require('node:v8');
const pretenuring = require(process.env.HEAP_MODULE).applyPretenuring(process.env.ENABLED === 'true');
const make = (i, tag) => ({ id: i, name: tag + i, tags: [tag] });
const answer = (n, tag) => { const out = []; for (let i = 0; i < n; i++) out.push(make(i, tag)); return out; };
const oldUsed = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_used_size;
let sink = 0;
for (let r = 0; r < 3; r++) sink += answer(300000, 'large').length;
let grown = 0, prev = oldUsed();
for (let r = 0; r < 20000; r++) {
  sink += answer(200, 'small').length;
  const now = oldUsed();
  if (now > prev) grown += now - prev;
  prev = now;
}
console.log(JSON.stringify({ pretenuring, oldGrownMb: grown / 1048576, sink }));
`;

function afterLarge(
  enabled: boolean,
  nodeFlags: string[] = [],
): { pretenuring: { source: string }; oldGrownMb: number } {
  const flags = ['--min-semi-space-size=4', '--max-semi-space-size=4', ...nodeFlags];
  const out = execFileSync(process.execPath, [...flags, '-e', AFTER_LARGE], {
    env: { ...process.env, HEAP_MODULE: heapModule, ENABLED: String(enabled) },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { pretenuring: { source: string }; oldGrownMb: number };
}

/** Well above what small answers promote without pretenuring (under 4 MB), well below what they do with it (50–100 MB). */
const GROWN_MB = 20;

test('by default, small answers after a large one stay young; with V8 pretenuring they fill the old generation', () => {
  const settings = [0, 1, 2].map(() => afterLarge(loadConfig({}).ALLOCATION_SITE_PRETENURING));
  for (const run of settings) {
    expect(run.pretenuring).toEqual({ source: 'setting', enabled: false });
    expect(run.oldGrownMb).toBeLessThan(GROWN_MB);
  }
  // The same program under V8's default shows what the setting prevents; V8 does not decide the
  // same way every time, so it has five runs to show it once.
  let v8Own = 0;
  for (let i = 0; i < 5 && v8Own < GROWN_MB; i++) {
    const run = afterLarge(true);
    expect(run.pretenuring).toEqual({ source: 'v8' });
    v8Own = run.oldGrownMb;
  }
  expect(v8Own).toBeGreaterThan(GROWN_MB);
});

test('a pretenuring flag on the command line is left as given, in either form', () => {
  expect(afterLarge(false, ['--allocation-site-pretenuring']).pretenuring).toEqual({ source: 'command line' });
  expect(applyPretenuring(false, ['--no-allocation_site_pretenuring'])).toEqual({ source: 'command line' });
  expect(applyPretenuring(true, ['--allocation-site-pretenuring-x'])).toEqual({ source: 'v8' });
  expect(loadConfig({ ALLOCATION_SITE_PRETENURING: 'true' }).ALLOCATION_SITE_PRETENURING).toBe(true);
  expect(() => loadConfig({ ALLOCATION_SITE_PRETENURING: 'maybe' })).toThrow(/ALLOCATION_SITE_PRETENURING/);
});

/** The young generation's size after a program that keeps many objects alive across young collections. */
function youngMb(flags: string[]): number {
  const program = `
let keep = [];
for (let i = 0; i < 3e6; i++) { keep.push({ a: i, b: 'x' + i }); if (keep.length > 2e5) keep = []; }
const young = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(young.space_size / 1048576);`;
  return Number(execFileSync(process.execPath, [...flags, '-e', program], { encoding: 'utf8' }).trim());
}

test('the young-generation flag the server starts with halves what its young generation can grow to', () => {
  expect(youngMb([YOUNG_GENERATION_FLAG])).toBeLessThanOrEqual(16);
  expect(youngMb([])).toBeGreaterThan(16);
});

test('the start log tells whether the young generation was bounded, on the command line or in NODE_OPTIONS', () => {
  expect(youngGeneration([YOUNG_GENERATION_FLAG], '')).toEqual({ source: 'command line', flag: YOUNG_GENERATION_FLAG });
  expect(youngGeneration([], '--max_semi_space_size=4 --enable-source-maps')).toEqual({
    source: 'command line',
    flag: '--max_semi_space_size=4',
  });
  expect(youngGeneration(['--max-semi-space-size-x=8'], '')).toEqual({ source: 'v8' });
  expect(youngGeneration([], '')).toEqual({ source: 'v8' });
});
