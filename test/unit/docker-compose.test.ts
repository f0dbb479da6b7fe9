import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { CONFIG_KEYS, loadConfig } from '../../src/config';
import { YOUNG_GENERATION_FLAG } from '../../src/server/heap';

/**
 * docker-compose.yml and the Dockerfile cannot be run here (no Docker engine), so this checks what can
 * be checked without one: that they parse and agree with the app's own configuration.
 */

const ROOT = path.join(__dirname, '../..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

type Env = Record<string, string | undefined>;

/** Compose's variable interpolation, the part we use: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`. */
function interpolate(text: string, env: Env): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, braced?: string, colon?: string, fallback?: string, bare?: string) => {
      if (match === '$$') return '$';
      const value = env[(braced ?? bare) as string];
      if (fallback === undefined) return value ?? '';
      const useFallback = colon ? !value : value === undefined;
      return useFallback ? fallback : (value as string);
    },
  );
}

function resolve(node: unknown, env: Env): unknown {
  if (typeof node === 'string') return interpolate(node, env);
  if (Array.isArray(node)) return node.map((n) => resolve(n, env));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v, env)]));
  }
  return node;
}

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target: number })[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  healthcheck?: { test?: string | string[]; disable?: boolean; start_period?: string };
  depends_on?: string[] | Record<string, { condition?: string }>;
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** docker-compose.yml as `docker compose config` would see it with the given shell environment. */
function loadCompose(shellEnv: Env = {}): Compose {
  return resolve(parse(read('docker-compose.yml')), shellEnv) as Compose;
}

function service(compose: Compose, name: string): Service {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service "${name}"`);
  return s;
}

/** A service's environment as strings (map or `KEY=value` list form; pass-through keys omitted). */
function envOf(s: Service): Record<string, string> {
  const entries = Array.isArray(s.environment)
    ? s.environment.map((line) => {
        const eq = line.indexOf('=');
        return eq < 0 ? [line, null] : [line.slice(0, eq), line.slice(eq + 1)];
      })
    : Object.entries(s.environment ?? {});
  return Object.fromEntries(entries.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)]));
}

/** Container-side ports a service publishes ("8080:80", "127.0.0.1:8080:80/tcp", "80", or long form). */
function containerPorts(s: Service): number[] {
  return (s.ports ?? []).map((p) => {
    if (typeof p === 'object') return Number(p.target);
    const spec = String(p).replace(/\/(tcp|udp)$/, '');
    return Number(spec.split(':').pop());
  });
}

function healthcheckCommand(s: Service): string {
  const test = s.healthcheck?.test;
  if (!test || s.healthcheck?.disable) return '';
  return Array.isArray(test) ? test.join(' ') : test;
}

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile → stages of instructions (continuation lines joined, comments dropped). */
function parseDockerfile(text: string): Instruction[][] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (!line && !pending)) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(pending + line);
    pending = '';
  }
  const stages: Instruction[][] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim() };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** What these instructions COPY from the build context (not from a stage), as plain paths: `./web/` → `web`. */
function contextSources(instructions: Instruction[]): string[] {
  return instructions
    .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from='))
    .flatMap((i) => i.args.split(/\s+/).slice(0, -1))
    .map((source) => source.replace(/^\.\//, '').replace(/\/$/, ''));
}

function finalStage(): Instruction[] {
  const stage = parseDockerfile(read('Dockerfile')).at(-1);
  if (!stage) throw new Error('Dockerfile has no FROM');
  return stage;
}

const argsOf = (stage: Instruction[], keyword: string): string[] =>
  stage.filter((i) => i.keyword === keyword).map((i) => i.args);

/** `ENV A=1 B=2` (and the legacy `ENV A 1`) of a stage, merged. */
function dockerfileEnv(stage: Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of argsOf(stage, 'ENV')) {
    if (!/^\S+=/.test(args)) {
      const [key = '', ...rest] = args.split(/\s+/);
      env[key] = rest.join(' ');
      continue;
    }
    for (const pair of args.match(/\S+="[^"]*"|\S+/g) ?? []) {
      const eq = pair.indexOf('=');
      env[pair.slice(0, eq)] = pair.slice(eq + 1).replace(/^"(.*)"$/, '$1');
    }
  }
  return env;
}

/** The exec form (JSON array) of CMD/HEALTHCHECK; Docker silently falls back to a shell string on bad JSON. */
function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`not exec form: ${args}`);
  return parsed;
}

const NEO4J_BOLT = 7687;

describe('docker-compose.yml', () => {
  const compose = loadCompose();
  const api = service(compose, 'api');
  const neo4j = service(compose, 'neo4j');
  const apiEnv = envOf(api);
  const neo4jEnv = envOf(neo4j);

  it('gives the api only settings the app knows, and they pass its config validation', () => {
    // A misspelt or unknown variable (NEO4J_USER, NEO4J_URL ...) would be silently ignored.
    const config = loadConfig(apiEnv);
    const unknown = Object.keys(apiEnv).filter((key) => !(CONFIG_KEYS as string[]).includes(key));
    expect(unknown).toEqual([]);
    expect(config).toMatchObject({
      NODE_ENV: 'production',
      HOST: '0.0.0.0', // reachable from outside the container, not the loopback default
      NEO4J_URI: expect.any(String), // set, so the app starts no local Neo4j (the image has no Java)
      NEO4J_USERNAME: 'neo4j',
      NEO4J_DATABASE: 'neo4j', // Community edition's only user database
    });
  });

  it('serves the api on the app default port, published as 4000, as the Dockerfile exposes it', () => {
    const defaultPort = loadConfig({}).PORT;
    expect(defaultPort).toBe(4000);
    expect(loadConfig(apiEnv).PORT).toBe(defaultPort);
    expect(api.ports).toEqual(['4000:4000']);
    expect(containerPorts(api)).toEqual([defaultPort]);
    expect(argsOf(finalStage(), 'EXPOSE')).toEqual([String(defaultPort)]);
  });

  it('runs Neo4j 5.26 Community, the same major.minor as the local launcher in tools/neo4j/pom.xml', () => {
    const match = /^neo4j:(\d+)\.(\d+)(?:\.\d+)?-community$/.exec(neo4j.image ?? '');
    expect(match).not.toBeNull();
    const [, major, minor] = match as RegExpExecArray;
    expect(`${major}.${minor}`).toBe('5.26');

    const pom = read('tools/neo4j/pom.xml');
    const dependency =
      /<groupId>org\.neo4j<\/groupId>\s*<artifactId>neo4j<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom);
    expect(dependency).not.toBeNull();
    let launcherVersion = (dependency as RegExpExecArray)[1] as string;
    const property = /^\$\{(.+)\}$/.exec(launcherVersion);
    if (property) {
      const name = (property[1] as string).replace(/\./g, '\\.');
      launcherVersion = new RegExp(`<${name}>([^<]+)</${name}>`).exec(pom)?.[1] ?? '';
    }
    expect(launcherVersion.split('.').slice(0, 2).join('.')).toBe(`${major}.${minor}`);
  });

  it('enables the APOC and Graph Data Science plugins, with their procedures unrestricted', () => {
    const plugins: unknown = JSON.parse(neo4jEnv.NEO4J_PLUGINS ?? '[]');
    expect(plugins).toEqual(expect.arrayContaining(['apoc', 'graph-data-science']));
    const unrestricted = (neo4jEnv.NEO4J_dbms_security_procedures_unrestricted ?? '').split(',').map((s) => s.trim());
    expect(unrestricted).toEqual(expect.arrayContaining(['apoc.*', 'gds.*']));
  });

  it('sets Neo4j heap and page cache explicitly rather than letting it size itself from host memory', () => {
    expect(neo4jEnv.NEO4J_server_memory_heap_max__size).toMatch(/^\d+[kmg]$/i);
    expect(neo4jEnv.NEO4J_server_memory_pagecache_size).toMatch(/^\d+[kmg]$/i);
  });

  it('points NEO4J_URI at the neo4j service on the Bolt port it publishes', () => {
    const uri = new URL(apiEnv.NEO4J_URI ?? '');
    expect(['bolt:', 'neo4j:']).toContain(uri.protocol);
    expect(uri.hostname).toBe('neo4j');
    expect(Number(uri.port || NEO4J_BOLT)).toBe(NEO4J_BOLT);
    expect(containerPorts(neo4j)).toEqual(expect.arrayContaining([NEO4J_BOLT, 7474]));
  });

  it('keeps the database in a named volume', () => {
    const data = (neo4j.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':') : [v.source, v.target]));
    const dataVolume = data.find(([, target]) => target === '/data')?.[0];
    expect(dataVolume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume);
  });

  it('gives the api the credentials Neo4j is set up with, by default a password Neo4j 5 accepts (8+ chars)', () => {
    const defaultPassword = apiEnv.NEO4J_PASSWORD ?? '';
    expect(defaultPassword.length).toBeGreaterThanOrEqual(8);
    for (const shellEnv of [{}, { NEO4J_PASSWORD: 'from-the-shell-123' }]) {
      const resolved = loadCompose(shellEnv);
      const [user, ...password] = (envOf(service(resolved, 'neo4j')).NEO4J_AUTH ?? '').split('/');
      const apiSide = envOf(service(resolved, 'api'));
      expect({ user, password: password.join('/') }).toEqual({
        user: apiSide.NEO4J_USERNAME,
        password: shellEnv.NEO4J_PASSWORD ?? defaultPassword,
      });
      expect(apiSide.NEO4J_PASSWORD).toBe(shellEnv.NEO4J_PASSWORD ?? defaultPassword);
    }
  });

  it('has a health check on both services, and the api waits for a healthy Neo4j', () => {
    expect(healthcheckCommand(neo4j)).not.toBe('');
    expect(neo4j.healthcheck?.start_period).toBeDefined(); // first start downloads the plugins
    expect(healthcheckCommand(api)).toContain(`:${loadConfig(apiEnv).PORT}/healthz`);
    expect(api.depends_on).toEqual({ neo4j: expect.objectContaining({ condition: 'service_healthy' }) });
  });

  it('builds the api from the Dockerfile at the repository root', () => {
    const context = typeof api.build === 'string' ? api.build : api.build?.context;
    const dockerfile = (typeof api.build === 'object' && api.build.dockerfile) || 'Dockerfile';
    expect(context).toBe('.');
    expect(fs.existsSync(path.join(ROOT, context as string, dockerfile))).toBe(true);
  });
});

describe('Dockerfile', () => {
  const stages = parseDockerfile(read('Dockerfile'));
  const runtime = finalStage();

  it('builds in a separate stage and runs on Node 20 with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]?.args).toMatch(/^node:20[.\w-]*(\s+AS\s+\S+)?$/i);
    const build = stages.slice(0, -1).flat();
    expect(argsOf(build, 'RUN').join('\n')).toMatch(/npm ci\b(?![^\n]*--omit=dev)/);
    expect(argsOf(build, 'RUN').join('\n')).toContain('npm run build');
    const runtimeRuns = argsOf(runtime, 'RUN').join('\n');
    expect(runtimeRuns).toMatch(/npm ci\b[^\n]*--omit=dev/);
    expect(runtimeRuns).not.toContain('npm run build');
  });

  it('has patches/ in place before each npm ci, whose postinstall applies them to the dependencies', () => {
    // Without them patch-package finds nothing to apply and the image runs the unpatched packages.
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall).toBe('patch-package');
    expect(fs.readdirSync(path.join(ROOT, 'patches')).some((f) => f.endsWith('.patch'))).toBe(true);
    for (const stage of stages) {
      const install = stage.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
      if (install < 0) continue;
      expect(contextSources(stage.slice(0, install))).toContain('patches');
    }
  });

  it('runs as the unprivileged node user, in production, listening beyond loopback', () => {
    expect(argsOf(runtime, 'USER').at(-1)).toBe('node');
    const env = dockerfileEnv(runtime);
    expect(loadConfig(env)).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: 4000 });
  });

  it('ships the compiled code and the migrations and seeds the app reads at run time', () => {
    const copies = argsOf(runtime, 'COPY');
    const targets = copies.map((c) => c.split(/\s+/).at(-1)?.replace(/^\.\//, '').replace(/\/$/, ''));
    expect(targets).toEqual(expect.arrayContaining(['dist', 'schema', 'seeds']));
    expect(copies.find((c) => c.startsWith('--from='))).toMatch(/\/dist\s+\.?\/?dist\/?$/);
  });

  it('starts dist/src/index.js directly, which is where `npm run build` puts src/index.ts', () => {
    const cmd = execForm(argsOf(runtime, 'CMD').at(-1) ?? '');
    // Not `npm start`: its prestart would rebuild. The same young-generation bound as `npm start`.
    expect(cmd).toEqual(['node', YOUNG_GENERATION_FLAG, 'dist/src/index.js']);

    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`node ${YOUNG_GENERATION_FLAG} dist/src/index.js`);
    // `build` runs `build:ts` (the TypeScript compile) and then the web pages.
    expect(pkg.scripts.build).toContain('npm run build:ts');
    const project = /^tsc -p (\S+)$/.exec(pkg.scripts['build:ts'] ?? '')?.[1];
    expect(project).toBe('tsconfig.build.json');
    const file = ts.readConfigFile(path.join(ROOT, project as string), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(file.config, ts.sys, ROOT);
    const { outDir, rootDir } = parsed.options;
    expect(parsed.fileNames).toContain(path.join(ROOT, 'src/index.ts'));
    const emitted = path.join(outDir as string, path.relative(rootDir as string, path.join(ROOT, 'src/index.ts')));
    expect(path.relative(ROOT, emitted).split(path.sep).join('/').replace(/\.ts$/, '.js')).toBe(cmd.at(-1));
  });

  it('has a health check that asks /healthz with node itself (no curl in the slim image)', () => {
    const args = argsOf(runtime, 'HEALTHCHECK').at(-1) ?? '';
    const command = execForm(args.replace(/^(--\S+\s+)*CMD\s+/, ''));
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toContain('/healthz');
  });

  it('is not sent node_modules, build output, the local database or git history', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.neo4j', '.git']));
    // ...but is sent everything the Dockerfile copies from the build context.
    for (const source of contextSources(stages.flat())) expect(ignored).not.toContain(source);
  });
});
