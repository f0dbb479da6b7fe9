import { syntheticGraph } from '../../src/analytics/synthetic';
import { BULK_BATCH, BULK_FACTS, bulkBatch } from '../../src/analytics/synthetic.writer';

test('a bulk load batches 2,000 entities of a sparse graph, fewer of a denser one', () => {
  expect(bulkBatch()).toBe(BULK_BATCH);
  for (const k of [1, 2]) expect(bulkBatch(k)).toBe(BULK_BATCH);
  expect(bulkBatch(3)).toBe(1666);
  expect(bulkBatch(5)).toBe(1000);
  expect(bulkBatch(10)).toBe(500);
  expect(bulkBatch(BULK_FACTS * 2)).toBe(1);
});

test('no generated batch holds much more than BULK_FACTS facts, at any density gen allows', () => {
  for (let k = 1; k <= 10; k++) {
    const sizes = [...syntheticGraph('batch-test', 12_000, 3, bulkBatch(k), { factsPerEntity: k })].map(
      (b) => b.facts.length,
    );
    // A batch holds k facts per entity on average; the degrees vary, so a batch may run a few percent over.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BULK_FACTS * 1.05);
  }
});

test("the generator's sparse default stays within BULK_FACTS at BULK_BATCH entities per batch", () => {
  // bulkBatch() takes BULK_BATCH without a density: that holds only while the default stays sparse.
  const sizes = [...syntheticGraph('batch-test', 12_000, 3, bulkBatch())].map((b) => b.facts.length);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(BULK_FACTS);
});
