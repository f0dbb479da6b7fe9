import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Executor } from '../db/executor';
import { seedFiles } from '../seed/seed-runner';
import { checkSeedFile, formatCheck } from './check.command';
import { EXPORT_FORMATS, exportGraph, type ExportFormat, type Write } from './export/export-graph';
import { importSeedFiles } from './import.command';
import { formatStats, graphStats } from './stats.command';

export const USAGE = `Usage: npm run kg -- <command> [options]

  import [file.json ...]                 load seed files (default: seeds/*.json); validated first, MERGE
  export [--format json|graphml|cypher] [--out FILE]
                                         the whole graph (default json, to stdout)
  stats [--json]                         entities by kind, facts by type
  check [file.json ...]                  validate seed files without writing anything (default: seeds/*.json)
`;

export interface KgIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Opens the database only for commands that need one (check does not). */
  withExecutor<T>(work: (executor: Executor) => Promise<T>): Promise<T>;
}

export class UsageError extends Error {}

function streamWriter(stream: NodeJS.WritableStream): Write {
  return (chunk) =>
    new Promise((resolve) => {
      if (chunk === '' || stream.write(chunk)) resolve();
      else stream.once('drain', resolve);
    });
}

async function closeStream(stream: fs.WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Runs one `kg` command; returns the process exit code (1 = a check or import found problems). */
export async function runKg(argv: string[], io: KgIo): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, out: { type: 'string' }, json: { type: 'boolean' } },
  });
  const files = async () => (positionals.length > 0 ? positionals : await seedFiles());
  switch (command) {
    case 'check': {
      let failed = 0;
      for (const file of await files()) {
        const result = await checkSeedFile(file);
        if (!result.ok) failed++;
        io.stdout.write(formatCheck(result));
      }
      return failed === 0 ? 0 : 1;
    }
    case 'import': {
      const list = await files();
      const result = await io.withExecutor((executor) =>
        importSeedFiles(executor, list, { progressStream: io.stderr }),
      );
      io.stdout.write(`Imported ${result.entities} entities and ${result.facts} facts from ${list.length} file(s).\n`);
      return 0;
    }
    case 'export': {
      const format = values.format as ExportFormat;
      if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`unknown format '${format}'`);
      const out = values.out ? fs.createWriteStream(values.out) : undefined;
      const counts = await io.withExecutor((executor) => exportGraph(executor, format, streamWriter(out ?? io.stdout)));
      if (out) await closeStream(out);
      io.stderr.write(`Exported ${counts.entities} entities and ${counts.relationships} facts as ${format}.\n`);
      return 0;
    }
    case 'stats': {
      const stats = await io.withExecutor((executor) => graphStats(executor));
      io.stdout.write(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  }
}
