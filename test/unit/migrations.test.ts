import path from 'node:path';
import { parseMigration, readMigrations } from '../../src/db/migrate';
import { RELATIONSHIP_TYPE_NAMES } from '../../src/graph/ontology';

const DIR = path.join(__dirname, '..', '..', 'schema', 'migrations');

test('statements split on ; at line end, comments dropped, checksum stable', () => {
  const m = parseMigration(
    'x',
    '// c\nCREATE INDEX a IF NOT EXISTS FOR (n:Entity) ON (n.a);\nCREATE INDEX b IF NOT EXISTS\nFOR (n:Entity) ON (n.b);\n',
  );
  expect(m.statements).toEqual([
    'CREATE INDEX a IF NOT EXISTS FOR (n:Entity) ON (n.a)',
    'CREATE INDEX b IF NOT EXISTS\nFOR (n:Entity) ON (n.b)',
  ]);
  expect(
    parseMigration(
      'x',
      '// c\nCREATE INDEX a IF NOT EXISTS FOR (n:Entity) ON (n.a);\nCREATE INDEX b IF NOT EXISTS\nFOR (n:Entity) ON (n.b);\n',
    ).checksum,
  ).toBe(m.checksum);
});

test('migrations are idempotent and cover every relationship type of the ontology', async () => {
  const all = (await readMigrations(DIR)).flatMap((m) => m.statements);
  for (const s of all) expect(s).toMatch(/IF NOT EXISTS/);
  const text = all.join('\n');
  expect(text).toMatch(/REQUIRE n\.id IS UNIQUE/);
  expect(text).toMatch(/fulltext\.analyzer`: 'cjk'/);
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    expect(text).toContain(`FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`);
    expect(text).toContain(`FOR ()-[r:${type}]-() ON (r.source)`);
  }
});
