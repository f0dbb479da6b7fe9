import type { App } from '../../src/app';
import { getSchema } from '../../src/server/schema';
import { mutate, OperationGenerator, prng } from '../support/fuzz';
import { INTERNAL_TEXT, nodeCount, post, startSecuredApp, stopApp } from '../support/security';

/**
 * Random valid operations generated from the schema, and broken copies of them, over HTTP: never a
 * 5xx, never an INTERNAL_SERVER_ERROR, never internal text, nothing written (the caller is anonymous).
 * FUZZ_RUNS and FUZZ_SEED reproduce or extend a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_528);
/** Graph algorithms in the schema (centrality, communities) take a second or two each on a busy machine. */
const FUZZ_TIMEOUT_MS = 240_000;

let app: App;
beforeAll(async () => {
  app = await startSecuredApp({ RATE_LIMIT_REQUESTS: '0' });
});
afterAll(() => stopApp(app));

test(
  `${RUNS} generated operations (seed ${SEED}): no 5xx, no internal text, nothing written`,
  async () => {
    const rand = prng(SEED);
    const gen = new OperationGenerator(await getSchema(), rand);
    const before = await nodeCount(app.executor);
    const failures: string[] = [];
    const codes: Record<string, number> = {};
    for (let i = 0; i < RUNS; i++) {
      const valid = gen.operation();
      const query = i % 2 === 0 ? valid : mutate(valid, rand);
      const t0 = Date.now();
      const res = await post(app, { query });
      if (process.env.FUZZ_TRACE) process.stderr.write(`${Date.now() - t0}ms ${res.status} ${query.slice(0, 200)}\n`);
      const errorCodes: string[] = (res.body?.errors ?? []).map((e: any) => String(e.extensions?.code));
      for (const c of errorCodes.length ? errorCodes : ['OK']) codes[c] = (codes[c] ?? 0) + 1;
      if (res.status >= 500 || errorCodes.includes('INTERNAL_SERVER_ERROR') || INTERNAL_TEXT.test(res.text)) {
        failures.push(`#${i} ${res.status} ${query}\n  → ${res.text.slice(0, 300)}`);
      }
    }
    process.stderr.write(`fuzz: ${RUNS} operations, answers by code ${JSON.stringify(codes)}\n`);
    expect(failures).toEqual([]);
    expect(codes.OK).toBeGreaterThan(RUNS / 10); // the generator does produce valid operations
    expect(await nodeCount(app.executor)).toBe(before);
  },
  FUZZ_TIMEOUT_MS,
);
