import neo4j, { type Driver } from 'neo4j-driver';
import type { BenchDb } from './types';

/**
 * PROFILE and timing of one read query through a plain driver session: dbHits summed over the
 * whole plan tree, the operators used, and whether rows are collected on the way to a count.
 */

export interface Profiled {
  dbHits: number;
  rows: number;
  /** Operator names, outermost first, without the `@neo4j` suffix. */
  operators: string[];
  /** What the count comes from: count store, stored degree, and operators that read or gather rows. */
  counting: string;
  /** Operators that read nodes or relationships one by one (scans, expands). */
  scans: number;
}

interface PlanNode {
  operatorType: string;
  dbHits?: number;
  rows?: number;
  arguments?: Record<string, unknown>;
  children: PlanNode[];
}

/** Operators that read each counted node or relationship (or gather rows) before answering. */
const COLLECTING = ['EagerAggregation', 'OrderedAggregation', 'Eager', 'Sort', 'Top', 'PartialSort', 'PartialTop'];
const SCANS = ['AllNodesScan', 'NodeByLabelScan', 'UnionNodeByLabelsScan', 'IntersectionNodeByLabelsScan', 'Expand'];

function walk(node: PlanNode, visit: (n: PlanNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

const opName = (n: PlanNode): string => n.operatorType.replace(/@.*$/, '');

/** How the plan counts: count store, stored degree, and which operators read or gather rows (with row counts). */
function counting(root: PlanNode): { counting: string; scans: number } {
  const found: string[] = [];
  const reads: string[] = [];
  const gathers: string[] = [];
  walk(root, (n) => {
    const op = opName(n);
    if (op.endsWith('CountFromCountStore') && !found.includes('count store')) found.push('count store');
    if (/getDegree|GetDegree/.test(String(n.arguments?.Details ?? '')) && !found.includes('GetDegree')) {
      found.push('GetDegree');
    }
    if (SCANS.some((s) => op.startsWith(s))) reads.push(`${op} ${Number(n.rows ?? 0)} rows`);
    const input = n.children.reduce((sum, c) => sum + Number(c.rows ?? 0), 0);
    if (COLLECTING.includes(op)) gathers.push(`${op} of ${input} rows`);
  });
  if (reads.length) found.push(`reads ${reads.join(', ')}`);
  if (gathers.length) found.push(`gathers ${gathers.join(', ')}`);
  return { counting: found.join('; ') || 'other', scans: reads.length };
}

export class QueryProbe {
  private readonly driver: Driver;

  constructor(private readonly db: BenchDb) {
    this.driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
  }

  async profile(cypher: string, params: Record<string, unknown>): Promise<Profiled> {
    const result = await this.session((s) => s.executeRead((tx) => tx.run(`PROFILE ${cypher}`, params)));
    const root = result.summary.profile as unknown as PlanNode | false;
    if (!root) throw new Error('no profile returned');
    let dbHits = 0;
    const operators: string[] = [];
    walk(root, (n) => {
      dbHits += Number(n.dbHits ?? 0);
      operators.push(opName(n));
    });
    return { dbHits, rows: result.records.length, operators, ...counting(root) };
  }

  /** Median wall time in ms over `runs` runs, after one warm-up run. */
  async medianMs(cypher: string, params: Record<string, unknown>, runs: number): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const started = performance.now();
      await this.session((s) => s.executeRead((tx) => tx.run(cypher, params)));
      if (i > 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const mid = Math.floor(times.length / 2);
    return times.length % 2 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async session<T>(work: (s: ReturnType<Driver['session']>) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }
}
