import { syntheticGraph } from '../../src/analytics/synthetic';
import { writeBatchesPipelined, type BatchWrites } from '../../src/analytics/synthetic.pipeline';
import type { SyntheticBatch } from '../../src/analytics/synthetic.writer';

/**
 * The scheduler's rules, with writes that record what a store would see: a fact may only be written
 * once both its ends are committed, and no more facts transactions run at once than asked. A facts
 * transaction may be held until another batch's facts have started or finished, so that overlaps and
 * completion order are set by the test, not by timers on a busy machine.
 */
type Hold = { until: 'started' | 'finished'; of: (batch: number) => number };

class Store {
  committed = new Set<string>();
  factsWritten = 0;
  inFlight = 0;
  mostInFlight = 0;
  log: string[] = [];
  /** Writes started after a facts transaction failed. */
  lateStarts = 0;
  private failed = false;
  private readonly started = new Signals();
  private readonly finished = new Signals();
  constructor(
    private readonly failFactsOf = -1,
    private readonly hold?: Hold,
  ) {}

  writes(): BatchWrites {
    return {
      entities: async (batch) => {
        if (this.failed) this.lateStarts++;
        await Promise.resolve();
        for (const e of batch.entities) this.committed.add(e.id);
        this.log.push(`E${batchNo(batch)}`);
      },
      facts: async (batch) => {
        const n = batchNo(batch);
        if (this.failed) this.lateStarts++;
        this.inFlight++;
        this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
        // Check the ends when the transaction starts: a MATCH then would find them or not.
        const missing = batch.facts.filter((f) => !this.committed.has(f.from) || !this.committed.has(f.to));
        this.started.fire(n);
        const other = this.hold?.of(n) ?? BATCHES;
        if (other < BATCHES) await (this.hold?.until === 'started' ? this.started : this.finished).wait(other);
        else await tick(1);
        this.inFlight--;
        this.finished.fire(n);
        if (n === this.failFactsOf) {
          this.failed = true;
          throw new Error('deadlock, retries spent');
        }
        if (missing.length) throw new Error(`facts of batch ${n} before their ends`);
        this.factsWritten += batch.facts.length;
        this.log.push(`F${n}`);
      },
    };
  }
}

/** One-shot signals by batch number. */
class Signals {
  private readonly fired = new Map<number, () => void>();
  private readonly waits = new Map<number, Promise<void>>();
  private entry(n: number): Promise<void> {
    let wait = this.waits.get(n);
    if (!wait) {
      wait = new Promise<void>((resolve) => this.fired.set(n, resolve));
      this.waits.set(n, wait);
    }
    return wait;
  }
  fire(n: number): void {
    void this.entry(n);
    this.fired.get(n)?.();
  }
  wait(n: number): Promise<void> {
    return this.entry(n);
  }
}

const batchNo = (batch: SyntheticBatch): number => Number(batch.entities[0]?.id.split('-').pop()) / 100;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BATCHES = 10;
const graph = () => syntheticGraph('pipe', BATCHES * 100, 3, 100, { factsPerEntity: 3 });

test('every fact is written after its ends, with up to `concurrency` facts transactions at once', async () => {
  const all = [...graph()].flatMap((b) => b.facts).length;
  for (const concurrency of [1, 2, 3]) {
    // Each facts transaction lasts until the one `concurrency - 1` batches later has started.
    const store = new Store(-1, { until: 'started', of: (n) => (concurrency > 1 ? n + concurrency - 1 : BATCHES) });
    await writeBatchesPipelined(graph(), store.writes(), { concurrency });
    expect(store.factsWritten).toBe(all);
    expect(store.committed.size).toBe(1000);
    expect(store.mostInFlight).toBe(concurrency);
  }
});

test('batches are reported written in order, each once, though their facts finish out of order', async () => {
  // An even batch's facts finish only after the next batch's have.
  const store = new Store(-1, { until: 'finished', of: (n) => (n % 2 ? BATCHES : n + 1) });
  const reported: number[] = [];
  await writeBatchesPipelined(graph(), store.writes(), {
    concurrency: 2,
    onWritten: (batch, index) => {
      expect(batchNo(batch)).toBe(index);
      // Reported only once its facts are in.
      expect(store.log).toContain(`F${index}`);
      reported.push(index);
    },
  });
  expect(store.log.indexOf('F1')).toBeLessThan(store.log.indexOf('F0'));
  expect(reported).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('a failure starts nothing new, lets the transactions in flight end, then rejects with it', async () => {
  const store = new Store(4);
  const reported: number[] = [];
  await expect(
    writeBatchesPipelined(graph(), store.writes(), { concurrency: 2, onWritten: (_b, i) => reported.push(i) }),
  ).rejects.toThrow('deadlock, retries spent');
  expect(store.inFlight).toBe(0);
  expect(store.lateStarts).toBe(0);
  expect(store.log).not.toContain('E9');
  expect(reported).toEqual([0, 1, 2, 3]);
});

test('a concurrency that is not a positive integer is refused', async () => {
  for (const concurrency of [0, 1.5, -1]) {
    await expect(writeBatchesPipelined(graph(), new Store().writes(), { concurrency })).rejects.toThrow(RangeError);
  }
});
