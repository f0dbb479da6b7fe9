/** The explorer's GraphQL calls: the API's own search, neighborhood, entity and shortestPath fields. */
const GRAPHQL_PATH = '/graphql';

export interface EntityRef {
  id: string;
  kind: string;
  name: string;
  nameKo: string | null;
}
export interface Fact {
  id: string;
  type: string;
  from: { id: string };
  to: { id: string };
  properties: Record<string, unknown>;
  provenance: { quote: string; time: string | null; article: { name: string } | null };
}
export interface EntityDetails extends EntityRef {
  aliases: string[];
  description: string | null;
  descriptionKo: string | null;
}
export interface Subgraph {
  nodes: EntityRef[];
  edges: Fact[];
  truncated: boolean;
}
export interface PathResult {
  length: number;
  nodes: EntityRef[];
  relationships: Fact[];
}

const ENTITY_REF = 'id kind name nameKo';
const FACT = `id type from { id } to { id } properties provenance { quote time article { name } }`;

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new Error(`HTTP ${res.status}`);
  return body.data;
}

/** Hits per search: enough to choose from, few enough to read. */
const SEARCH_HITS = 8;
/**
 * Nodes drawn per expansion: the API's node cap is 500, but its query-cost limit (MAX_QUERY_COST)
 * counts every field of every node and fact; 60 with provenance stays under the default.
 */
export const NEIGHBORHOOD_LIMIT = 60;
/** The API allows 10 hops; 6 covers every pair in the article graph. */
const PATH_MAX_LENGTH = 6;

export async function search(query: string): Promise<EntityRef[]> {
  const data = await gql<{ search: { entity: EntityRef }[] }>(
    `query ExplorerSearch($q: String!, $n: Int!) { search(query: $q, first: $n) { entity { ${ENTITY_REF} } } }`,
    { q: query, n: SEARCH_HITS },
  );
  return data.search.map((h) => h.entity);
}

export async function neighborhood(id: string): Promise<Subgraph | null> {
  const data = await gql<{ neighborhood: Subgraph | null }>(
    `query ExplorerNeighborhood($id: ID!, $limit: Int!) {
      neighborhood(id: $id, depth: 1, limit: $limit) { truncated nodes { ${ENTITY_REF} } edges { ${FACT} } }
    }`,
    { id, limit: NEIGHBORHOOD_LIMIT },
  );
  return data.neighborhood;
}

export async function entityDetails(id: string): Promise<EntityDetails | null> {
  const data = await gql<{ entity: EntityDetails | null }>(
    `query ExplorerEntity($id: ID!) { entity(id: $id) { ${ENTITY_REF} aliases description descriptionKo } }`,
    { id },
  );
  return data.entity;
}

export async function shortestPath(from: string, to: string): Promise<PathResult | null> {
  const data = await gql<{ shortestPath: PathResult | null }>(
    `query ExplorerPath($from: ID!, $to: ID!, $max: Int!) {
      shortestPath(from: $from, to: $to, maxLength: $max) { length nodes { ${ENTITY_REF} } relationships { ${FACT} } }
    }`,
    { from, to, max: PATH_MAX_LENGTH },
  );
  return data.shortestPath;
}

/** Most central entities fetched per kind for node sizes (the API's cap per kind is 100). */
const CENTRALITY_PER_KIND = 100;

/** PageRank of the article graph's most central entities (per kind), computed by the API with GDS. */
export async function pageRank(): Promise<Map<string, number>> {
  const data = await gql<{ centrality: { score: number; entity: { id: string } }[] }>(
    `query ExplorerCentrality($top: Int!) { centrality(measure: PAGERANK, perKind: true, top: $top) { score entity { id } } }`,
    { top: CENTRALITY_PER_KIND },
  );
  return new Map(data.centrality.map((c) => [c.entity.id, c.score]));
}
