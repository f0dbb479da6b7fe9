import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';
import path from 'node:path';
import type { ScenarioResult } from './types';

export interface RunFacts {
  command: string;
  startedAt: string;
  minutes: number;
  /** Where the run's time went, part by part, in run order. */
  parts: { part: string; seconds: number }[];
  neo4jVersion: string;
  /** How the run's Neo4j was started: its memory and JVM options (run.ts). */
  neo4jSettings?: string;
  pinned: string;
  /** Whether Neo4j and the load generator ran in CPU groups of their own (cpu-groups.ts). */
  cpuGroups?: string;
  settings: Record<string, string>;
  loadBefore: number[];
  loadAfter: number[];
}

export function machineFacts(): Record<string, string | number> {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    // Figures from code that is not the commit must say so. The benchmark's own output is not code.
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs'], {
      encoding: 'utf8',
    }).trim();
    if (changed) commit += ' with uncommitted changes';
  } catch {
    // not a git checkout
  }
  return {
    os: type(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    commit,
  };
}

const mark = (met: boolean | null) => (met === null ? '—' : met ? '✅ met' : '❌ missed');
const fmt = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: 2 }) : 'n/a');

export function toMarkdown(results: ScenarioResult[], run: RunFacts, machine: Record<string, string | number>): string {
  const placement = run.cpuGroups ? `${run.pinned}; ${run.cpuGroups}` : run.pinned;
  const settings = Object.entries(run.settings)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const lines = [
    '# Benchmark: this API against @neo4j/graphql 7 and raw Cypher',
    '',
    `Produced by \`${run.command}\` on ${run.startedAt} in ${run.minutes} minutes. Raw figures: [bench.json](bench.json).`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, ` +
      `Neo4j ${run.neo4jVersion} (embedded launcher${run.neo4jSettings ? `; ${run.neo4jSettings}` : ''}), commit ${machine.commit}. Load average before ${run.loadBefore.join(' / ')}, after ${run.loadAfter.join(' / ')}.`,
    '',
    `Time by part: ${run.parts.map((p) => `${p.part} ${(p.seconds / 60).toFixed(1)} min`).join(', ')}.`,
    '',
    `Placement: ${placement}. Server settings for the run: ${settings}.`,
    '',
    '## Goals',
    '',
    '| | scenario | goal | result | |',
    '|---|---|---|---|---|',
    ...results.flatMap((r) =>
      r.verdicts.map((v) => `| ${r.id} | ${r.title} (${r.size}) | ${v.goal} | ${v.detail} | ${mark(v.met)} |`),
    ),
  ];
  for (const r of results) {
    lines.push('', `## ${r.id}: ${r.title}`, '', `Size: ${r.size}.`, '', '| peer | metric | value |', '|---|---|---|');
    for (const m of r.measurements)
      lines.push(`| ${m.peer} | ${m.metric} | ${fmt(m.value)} ${m.unit}${m.note ? ` (${m.note})` : ''} |`);
    if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Write docs/bench.md and docs/bench.json (or under `dir`). */
export function writeReport(dir: string, results: ScenarioResult[], run: RunFacts): string {
  const machine = machineFacts();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'bench.json'), `${JSON.stringify({ machine, run, results }, null, 2)}\n`);
  const file = path.join(dir, 'bench.md');
  writeFileSync(file, toMarkdown(results, run, machine));
  return file;
}

export const loadNow = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);
