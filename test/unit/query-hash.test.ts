import { ApolloServer } from '@apollo/server';
import { createHash } from 'node:crypto';
import { buildSchema } from 'graphql';
import { hashQueriesWithLoadedCrypto, rememberedSha256 } from '../../src/server/query-hash';

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

describe('rememberedSha256', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  test('digests as node:crypto does, hashing a remembered text only once', () => {
    const hashed: string[] = [];
    const factory = rememberedSha256(10, 100, (text) => (hashed.push(text), sha(text)));
    for (const text of ['{ a }', '{ b }', '{ a }', '{ a }', 'query Q { 한국어 }', '']) {
      expect(factory('sha256').update(text).digest('hex')).toBe(sha(text));
    }
    expect(hashed).toEqual(['{ a }', '{ b }', 'query Q { 한국어 }', '']);
  });

  test('forgets the oldest text beyond its limit, and never remembers a text over the longest', () => {
    const hashed: string[] = [];
    const factory = rememberedSha256(2, 5, (text) => (hashed.push(text), sha(text)));
    const digest = (text: string) => factory('sha256').update(text).digest('hex');
    for (const text of ['a', 'b', 'c', 'c', 'b', 'a', 'longer', 'longer']) expect(digest(text)).toBe(sha(text));
    // 'a' was forgotten when 'c' came; 'b' and 'c' were remembered; 'longer' is hashed each time.
    expect(hashed).toEqual(['a', 'b', 'c', 'a', 'longer', 'longer']);
  });

  test('several updates, other encodings and other algorithms are node:crypto exactly', () => {
    const factory = rememberedSha256();
    expect(factory('sha256').update('ab').update('cd').digest('hex')).toBe(sha('abcd'));
    expect(factory('sha256').update('abcd').digest('base64')).toBe(
      createHash('sha256').update('abcd').digest('base64'),
    );
    expect(factory('sha512').update('abcd').digest('hex')).toBe(createHash('sha512').update('abcd').digest('hex'));
  });
});
