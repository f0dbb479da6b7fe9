import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { loadConfig } from '../../src/config';
import { applyHeapGrowth } from '../../src/server/heap';

/**
 * HEAP_GROWING_PERCENT, seen from outside: a process that applies it and then promotes garbage
 * (a ring of objects that outlive young-generation collections) must keep a smaller old generation
 * than V8's own heuristic, and a flag on the command line must win. Each case runs in its own Node
 * process, since V8's flags are process-wide.
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
