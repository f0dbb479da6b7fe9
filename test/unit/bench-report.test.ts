import { toMarkdown, type RunFacts } from '../../src/tools/bench/report';
import type { ScenarioResult } from '../../src/tools/bench/types';

/** The report a reader opens: what was met, and where the run's time went. */

const run: RunFacts = {
  command: 'npm run bench -- --large 1000000 --seconds 10',
  startedAt: '2026-12-02T16:00:00.000Z',
  minutes: 27.4,
  parts: [
    { part: 'read graph and servers', seconds: 95 },
    { part: 'P1', seconds: 180 },
    { part: 'P5', seconds: 750 },
  ],
  neo4jVersion: '5.26.30',
  pinned: 'Neo4j on core 0',
  settings: { LOG_LEVEL: 'warn' },
  loadBefore: [1, 1, 1],
  loadAfter: [2, 2, 2],
};
const machine = { cpu: 'cpu', cores: 2, memoryGb: 24, os: 'Linux', node: 'v20', commit: 'abc1234' };
const p1: ScenarioResult = {
  id: 'P1',
  title: 'Point lookup',
  size: '100,000 entities',
  measurements: [{ peer: 'ours', metric: 'throughput (c=8)', value: 1234.5, unit: 'req/s' }],
  verdicts: [{ goal: '≥1.5× @neo4j/graphql', met: false, detail: '1.40×' }],
  notes: ['a note'],
};

test('the report says how long the run took and how long each part of it', () => {
  const text = toMarkdown([p1], run, machine);
  expect(text).toContain('in 27.4 minutes');
  expect(text).toContain('Time by part: read graph and servers 1.6 min, P1 3.0 min, P5 12.5 min.');
});

test('the machine line says how Neo4j was started, when the run says', () => {
  expect(toMarkdown([p1], run, machine)).toContain('Neo4j 5.26.30 (embedded launcher), commit abc1234.');
  const started = { ...run, neo4jSettings: 'heap 4g, page cache 4g, JVM -XX:MaxTenuringThreshold=1' };
  expect(toMarkdown([p1], started, machine)).toContain(
    'Neo4j 5.26.30 (embedded launcher; heap 4g, page cache 4g, JVM -XX:MaxTenuringThreshold=1), commit abc1234.',
  );
});

test('the placement line says whether Neo4j and the generator ran in CPU groups', () => {
  expect(toMarkdown([p1], run, machine)).toContain('Placement: Neo4j on core 0. Server settings');
  const grouped = { ...run, cpuGroups: 'Neo4j and the load generator each in a CPU group of its own' };
  expect(toMarkdown([p1], grouped, machine)).toContain(
    'Placement: Neo4j on core 0; Neo4j and the load generator each in a CPU group of its own. Server settings',
  );
});

test('each goal is a row with its verdict, each scenario its figures and notes', () => {
  const text = toMarkdown([p1], run, machine);
  expect(text).toContain('| P1 | Point lookup (100,000 entities) | ≥1.5× @neo4j/graphql | 1.40× | ❌ missed |');
  expect(text).toContain('| ours | throughput (c=8) | 1,234.5 req/s |');
  expect(text).toContain('- a note');
});
