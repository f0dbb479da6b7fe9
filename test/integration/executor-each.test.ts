import type { Row } from '../../src/db/executor';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** More rows than the driver pulls at once (1,000), so the answer arrives in several batches. */
const ROWS = 'UNWIND range(1, $n) AS i RETURN i, "n" + toString(i) AS name';

describe('Executor.readEach', () => {
  test('maps every row, in order, with its index, across the driver’s batches', async () => {
    const seen: number[] = [];
    const mapped = await h.executor.readEach(ROWS, { n: 2_500 }, 'test', (row: Row, index) => {
      seen.push(index);
      return `${String(row.i)}:${String(row.name)}`;
    });
    expect(mapped).toHaveLength(2_500);
    expect(mapped[0]).toBe('1:n1');
    expect(mapped[2_499]).toBe('2500:n2500');
    expect(seen).toEqual(Array.from({ length: 2_500 }, (_, i) => i));
  });

  test('a mapper that throws fails the read with its error, and the executor keeps serving', async () => {
    const { queries } = await h.countQueries(async () => {
      await expect(
        h.executor.readEach(ROWS, { n: 10 }, 'test', (row) => {
          if (row.i === 3) throw new Error('row 3 is bad');
          return row.i;
        }),
      ).rejects.toThrow('row 3 is bad');
    });
    expect(queries).toHaveLength(1);
    expect(queries[0]?.error).toBeInstanceOf(Error);
    await expect(h.executor.readEach(ROWS, { n: 3 }, 'test', (row) => row.i)).resolves.toEqual([1, 2, 3]);
  });

  test('an empty answer maps to an empty list; inside a transaction, each is the same', async () => {
    await expect(h.executor.readEach(ROWS, { n: 0 }, 'test', (row) => row.i)).resolves.toEqual([]);
    const inTx = await h.executor.readTx((tx) => tx.each(ROWS, { n: 4 }, (row, i) => [row.i, i]));
    expect(inTx).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
    ]);
  });

  test('a Cypher error is mapped to a coded error, as for read', async () => {
    const failed = h.executor.readEach('RETURN 1 +', {}, 'test', (row) => row);
    await expect(failed).rejects.toMatchObject({ extensions: { code: expect.any(String) } });
    const read = await h.executor.read('RETURN 1 +', {}, 'test').catch((err: unknown) => err);
    const each = await failed.catch((err: unknown) => err);
    expect((each as { extensions: unknown }).extensions).toEqual((read as { extensions: unknown }).extensions);
  });
});
