import { p2HubIds } from './data';

/**
 * What each peer is sent per scenario. Our operations are what a client of this API writes; the
 * @neo4j/graphql and naive ones ask for the same data in those servers' own schemas
 * (tools/bench/peer); the floor gets the statement's inputs only.
 */
export const OURS = {
  p1: 'query P1($id: ID!) { entity(id: $id) { id name nameKo } }',
  p2: `query P2($ids: [ID!]!) {
  entities(filter: { kinds: [Organization], ids: $ids }, first: 100) {
    edges { node { id name ... on Organization {
      partners(first: 10) { other { id name
        relationships(first: 5) { edges { node { type other { id name } } } }
      } }
    } } }
  }
}`,
  p3: `query P3($size: Int!) {
  entities(first: $size, orderBy: { field: ID }) { edges { node { id name nameKo aliases kind } } }
}`,
  khop: `query K($id: ID!, $depth: Int!, $limit: Int!) {
  neighborhood(id: $id, depth: $depth, limit: $limit) { nodes { id name } edges { type from { id } to { id } } truncated }
}`,
  path: `query S($from: ID!, $to: ID!) {
  shortestPath(from: $from, to: $to) { length nodes { id name } relationships { type from { id } to { id } } }
}`,
};

export function gql(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

export const p2Variables = (): { ids: string[] } => ({ ids: p2HubIds() });
