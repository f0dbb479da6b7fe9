import type { Executor } from '../db/executor';

/**
 * Procedures and functions the analytics and traversal fields call. Embedded Neo4j registers them
 * only through the launcher (tools/neo4j), a server through its plugins directory
 * (NEO4J_PLUGINS=["apoc","graph-data-science"]); either can be missing, so start-up checks.
 */
export const REQUIRED_PROCEDURES = [
  'gds.version',
  'gds.graph.drop',
  'gds.degree.stream',
  'gds.pageRank.stream',
  'gds.betweenness.stream',
  'gds.closeness.stream',
  'gds.louvain.stream',
  'gds.leiden.stream',
  'gds.wcc.stream',
  'gds.shortestPath.dijkstra.stream',
  'gds.shortestPath.yens.stream',
  'gds.nodeSimilarity.filtered.stream',
  'apoc.path.subgraphAll',
] as const;

export const REQUIRED_FUNCTIONS = ['gds.graph.project', 'gds.util.asNode', 'apoc.coll.sortNodes'] as const;

// SHOW commands cannot be combined in one statement: one each, in one transaction.
const PROCEDURES_CYPHER = 'SHOW PROCEDURES YIELD name WHERE name IN $names RETURN name';
const FUNCTIONS_CYPHER = 'SHOW FUNCTIONS YIELD name WHERE name IN $names RETURN name';

export class MissingProceduresError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `Neo4j lacks procedures/functions this server needs: ${missing.join(', ')}. ` +
        'Install the APOC core and Graph Data Science 2.13 plugins (the local launcher in tools/neo4j ' +
        'registers both; a server needs NEO4J_PLUGINS=["apoc","graph-data-science"] and ' +
        'dbms.security.procedures.unrestricted=apoc.*,gds.*).',
    );
    this.name = 'MissingProceduresError';
  }
}

/** The required procedures/functions the database does not have (empty = all there). */
export async function missingProcedures(executor: Executor): Promise<string[]> {
  const rows = await executor.readTx(
    async (tx) => [
      ...(await tx.run(PROCEDURES_CYPHER, { names: [...REQUIRED_PROCEDURES] })),
      ...(await tx.run(FUNCTIONS_CYPHER, { names: [...REQUIRED_FUNCTIONS] })),
    ],
    'checkProcedures',
  );
  const present = new Set(rows.map((r) => String(r.name)));
  return [...REQUIRED_PROCEDURES, ...REQUIRED_FUNCTIONS].filter((name) => !present.has(name));
}

/** Throws MissingProceduresError naming every missing one. */
export async function assertProcedures(executor: Executor): Promise<void> {
  const missing = await missingProcedures(executor);
  if (missing.length) throw new MissingProceduresError(missing);
}
