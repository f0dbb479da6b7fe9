/** Where the benchmark's Neo4j listens; every peer and scenario uses this same database. */
export interface BenchDb {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** One figure of one peer in one scenario, e.g. {peer: 'ours', metric: 'throughput', value: 812, unit: 'req/s'}. */
export interface Measurement {
  peer: string;
  metric: string;
  value: number;
  unit: string;
  /** Free text shown beside the figure (e.g. "at 60% of max, open arrival"). */
  note?: string;
}

/** A scenario's goal checked against its figures: met, missed, or not measurable in this run (null). */
export interface Verdict {
  goal: string;
  met: boolean | null;
  /** The ratio or figure the verdict rests on, in words, e.g. "1.8x @neo4j/graphql throughput". */
  detail: string;
}

export interface ScenarioResult {
  id: string;
  title: string;
  /** Data size the scenario ran at (after --scale). */
  size: string;
  measurements: Measurement[];
  verdicts: Verdict[];
  notes: string[];
}
