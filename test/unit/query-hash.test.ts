import { ApolloServer } from '@apollo/server';
import { createHash } from 'node:crypto';
import { buildSchema } from 'graphql';
import { hashQueriesWithLoadedCrypto } from '../../src/server/query-hash';

/**
 * Apollo keys its parsed-document cache by the SHA-256 of the query text. With the hash factory
 * pointed at node:crypto's (src/server/query-hash.ts), Apollo's own pipeline must call it once per
 * request and get the same digest, else the change does nothing or breaks the cache.
 */
test("Apollo's pipeline hashes each query through the factory it was given, with the same SHA-256", async () => {
  const algorithms: string[] = [];
  const seen: (string | undefined)[] = [];
  expect(
    hashQueriesWithLoadedCrypto((algorithm) => {
      algorithms.push(algorithm);
      return createHash(algorithm);
    }),
  ).toBe(true);
  const server = new ApolloServer({
    schema: buildSchema('type Query { hello: String }'),
    rootValue: { hello: () => 'world' },
    plugins: [{ requestDidStart: async () => ({ didResolveSource: async (rc) => void seen.push(rc.queryHash) }) }],
  });
  await server.start();
  try {
    for (const query of ['{ hello }', 'query Q { hello }']) {
      const res = await server.executeOperation({ query });
      expect(res.body.kind === 'single' && res.body.singleResult.data).toEqual({ hello: 'world' });
    }
  } finally {
    await server.stop();
    hashQueriesWithLoadedCrypto();
  }
  expect(algorithms).toEqual(['sha256', 'sha256']);
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  expect(seen).toEqual([sha256('{ hello }'), sha256('query Q { hello }')]);
});
