import 'reflect-metadata';
import { createServer, type IncomingMessage } from 'node:http';
import neo4j from 'neo4j-driver';
import { Registry, collectDefaultMetrics } from 'prom-client';
import {
  neighborhoodStatement,
  p1Statement,
  p2Statement,
  p3Statement,
  pathStatement,
  type Statement,
} from './floor.cypher';

/**
 * The benchmark's floor: the same Cypher our API sends, through neo4j-driver behind a bare
 * node:http handler, answered with JSON.stringify. No GraphQL, no validation, no value mapping:
 * whatever our server spends above this is the cost of being a GraphQL API. (A benchmark peer, so
 * it holds its own driver; the product's code never does.)
 */
const env = process.env;
const driver = neo4j.driver(
  env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  neo4j.auth.basic(env.NEO4J_USERNAME ?? 'neo4j', env.NEO4J_PASSWORD ?? ''),
);
const database = env.NEO4J_DATABASE ?? 'neo4j';

// The same process figures our server exports (prom-client's event-loop delay and GC durations), so
// the benchmark reads the floor's stalls around each latency window as it reads ours'. They cost the
// floor what they cost ours: a timer histogram and a GC observer, read only when scraped.
const registry = new Registry();
collectDefaultMetrics({ register: registry });

type Body = { op: string } & Record<string, unknown>;

function statement(body: Body): Statement {
  switch (body.op) {
    case 'p1':
      return p1Statement(String(body.id));
    case 'p2':
      return p2Statement(body.ids as string[]);
    case 'p3':
      return p3Statement(Number(body.size));
    case 'khop':
      return neighborhoodStatement(String(body.id), Number(body.depth), Number(body.limit));
    case 'path':
      return pathStatement(String(body.from), String(body.to));
    default:
      throw new Error(`unknown op ${body.op}`);
  }
}

async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body;
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/metrics') {
    registry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text))
      .catch(() => res.writeHead(500).end());
    return;
  }
  if (req.method === 'GET') {
    res.writeHead(200).end('ok');
    return;
  }
  readBody(req)
    .then(async (body) => {
      const { cypher, params } = statement(body);
      // A session and an auto-commit read per request, as our executor sends a single read.
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        const { records } = await session.run(cypher, params);
        const json = JSON.stringify({ data: records.map((r) => r.toObject()) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(json);
      } finally {
        await session.close();
      }
    })
    .catch((err: unknown) => {
      res.writeHead(500).end(JSON.stringify({ errors: [{ message: String(err) }] }));
    });
});

server.listen(Number(env.PORT ?? 0), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
