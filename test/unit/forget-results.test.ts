import neo4j from 'neo4j-driver';
import { forgetResults } from '../../src/db/forget-results';

/**
 * The driver still keeps every result a session ran (the list forgetResults empties). If a driver
 * upgrade stops doing so, the first expectation fails: then forgetResults has nothing left to do
 * and can go.
 */
test('a session keeps the results it ran until forgetResults empties the list', async () => {
  // Nothing listens on port 1: the run fails, but the session records its result first.
  const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', ''), { connectionTimeout: 1000 });
  const session = driver.session({ database: 'neo4j' });
  try {
    const result = session.run('RETURN 1');
    const kept = (session as unknown as { _results: unknown[] })._results;
    expect(kept).toEqual([result]);
    await result.then(
      () => undefined,
      () => undefined,
    );
    await session.close();
    forgetResults(session);
    expect(kept).toEqual([]);
  } finally {
    await driver.close();
  }
});
