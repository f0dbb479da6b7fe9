// Generated graphs (npm run gen) live in the same database as the article graph, told apart by
// `namespace` on their entities; analytics scoped to one namespace start from this index.
CREATE INDEX entity_namespace IF NOT EXISTS FOR (n:Entity) ON (n.namespace);
