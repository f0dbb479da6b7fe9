// Build the browser pages (GraphiQL, explorer) with Vite only when something they are made of
// changed since the last build: `npm start` then costs a couple of seconds, not a full bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', 'web', '.built');
const inputs = [path.join(root, 'web'), path.join(root, 'package-lock.json')];

function newest(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((f) => newest(path.join(file, f))));
}

const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newest))) {
  process.exit(0);
}
const vite = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.mts', '--logLevel', 'error'], {
  cwd: root,
  stdio: 'inherit',
});
if (vite.status !== 0) process.exit(vite.status ?? 1);
writeFileSync(stamp, new Date().toISOString());
