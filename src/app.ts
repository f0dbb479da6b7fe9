import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { createDriver } from './db/driver';
import { Executor } from './db/executor';
import type { Logger } from './logger';
import { createApolloServer } from './server/apollo';
import { createHttpApp } from './server/http';
import { getSchema } from './server/schema';
import { createServices, type Services } from './services';

export interface App {
  executor: Executor;
  services: Services;
  url: string;
  stop(): Promise<void>;
}

export function createExecutor(config: Config, uri: string): Executor {
  const driver = createDriver({
    uri,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
  });
  return new Executor(driver, {
    database: config.NEO4J_DATABASE,
    txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS,
  });
}

/** HTTP → Apollo → resolvers → services → executor, listening on config.HOST:PORT (0 = any free port). */
export async function startApp(config: Config, executor: Executor, logger: Logger): Promise<App> {
  const services = createServices(executor);
  const httpServer = http.createServer();
  const apollo = createApolloServer(await getSchema(), httpServer, logger);
  await apollo.start();
  httpServer.on('request', createHttpApp(apollo, services, executor));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    executor,
    services,
    url: `http://${config.HOST}:${port}`,
    stop: () => apollo.stop(),
  };
}
