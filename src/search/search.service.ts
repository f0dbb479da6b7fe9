import { toNeo4jInt } from '../db/values';
import { BadUserInputError } from '../errors/errors';
import type { Executor } from '../db/executor';
import type { PlainNode } from '../db/values';
import { ENTITY_LABEL, type EntityKind } from '../graph/ontology';
import { toEntityRecord } from '../graph/records';
import { normalize } from '../entity/entity.cypher';
import type { SearchHit } from './search-hit.type';
import { luceneQuery, MAX_QUERY_LENGTH } from './lucene';

export const FULLTEXT_INDEX = 'entity_names';
/** Most hits one search returns. */
export const MAX_SEARCH_RESULTS = 100;
/** Candidates fetched from the index per wanted hit, so a kinds filter still fills the page. */
const SEARCH_CANDIDATE_FACTOR = 5;
/** Added to an exact name/alias match so it outranks partial matches whatever Lucene scored. */
const EXACT_MATCH_BOOST = 100;

const EXACT = `(toLower(node.name) = $exact OR toLower(coalesce(node.nameKo, '')) = $exact
    OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) = $exact))`;

export const SEARCH_CYPHER = `CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $lucene, {limit: $candidates})
YIELD node, score
WHERE $kinds IS NULL OR any(l IN labels(node) WHERE l IN $kinds)
WITH node, score + CASE WHEN ${EXACT} THEN ${EXACT_MATCH_BOOST} ELSE 0 END AS score
RETURN node, score
ORDER BY score DESC, node.id
LIMIT $first`;

/**
 * A single Hangul syllable (삼) has no bigram in the index; for such short input, and whenever the
 * index finds nothing, fall back to a bounded substring scan over names and aliases.
 */
export const SEARCH_FALLBACK_CYPHER = `MATCH (node:${ENTITY_LABEL})
WHERE ($kinds IS NULL OR any(l IN labels(node) WHERE l IN $kinds))
  AND (toLower(node.name) CONTAINS $exact OR toLower(coalesce(node.nameKo, '')) CONTAINS $exact
    OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) CONTAINS $exact))
WITH node, CASE WHEN ${EXACT} THEN ${EXACT_MATCH_BOOST} ELSE 1.0 END AS score
RETURN node, score
ORDER BY score DESC, node.name, node.id
LIMIT $first`;

export class SearchService {
  constructor(private readonly executor: Executor) {}

  async search(query: string, kinds: EntityKind[] | null | undefined, first: number): Promise<SearchHit[]> {
    if (query.length > MAX_QUERY_LENGTH) {
      throw new BadUserInputError(`'query' may be at most ${MAX_QUERY_LENGTH} characters`, 'query');
    }
    if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) {
      throw new BadUserInputError(`'first' must be between 1 and ${MAX_SEARCH_RESULTS}`, 'first');
    }
    const exact = normalize(query);
    if (exact.length === 0) throw new BadUserInputError("'query' must not be empty", 'query');
    const lucene = luceneQuery(query);
    const params = {
      lucene,
      exact,
      first: toNeo4jInt(first),
      kinds: kinds?.length ? kinds : null,
      candidates: toNeo4jInt(first * SEARCH_CANDIDATE_FACTOR),
    };
    let rows = lucene ? await this.executor.read(SEARCH_CYPHER, params, 'search') : [];
    if (rows.length === 0) rows = await this.executor.read(SEARCH_FALLBACK_CYPHER, params, 'search');
    return rows.map((r) => ({
      entity: toEntityRecord(r.node as unknown as PlainNode),
      score: Number(r.score),
    }));
  }
}
