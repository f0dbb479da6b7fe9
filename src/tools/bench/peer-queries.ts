/**
 * The scenarios as the peers in tools/bench/peer spell them: @neo4j/graphql 7's generated schema
 * over the same graph (an `Entity` node type and an `Organization` type with its partners), and
 * the naive resolver-per-field server's hand-written schema. Same data as our operations in
 * queries.ts; P3 takes the read graph's namespace where ours takes the first entities by id.
 */
export const PEER_QUERIES = {
  neo4jGraphql: {
    p1: `query P1($id: ID!) {
  entities(where: { id: { eq: $id } }) { id name nameKo }
}`,
    p2: `query P2($ids: [ID!]!) {
  organizations(where: { id: { in: $ids } }, sort: [{ id: ASC }], limit: 100) {
    id
    name
    partnersConnection(first: 10, sort: [{ edge: { id: ASC } }]) {
      edges { node { id name relationships(first: 5) { type other { id name } } } }
    }
  }
}`,
    p3: `query P3($namespace: String!, $size: Int!) {
  entities(where: { namespace: { eq: $namespace } }, sort: [{ id: ASC }], limit: $size) {
    id name nameKo aliases namespace
  }
}`,
  },
  naive: {
    p2: `query P2($ids: [ID!]!) {
  entities(kinds: ["Organization"], ids: $ids, first: 100) {
    id
    name
    partners(first: 10) {
      other { id name relationships(first: 5) { type other { id name } } }
    }
  }
}`,
  },
};
