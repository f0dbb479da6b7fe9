// What both peers share: settings from the environment, the Neo4j driver, and serving an Apollo schema until SIGTERM.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { URL } from 'node:url';
import neo4j from 'neo4j-driver';

/** NEO4J_URI (required), NEO4J_USERNAME (neo4j), NEO4J_PASSWORD (''), NEO4J_DATABASE (neo4j), PORT (0 = any free). */
export function settings() {
  const uri = process.env.NEO4J_URI;
  if (!uri) {
    console.error('NEO4J_URI is required');
    process.exit(2);
  }
  const port = Number(process.env.PORT || 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, not ${process.env.PORT}`);
    process.exit(2);
  }
  return {
    uri,
    user: process.env.NEO4J_USERNAME || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || 'neo4j',
    port,
  };
}

export function connect({ uri, user, password }) {
  return neo4j.driver(uri, neo4j.auth.basic(user, password));
}

/**
 * Once `database` answers, serve with Apollo Server options `apollo` ({schema} or {typeDefs, resolvers}) on
 * 127.0.0.1:`port` (POST /graphql; the standalone server answers on any path), print `PEER_READY <url>` on
 * stdout, and on SIGTERM or SIGINT stop serving, close the driver and exit 0.
 */
export async function serve({ apollo, driver, database, port, context }) {
  try {
    await driver.verifyConnectivity({ database }); // READY means the database answers
  } catch (err) {
    console.error(`Neo4j database '${database}' unreachable: ${err.message}`);
    await driver.close();
    process.exit(1);
  }
  // Our own handler stops the server and closes the driver, then exits 0 (Apollo's would re-raise the signal).
  const server = new ApolloServer({ ...apollo, stopOnTerminationSignals: false });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port }, context });
  process.stdout.write(`PEER_READY ${new URL('/graphql', url).href}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server
      .stop()
      .then(() => driver.close())
      .then(
        () => process.exit(0),
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
