import type { App } from '../../src/app';
import { INTERNAL_TEXT, KEYS, post, startSecuredApp, stopApp, type HttpAnswer } from '../support/security';

/**
 * Admission by estimated cost, over the real HTTP stack and database. The heavy read below is
 * estimated far above a budget of 100, so each runs alone; a point lookup costs 3 or 4.
 */
const HEAVY = {
  query: '{ entities(first: 300) { edges { node { id name relationships(first: 5) { totalCount } } } } }',
};
const CHEAP = { query: '{ entity(id: "kt") { id } }' };
const BURST = 12;

const burst = (app: App): Promise<HttpAnswer[]> => Promise.all(Array.from({ length: BURST }, () => post(app, HEAVY)));

/** The admission gauge as /metrics reports it. */
async function admissionFigures(app: App): Promise<Record<string, number>> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const figures: Record<string, number> = {};
  for (const [, state, value] of text.matchAll(/^graphql_admission\{state="(\w+)"[^}]*\} (\S+)$/gm)) {
    figures[state as string] = Number(value);
  }
  return figures;
}

const okRead = (answer: HttpAnswer) =>
  answer.status === 200 && !answer.body.errors && answer.body.data.entities.edges.length > 0;

test('heavy reads over the budget wait their turn: every one is answered in full', async () => {
  const app = await startSecuredApp({
    MAX_INFLIGHT_COST: '100',
    ADMISSION_TIMEOUT_MS: '30000',
    RATE_LIMIT_REQUESTS: '0',
  });
  try {
    const answers = await burst(app);
    expect(answers.filter(okRead)).toHaveLength(BURST);
    expect(await admissionFigures(app)).toEqual({ budget: 100, in_flight_cost: 0, waiting: 0 });
  } finally {
    await stopApp(app);
  }
});

test('a wait past ADMISSION_TIMEOUT_MS is a 503 SERVICE_UNAVAILABLE with Retry-After, and the budget comes back', async () => {
  const app = await startSecuredApp({ MAX_INFLIGHT_COST: '100', ADMISSION_TIMEOUT_MS: '1', RATE_LIMIT_REQUESTS: '0' });
  try {
    const answers = await burst(app);
    const busy = answers.filter((a) => a.status === 503);
    // The first of the burst runs at once; those queued behind it give up after 1 ms.
    expect(answers.filter(okRead).length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    // Every answer is one or the other; any that is neither is shown whole when this fails.
    const neither = answers
      .filter((a) => a.status !== 503 && !okRead(a))
      .map((a) => ({ status: a.status, text: a.text }));
    expect(neither).toEqual([]);
    for (const answer of busy) {
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(answer.body.errors[0].message).toMatch(/busy/);
      expect(answer.text).not.toMatch(INTERNAL_TEXT);
      expect(answer.body.data ?? null).toBeNull();
    }
    // Nothing stays admitted: a heavy read alone, then a cheap one, both run.
    expect(okRead(await post(app, HEAVY))).toBe(true);
    expect((await post(app, CHEAP)).body.data.entity.id).toBe('kt');
    expect(await admissionFigures(app)).toEqual({ budget: 100, in_flight_cost: 0, waiting: 0 });
  } finally {
    await stopApp(app);
  }
});

test('operations refused by another check while they waited give their room back', async () => {
  const app = await startSecuredApp({
    AUTH_PUBLIC_READS: 'false',
    MAX_INFLIGHT_COST: '100',
    ADMISSION_TIMEOUT_MS: '30000',
    RATE_LIMIT_REQUESTS: '0',
  });
  try {
    // Readers' heavy reads hold the budget; anonymous ones queue behind them and are refused (401)
    // by read access while they wait.
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => post(app, HEAVY, i % 2 === 0 ? { 'x-api-key': KEYS.reader } : {})),
    );
    expect(answers.map((a) => (okRead(a) ? 'ok' : a.status))).toEqual(
      Array.from({ length: BURST }, (_, i) => (i % 2 === 0 ? 'ok' : 401)),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await admissionFigures(app)).toEqual({ budget: 100, in_flight_cost: 0, waiting: 0 });
    expect(okRead(await post(app, HEAVY, { 'x-api-key': KEYS.reader }))).toBe(true);
  } finally {
    await stopApp(app);
  }
});

test('MAX_INFLIGHT_COST=0 turns admission off', async () => {
  const app = await startSecuredApp({ MAX_INFLIGHT_COST: '0', ADMISSION_TIMEOUT_MS: '1', RATE_LIMIT_REQUESTS: '0' });
  try {
    expect((await burst(app)).filter(okRead)).toHaveLength(BURST);
    expect(await admissionFigures(app)).toEqual({});
  } finally {
    await stopApp(app);
  }
});
