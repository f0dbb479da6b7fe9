// Peer for `npm run bench`: the naive resolver-per-field server. Apollo Server 5 with a hand-written schema
// where every field that leaves its parent (partners, relationships, a fact's other end) runs its own Cypher
// query through neo4j-driver, once per parent object: no batching, no DataLoader, no caching (the N+1 pattern).
// Scalars are read from the node their parent query returned.
//   NEO4J_URI=bolt://127.0.0.1:7687 [NEO4J_USERNAME NEO4J_PASSWORD NEO4J_DATABASE PORT] node naive-server.mjs
// Prints `PEER_READY http://127.0.0.1:<port>/graphql` once listening; SIGTERM stops it.
import neo4j from 'neo4j-driver';
import { connect, serve, settings } from './serve.mjs';

const typeDefs = /* GraphQL */ `
  type Query {
    "One entity by id; null when there is none"
    entity(id: ID!): Entity
    "Entities ordered by id; every filter given applies (ids, kinds = labels, namespace)"
    entities(ids: [ID!], kinds: [String!], namespace: String, first: Int! = 20): [Entity!]!
  }

  type Entity {
    id: ID!
    name: String!
    nameKo: String
    aliases: [String!]
    namespace: String
    "The label other than Entity"
    kind: String!
    "PARTNERS_WITH facts, either direction, by fact id"
    partners(first: Int! = 100): [Fact!]!
    "Facts of any type, either direction, by fact id then type"
    relationships(first: Int! = 20): [Fact!]!
  }

  type Fact {
    id: ID
    type: String!
    "The entity at the other end"
    other: Entity!
  }
`;

const config = settings();
const driver = connect(config);

/**
 * One query in its own session, auto-commit, read access. (driver.executeQuery was 2-3x slower per query here:
 * its default bookmark manager chains every query to the previous ones; that is overhead, not the N+1 pattern.)
 */
async function run(cypher, params) {
  const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.run(cypher, params)).records;
  } finally {
    await session.close();
  }
}

function toEntity(node) {
  const p = node.properties;
  return {
    id: p.id,
    name: p.name,
    nameKo: p.nameKo ?? null,
    aliases: p.aliases ?? null,
    namespace: p.namespace ?? null,
    kind: node.labels.find((l) => l !== 'Entity') ?? 'Entity',
  };
}

const KIND = /^[A-Z][A-Za-z]*$/;

/** Facts around one entity: `[r:TYPE]` or `[r]`, undirected, after ordering by fact id. */
async function facts(entityId, type, first) {
  const rel = type ? `[r:${type}]` : '[r]';
  const records = await run(
    `MATCH (:Entity {id: $id})-${rel}-(m:Entity)
     RETURN r.id AS id, type(r) AS type, m.id AS otherId
     ORDER BY r.id, type(r) LIMIT $first`,
    { id: entityId, first: neo4j.int(first) },
  );
  return records.map((r) => ({ id: r.get('id'), type: r.get('type'), otherId: r.get('otherId') }));
}

const resolvers = {
  Query: {
    entity: async (_, { id }) => {
      const [record] = await run('MATCH (n:Entity {id: $id}) RETURN n', { id });
      return record ? toEntity(record.get('n')) : null;
    },
    entities: async (_, { ids, kinds, namespace, first }) => {
      const where = [];
      if (ids) where.push('n.id IN $ids');
      if (namespace != null) where.push('n.namespace = $namespace');
      if (kinds) {
        const bad = kinds.find((k) => !KIND.test(k));
        if (bad) throw new Error(`not a kind: ${bad}`);
        where.push(`(${kinds.map((k) => `n:${k}`).join(' OR ') || 'false'})`);
      }
      const records = await run(
        `MATCH (n:Entity) ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         RETURN n ORDER BY n.id LIMIT $first`,
        { ids, namespace, first: neo4j.int(first) },
      );
      return records.map((r) => toEntity(r.get('n')));
    },
  },
  Entity: {
    partners: (entity, { first }) => facts(entity.id, 'PARTNERS_WITH', first),
    relationships: (entity, { first }) => facts(entity.id, null, first),
  },
  Fact: {
    other: async (fact) => {
      const [record] = await run('MATCH (n:Entity {id: $id}) RETURN n', { id: fact.otherId });
      return toEntity(record.get('n'));
    },
  },
};

await serve({
  apollo: { typeDefs, resolvers },
  driver,
  database: config.database,
  port: config.port,
  context: async () => ({}),
});
