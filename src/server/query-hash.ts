import { createHash, type BinaryToTextEncoding } from 'node:crypto';
import path from 'node:path';

/** What Apollo does with a hash: `createHash(algorithm).update(text).digest('hex')`. */
interface HashLike {
  update(data: string): HashLike;
  digest(encoding: BinaryToTextEncoding): string;
}

type HashFactory = (algorithm: string) => HashLike;

/**
 * Apollo Server takes the SHA-256 of every request's query text (the key of its parsed-document
 * cache) through `@apollo/utils.createhash`, whose `createHash` runs `module.require("crypto")` on
 * each call: a trip through Node's module loader per request, for a module loaded long before. In
 * the lab (CPU profile of our server answering 200 sequential shortest paths on the 1e6 graph,
 * sampled every 100 µs) that trip was 20-25 µs of CPU per request, more than the hash itself.
 *
 * Apollo's pipeline reads `createHash` from that module's exports at every call, so pointing the
 * export at our factory (`rememberedSha256` by default) removes the trip; the digest is the same
 * SHA-256. The module is resolved from `@apollo/server`'s own folder, so it is the copy Apollo
 * loads. Nothing changes if the export is not what this expects (then Apollo's own code runs).
 *
 * Returns whether the export now points at `hash`.
 */
export function hashQueriesWithLoadedCrypto(hash: HashFactory = rememberedSha256()): boolean {
  const apollo = path.dirname(require.resolve('@apollo/server'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the very copy Apollo requires, found at run time
  const exported = require(require.resolve('@apollo/utils.createhash', { paths: [apollo] })) as {
    createHash?: unknown;
  };
  if (typeof exported.createHash !== 'function') return false;
  exported.createHash = hash;
  return true;
}

/**
 * Texts remembered at most (the oldest is forgotten first), and the longest text remembered: an
 * operation a client writes by hand or generates is far shorter (the benchmark's longest, P2's
 * nested read, is 292 characters), and at most 4 M characters are held however texts vary.
 */
const REMEMBERED_TEXTS = 1_000;
const REMEMBERED_TEXT_MAX = 4 * 1024;

/**
 * node:crypto's hashes, except that the SHA-256 hex digest of a text hashed once is remembered.
 * Clients send the same few operations again and again; looking a text up in a Map (V8 hashes the
 * string natively, then compares it with the one stored) is cheaper than a new native Hash, its
 * update and its hex digest. Lab (CPU profile, sampled every 50 µs, 3,000 sequential shortest paths
 * on the 1e5 graph): Apollo's hashing was 21 µs of our server's CPU per request.
 *
 * Bounded in count and in length (a text over the limit is hashed every time), so a client sending
 * ever new texts costs at most REMEMBERED_TEXTS × REMEMBERED_TEXT_MAX characters. Anything but one
 * string hashed to hex goes to node:crypto as it is.
 */
export function rememberedSha256(
  limit = REMEMBERED_TEXTS,
  maxLength = REMEMBERED_TEXT_MAX,
  /** The digest of a text not remembered (tests count the calls). */
  digestOf = (text: string) => createHash('sha256').update(text).digest('hex'),
): HashFactory {
  const digests = new Map<string, string>();
  const sha256Hex = (text: string): string => {
    const known = digests.get(text);
    if (known !== undefined) return known;
    const digest = digestOf(text);
    if (text.length <= maxLength) {
      if (digests.size >= limit) digests.delete(digests.keys().next().value as string);
      digests.set(text, digest);
    }
    return digest;
  };
  return (algorithm) => (algorithm === 'sha256' ? new OneText(sha256Hex) : createHash(algorithm));
}

/**
 * A SHA-256 whose single string, digested to hex, goes through `sha256Hex`; several updates, or
 * another encoding, are hashed by node:crypto as given.
 */
class OneText implements HashLike {
  private readonly texts: string[] = [];

  constructor(private readonly sha256Hex: (text: string) => string) {}

  update(data: string): HashLike {
    this.texts.push(data);
    return this;
  }

  digest(encoding: BinaryToTextEncoding): string {
    const [only] = this.texts;
    if (this.texts.length === 1 && only !== undefined && encoding === 'hex') return this.sha256Hex(only);
    const hash = createHash('sha256');
    for (const text of this.texts) hash.update(text);
    return hash.digest(encoding);
  }
}
