import { Counter, Histogram, Registry } from 'prom-client';
import { LabelledCounter, LabelledHistogram } from '../../src/observability/labelled-metrics';

/**
 * Our request metrics must print exactly what prom-client's Counter and Histogram print for the
 * same updates: dashboards and alerts read these series by name, label and bucket.
 */
function registries(): [Registry, Registry] {
  const pair: [Registry, Registry] = [new Registry(), new Registry()];
  for (const r of pair) r.setDefaultLabels({ app: 'kg-hyperscale' });
  return pair;
}

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 1, 15];

test('a histogram prints as prom-client prints it: buckets, +Inf, sum and count per label set', async () => {
  const [theirs, ours] = registries();
  const options = {
    name: 'q_seconds',
    help: 'Query latency',
    labelNames: ['mode', 'operation'] as const,
    buckets: BUCKETS,
  };
  const reference = new Histogram({ ...options, labelNames: [...options.labelNames], registers: [theirs] });
  const labelled = new LabelledHistogram({ ...options, registers: [ours] });
  // On a bound (it counts in that bucket), between bounds, above every bound, zero; two label sets.
  const observations: [string, string, number][] = [
    ['READ', 'path', 0.0025],
    ['READ', 'path', 0.003],
    ['WRITE', 'upsert', 20],
    ['READ', 'path', 0],
    ['READ', 'neighborhood', 0.5],
    ['READ', 'path', 0.001],
  ];
  for (const [mode, operation, value] of observations) {
    reference.observe({ mode, operation }, value);
    labelled.observe({ mode, operation }, value);
  }
  const text = await ours.metrics();
  expect(text).toBe(await theirs.metrics());
  expect(text).toContain('q_seconds_bucket{le="0.0025",app="kg-hyperscale",mode="READ",operation="path"} 3');
  expect(text).toContain('q_seconds_bucket{le="+Inf",app="kg-hyperscale",mode="WRITE",operation="upsert"} 1');
});

test('a counter prints as prom-client prints it, and resets with the registry', async () => {
  const [theirs, ours] = registries();
  const options = { name: 'requests_total', help: 'Requests', labelNames: ['operation', 'outcome'] as const };
  const reference = new Counter({ ...options, labelNames: [...options.labelNames], registers: [theirs] });
  const labelled = new LabelledCounter({ ...options, registers: [ours] });
  for (const [operation, outcome, by] of [
    ['S', 'ok', 1],
    ['S', 'error', 1],
    ['S', 'ok', 2],
    ['한국어', 'ok', 1],
  ] as const) {
    reference.inc({ operation, outcome }, by);
    labelled.inc({ operation, outcome }, by);
  }
  expect(await ours.metrics()).toBe(await theirs.metrics());
  expect(await ours.metrics()).toContain('requests_total{operation="S",outcome="ok",app="kg-hyperscale"} 3');
  ours.resetMetrics();
  theirs.resetMetrics();
  expect(await ours.metrics()).toBe(await theirs.metrics());
  expect(await ours.metrics()).not.toContain('outcome=');
});

test('an update that prom-client would refuse is refused, and counts nothing', async () => {
  const [, ours] = registries();
  const counter = new LabelledCounter({ name: 'c_total', help: 'c', labelNames: ['code'], registers: [ours] });
  const histogram = new LabelledHistogram({
    name: 'h',
    help: 'h',
    labelNames: ['op'],
    buckets: [1],
    registers: [ours],
  });
  expect(() => counter.inc({ code: 'X' }, -1)).toThrow(TypeError);
  expect(() => counter.inc({ code: 'X' }, Number.NaN)).toThrow(TypeError);
  expect(() => histogram.observe({ op: 'x' }, Number.POSITIVE_INFINITY)).toThrow(TypeError);
  expect(await ours.metrics()).not.toMatch(/ \d/);
});
