import type { BatchWrites } from '../../src/analytics/synthetic.pipeline';
import { IngestPeer, ingestInTurns, type IngestPlan } from '../../src/tools/bench/ingest.peers';

/** P5's turns: both peers write the compared part in alternating turns, each resuming where it stopped. */
const plan = (entities: number): IngestPlan => ({ entities, factsPerEntity: 2, seed: 7, batch: 10, concurrency: 2 });

/** Writes that record, per peer, which batch (by its first entity's index) was written when. */
function recorder(name: string, order: string[], ids: string[]): BatchWrites {
  return {
    entities: async (batch) => {
      await Promise.resolve();
      ids.push(...batch.entities.map((e) => e.id));
      order.push(`${name}${Number(batch.entities[0]?.id.split('-').pop()) / 10}`);
    },
    facts: async () => undefined,
  };
}

test('the compared part is written in turns, the peers alternating at going first', async () => {
  const order: string[] = [];
  const a = new IngestPeer('a', plan(100), recorder('a', order, []), () => undefined);
  const b = new IngestPeer('b', plan(150), recorder('b', order, []), () => undefined);
  await ingestInTurns([a, b], 10, 3);
  expect(order).toEqual(
    ['a0', 'a1', 'a2', 'b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'a3', 'a4', 'a5'].concat([
      'a6',
      'a7',
      'a8',
      'b6',
      'b7',
      'b8',
      'b9',
      'a9',
    ]),
  );
  expect(a.run()).toMatchObject({ entities: 100 });
  expect(a.done).toBe(true);
  expect(b.run()).toMatchObject({ entities: 100 });
  expect(b.done).toBe(false);
});

test('after its turns a peer writes the rest of the same graph, every entity once', async () => {
  const ids: string[] = [];
  const peer = new IngestPeer('p', plan(150), recorder('p', [], ids), () => undefined);
  const other = new IngestPeer('q', plan(100), recorder('q', [], []), () => undefined);
  await ingestInTurns([peer, other], 10, 4);
  await peer.write(Infinity);
  expect(peer.done).toBe(true);
  expect(ids).toEqual(Array.from({ length: 150 }, (_, i) => `p-${i}`));
  expect(peer.run().relationships).toBeGreaterThan(0);
  expect(peer.run().seconds).toBeGreaterThan(0);
});

test('a turn of no batches is refused rather than looping for ever', async () => {
  const peer = new IngestPeer('p', plan(100), recorder('p', [], []), () => undefined);
  await expect(ingestInTurns([peer], 10, 0)).rejects.toThrow(RangeError);
});
