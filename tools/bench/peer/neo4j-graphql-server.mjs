// Peer for `npm run bench`: @neo4j/graphql 7 (each GraphQL operation becomes one Cypher query) on Apollo
// Server 5, over the same Neo4j graph as our API. Read only: it sends no mutations and never calls
// assertIndexesAndConstraints (the graph's migrations already made the indexes it uses).
//   NEO4J_URI=bolt://127.0.0.1:7687 [NEO4J_USERNAME NEO4J_PASSWORD NEO4J_DATABASE PORT] node neo4j-graphql-server.mjs
// Prints `PEER_READY http://127.0.0.1:<port>/graphql` once listening; SIGTERM stops it.
// DEBUG=@neo4j/graphql:execution logs the generated Cypher to stderr (@neo4j/graphql:* logs everything).
import { Neo4jGraphQL } from '@neo4j/graphql';
import { connect, serve, settings } from './serve.mjs';

// The graph (src/graph/ontology.ts): every entity node is :Entity (unique, indexed `id`) plus one kind label;
// `kind` is not stored, it is the label other than Entity.
// - Entity: every entity; `entities(where: {id: {eq: $id}})` matches (this:Entity) and seeks the unique index.
// - Organization: the kind; matches (this:Organization&Entity), so `id` lookups still use the Entity index.
// - partners: PARTNERS_WITH is stored in one direction but symmetric. A @relationship has one direction;
//   `queryDirection: UNDIRECTED` (v7's replacement for the removed `directed` argument) makes reads match
//   (this)-[:PARTNERS_WITH]-(other). `direction: OUT` only matters to writes, which are not used.
//   Fact (the relationship's provenance properties) lets partnersConnection sort by fact id, as our API does.
// - relationships: facts of any type in either direction have no @relationship equivalent (one fixed type
//   per field), so it is a @cypher field, ordered like ours (fact id, then type).
const typeDefs = /* GraphQL */ `
  type Entity @node(labels: ["Entity"]) {
    id: ID!
    name: String!
    nameKo: String
    aliases: [String!]
    namespace: String
    kind: String! @cypher(statement: "RETURN [l IN labels(this) WHERE l <> 'Entity'][0] AS kind", columnName: "kind")
    relationships(first: Int = 20): [RelatedFact!]!
      @cypher(
        statement: """
        MATCH (this)-[r]-(m:Entity)
        WITH r, m ORDER BY r.id, type(r) LIMIT $first
        RETURN {type: type(r), other: {id: m.id, name: m.name}} AS fact
        """
        columnName: "fact"
      )
  }

  type Organization @node(labels: ["Organization", "Entity"]) {
    id: ID!
    name: String!
    nameKo: String
    aliases: [String!]
    namespace: String
    partners: [Entity!]!
      @relationship(type: "PARTNERS_WITH", direction: OUT, queryDirection: UNDIRECTED, properties: "Fact")
  }

  type Fact @relationshipProperties {
    id: ID!
    source: String
    quote: String
    validFrom: Date
    validTo: Date
  }

  "A fact seen from one entity: its type and the entity at the other end (a map from the @cypher field)."
  type RelatedFact {
    type: String!
    other: FactEnd!
  }

  type FactEnd {
    id: ID!
    name: String!
  }
`;

const config = settings();
const driver = connect(config);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
await serve({
  apollo: { schema },
  driver,
  database: config.database,
  port: config.port,
  context: async () => ({ sessionConfig: { database: config.database } }),
});
