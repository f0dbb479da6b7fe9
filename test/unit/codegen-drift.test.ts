import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** The example client's generated types match schema/schema.graphql and its operations (`npm run codegen`). */
const ROOT = path.join(__dirname, '../..');

test('examples/client/src/gql is what `npm run codegen` generates', async () => {
  const bin = path.join(ROOT, 'node_modules/.bin/graphql-codegen');
  await expect(promisify(execFile)(bin, ['--config', 'codegen.yml', '--check'], { cwd: ROOT })).resolves.toBeDefined();
}, 120_000);

test('the trusted-documents manifest maps each sha256 to exactly its operation text', () => {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'examples/client/src/gql/persisted-documents.json'), 'utf8'),
  ) as Record<string, string>;
  expect(Object.keys(manifest)).toHaveLength(4);
  for (const [key, query] of Object.entries(manifest)) {
    expect(key).toBe(`sha256:${createHash('sha256').update(query).digest('hex')}`);
  }
});
