import { syntheticGraph } from '../../src/analytics/synthetic';
import { RELATIONSHIP_TYPES } from '../../src/graph/ontology';

function build(entities: number, seed = 7) {
  const all = [...syntheticGraph('gen-test', entities, seed, 1000)];
  return { entities: all.flatMap((b) => b.entities), facts: all.flatMap((b) => b.facts), batches: all.length };
}

test('deterministic for a seed, different for another; batches as asked', () => {
  const a = build(3000);
  expect(build(3000)).toEqual(a);
  expect(build(3000, 8).facts).not.toEqual(a.facts);
  expect(a.batches).toBe(3);
  expect(a.entities).toHaveLength(3000);
  expect(new Set(a.entities.map((e) => e.id)).size).toBe(3000);
  expect(new Set(a.facts.map((f) => f.id)).size).toBe(a.facts.length);
});

test('every fact obeys the ontology, joins two distinct entities, and ends after it starts', () => {
  const { entities, facts } = build(3000);
  const kind = new Map(entities.map((e, i) => [e.id, { kind: e.kind, index: i }]));
  for (const f of facts) {
    const spec = RELATIONSHIP_TYPES[f.type];
    const from = kind.get(f.from)!;
    const to = kind.get(f.to)!;
    expect((spec.from as readonly string[]).includes(from.kind)).toBe(true);
    expect((spec.to as readonly string[]).includes(to.kind)).toBe(true);
    expect(f.from).not.toBe(f.to);
    if (f.validTo) expect(f.validTo > f.validFrom!).toBe(true);
  }
  expect(facts.some((f) => f.validFrom === null)).toBe(true);
  expect(facts.some((f) => f.validTo !== null)).toBe(true);
});

test('degrees are heavy-tailed: hubs far above the mean, most entities small', () => {
  const { entities, facts } = build(20000);
  const degree = new Map<string, number>();
  for (const f of facts) for (const id of [f.from, f.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const values = entities.map((e) => degree.get(e.id) ?? 0).sort((a, b) => b - a);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const median = values[Math.floor(values.length / 2)]!;
  expect(values[0]!).toBeGreaterThan(30 * mean); // a hub
  expect(median).toBeLessThanOrEqual(mean); // the bulk sits at or below the mean
  expect(values.slice(0, 200).reduce((s, v) => s + v, 0)).toBeGreaterThan(0.1 * 2 * facts.length); // top 1% hold >10%
});

test('factsPerEntity sets the mean number of facts per entity; unset keeps the sparse default', () => {
  const sparse = build(3000);
  expect([...syntheticGraph('gen-test', 3000, 7, 1000, {})].flatMap((b) => b.facts)).toEqual(sparse.facts);
  expect(sparse.facts.length / 3000).toBeLessThan(1.8);
  for (const k of [1, 5]) {
    const all = [...syntheticGraph('gen-test', 10000, 7, 1000, { factsPerEntity: k })];
    const facts = all.flatMap((b) => b.facts);
    expect(facts.length / 10000).toBeGreaterThan(0.95 * k);
    expect(facts.length / 10000).toBeLessThan(1.05 * k);
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    expect(facts.every((f) => f.from !== f.to)).toBe(true);
  }
  expect(() => syntheticGraph('gen-test', 10, 7, 10, { factsPerEntity: 0 }).next()).toThrow(RangeError);
  expect(() => syntheticGraph('gen-test', 10, 7, 10, { factsPerEntity: 2.5 }).next()).toThrow(RangeError);
});
