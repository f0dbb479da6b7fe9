import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticGraph } from '../../analytics/synthetic';
import { REPO_ROOT } from '../../config';
import type { IngestPlan, IngestRun } from './ingest.peers';

/**
 * neo4j-admin import as context: the launcher's classpath (tools/neo4j, built by `npm run neo4j`)
 * already holds org.neo4j:neo4j-import-tool and the admin CLI, so the same graph is written to CSV
 * and imported offline into a scratch store under the OS temp dir, which is deleted afterwards.
 */

const CLASSPATH_FILE = path.join(REPO_ROOT, 'tools', 'neo4j', 'target', 'classpath.txt');
const CLASSES_DIR = path.join(REPO_ROOT, 'tools', 'neo4j', 'target', 'classes');
const ADMIN_MAIN = 'org.neo4j.cli.AdminTool';
const IMPORT_HEAP = '1g';
const TAIL_CHARS = 2_000;

export type AdminImport = { run: IngestRun; csvSeconds: number } | { skipped: string };

const NODE_HEADER = 'id:ID,name,namespace,:LABEL\n';
const REL_HEADER = ':START_ID,:END_ID,:TYPE,id,source,quote,validFrom:date,validTo:date\n';

/** The plan's graph as the import tool's CSV (ids and names need no quoting; `""` keeps quote ''). */
function writeCsv(plan: IngestPlan, namespace: string, nodesFile: string, relsFile: string): void {
  const nodes = fs.openSync(nodesFile, 'w');
  const rels = fs.openSync(relsFile, 'w');
  try {
    fs.writeSync(nodes, NODE_HEADER);
    fs.writeSync(rels, REL_HEADER);
    const graph = syntheticGraph(namespace, plan.entities, plan.seed, plan.batch, {
      factsPerEntity: plan.factsPerEntity,
    });
    for (const batch of graph) {
      fs.writeSync(nodes, batch.entities.map((e) => `${e.id},${e.name},${namespace},Entity;${e.kind}\n`).join(''));
      const lines = batch.facts.map(
        (f) => `${f.from},${f.to},${f.type},${f.id},${namespace},"",${f.validFrom ?? ''},${f.validTo ?? ''}\n`,
      );
      fs.writeSync(rels, lines.join(''));
    }
  } finally {
    fs.closeSync(nodes);
    fs.closeSync(rels);
  }
}

function runJava(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-TAIL_CHARS));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Import the plan's graph with neo4j-admin into a scratch store; skipped (with why) when not possible. */
export async function timeAdminImport(
  plan: IngestPlan,
  namespace: string,
  log: (line: string) => void,
): Promise<AdminImport> {
  if (!fs.existsSync(CLASSPATH_FILE)) return { skipped: `launcher not built (${CLASSPATH_FILE} missing)` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-admin-import-'));
  try {
    const home = path.join(dir, 'home');
    fs.mkdirSync(path.join(home, 'conf'), { recursive: true });
    fs.writeFileSync(path.join(home, 'conf', 'neo4j.conf'), '');
    const nodesFile = path.join(dir, 'nodes.csv');
    const relsFile = path.join(dir, 'relationships.csv');
    const csvStarted = performance.now();
    writeCsv(plan, namespace, nodesFile, relsFile);
    const csvSeconds = (performance.now() - csvStarted) / 1000;
    log(`  neo4j-admin: CSV written in ${csvSeconds.toFixed(0)} s; importing ...`);
    const classpath = `${CLASSES_DIR}${path.delimiter}${fs.readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
    const args = [`-Xmx${IMPORT_HEAP}`, '-cp', classpath, ADMIN_MAIN, 'database', 'import', 'full'];
    args.push(
      `--nodes=${nodesFile}`,
      `--relationships=${relsFile}`,
      `--report-file=${path.join(dir, 'import.report')}`,
    );
    args.push('--overwrite-destination', 'neo4j');
    const started = performance.now();
    const { code, output } = await runJava(args, {
      ...process.env,
      NEO4J_HOME: home,
      NEO4J_CONF: path.join(home, 'conf'),
    });
    const seconds = (performance.now() - started) / 1000;
    const nodes = /(\d+) nodes/.exec(output)?.[1];
    const relationships = /(\d+) relationships/.exec(output)?.[1];
    if (code !== 0 || nodes === undefined || relationships === undefined) {
      return { skipped: `neo4j-admin import failed (exit ${code}): ${output.slice(-300).replace(/\s+/g, ' ')}` };
    }
    return { run: { entities: Number(nodes), relationships: Number(relationships), seconds }, csvSeconds };
  } catch (err) {
    return { skipped: `neo4j-admin import could not run: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
