import { BULK_BATCH } from '../../src/analytics/synthetic.writer';
import { genOptions } from '../../src/tools/gen.options';

test('npm run gen batches 2,000 entities by default, fewer when each carries 3 facts or more', () => {
  expect(genOptions(['--entities', '5000'])).toMatchObject({ entities: 5000, batch: BULK_BATCH, namespace: 'gen' });
  expect(genOptions(['--entities', '5000', '--facts-per-entity', '5']).batch).toBe(1000);
  expect(genOptions(['--entities', '5000', '--facts-per-entity', '8']).batch).toBe(625);
  expect(genOptions(['--entities', '5000', '--facts-per-entity', '10']).batch).toBe(500);
  // A batch given is the batch used, whatever the density.
  expect(genOptions(['--entities', '5000', '--facts-per-entity', '10', '--batch', '3000']).batch).toBe(3000);
});

test('bad arguments are refused with the usage text', () => {
  expect(() => genOptions([])).toThrow(/--entities must be an integer/);
  expect(() => genOptions(['--entities', '10', '--facts-per-entity', '11'])).toThrow(/from 1 to 10\nUsage:/);
  expect(() => genOptions(['--entities', '10', '--batch', '0'])).toThrow(/--batch must be a positive integer/);
  expect(() => genOptions(['--entities', '10', '--concurrency', '17'])).toThrow(/--concurrency must be/);
  expect(() => genOptions(['--entities', '10', '--namespace', 'Bad Name'])).toThrow();
});
