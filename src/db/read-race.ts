/**
 * A read met an entity that a write deleted while the read ran. Neo4j reads at read-committed
 * isolation: a node the query matched can be deleted by a transaction that commits before the row
 * is sent, and it then comes back with no labels and no properties. The executor retries the read
 * (as it does Neo4j's transient errors), which then sees a state where the node is simply gone.
 */
export class DeletedWhileReadError extends Error {
  constructor() {
    super('an entity was deleted while it was being read');
    this.name = 'DeletedWhileReadError';
  }
}
