import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readSeedFile } from '../../src/seed/seed-file';
import { SeedValidationError } from '../../src/seed/seed.errors';
import type { SeedDocument, SeedFact, SeedIssue } from '../../src/seed/seed.types';
import { parseSeedDocument } from '../../src/seed/validate';

const SEED_JSON = path.join(__dirname, '../../seeds/asiae-2021-05-24-hyperscale-ai.json');

describe('the real seed file', () => {
  let doc: SeedDocument;
  const fact = (id: string): SeedFact => {
    const found = doc.facts.find((f) => f.id === id);
    if (!found) throw new Error(`no fact ${id}`);
    return found;
  };
  beforeAll(async () => {
    doc = await readSeedFile(SEED_JSON);
  });

  it('validates, with the article as the source of every fact', () => {
    expect(doc.article).toMatchObject({
      id: 'asiae-2021-05-24-hyperscale-ai',
      kind: 'Article',
    });
    expect(doc.article.properties.publishedOn).toBe('2021-05-24');
    expect(doc.entities.length).toBeGreaterThan(40);
    for (const f of doc.facts) {
      expect(f.properties.source).toBe(doc.article.id);
      expect(doc.sourceText.replace(/\s+/g, ' ')).toContain(String(f.properties.quote));
    }
  });

  it('has LG AI Research targeting 600 billion (2021-H2) and 1 trillion (2022-H1) parameters', () => {
    const targets = doc.facts.filter((f) => f.type === 'TARGETS_PARAMS' && f.from === 'lg-ai-research');
    expect(targets.map((f) => [f.properties.parameterCount, f.properties.time])).toEqual([
      [600000000000n, '2021-H2'],
      [1000000000000n, '2022-H1'],
    ]);
    expect(targets[0]?.properties).toMatchObject({
      validFrom: '2021-07-01',
      validTo: '2021-12-31',
    });
  });

  it('keeps the vague 수백억 원 as a KRW range without an exact amount', () => {
    const props = fact('naver-invests-in-naver-kaist-creative-ai-research').properties;
    expect(props).toMatchObject({
      amountMin: 10000000000n,
      amountMax: 100000000000n,
      currency: 'KRW',
      amountText: '수백억 원',
      durationYears: 3n,
    });
    expect(props).not.toHaveProperty('amount');
  });

  it('records 1억달러 as 100000000 USD over 3 years', () => {
    expect(fact('lg-group-invests-in-lg-ai-research').properties).toMatchObject({
      amount: 100000000n,
      currency: 'USD',
      amountText: '1억달러',
      durationYears: 3n,
    });
  });

  it('knows SNU by its Korean and English names', () => {
    const snu = doc.entities.find((e) => e.id === 'snu');
    expect(snu?.properties.aliases).toEqual(
      expect.arrayContaining(['서울대', '서울대학교', 'Seoul National University', 'SNU']),
    );
  });

  it('has GPT-3 at 173 billion parameters and the KT stock quote', () => {
    expect(doc.entities.find((e) => e.id === 'gpt-3')?.properties.parameterCount).toBe(173000000000n);
    expect(doc.entities.find((e) => e.id === 'kt-stock-quote-2021-05-24')?.properties).toMatchObject({
      price: 32050n,
      volume: 913314n,
      changePercent: 3.05,
      asOf: '2021-05-24T10:39:00+09:00',
    });
  });
});

/** A small valid document over a small text, for the failure cases. */
const SOURCE = '네이버가 서울대와 손잡았다.\n최인혁 네이버 COO는    말했다.';
type LooseRecord = Record<string, unknown> & {
  properties: Record<string, unknown>;
};
type LooseDocument = {
  article: LooseRecord;
  entities: LooseRecord[];
  facts: LooseRecord[];
};
function baseDocument(): LooseDocument {
  const org = (id: string, name: string, quote: string): LooseRecord => ({
    id,
    kind: 'Organization',
    name,
    aliases: [],
    description: `${name}.`,
    properties: { orgType: 'company' },
    quote,
  });
  return {
    article: {
      id: 'test-article',
      name: 'Test',
      description: 'A test article.',
      quote: '네이버가 서울대와',
      properties: {
        publishedOn: '2021-05-24',
        language: 'ko',
        sourceFile: 'seeds/test.txt',
      },
    },
    entities: [
      org('naver', 'Naver', '네이버'),
      org('snu', 'SNU', '서울대'),
      {
        id: 'choi',
        kind: 'Person',
        name: 'Choi',
        description: 'COO.',
        properties: { title: 'COO' },
        quote: '최인혁 네이버 COO',
      },
    ],
    facts: [
      {
        id: 'naver-partners-snu',
        type: 'PARTNERS_WITH',
        from: 'naver',
        to: 'snu',
        properties: {},
        quote: '네이버가 서울대와 손잡았다',
      },
    ],
  };
}
function at<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}
/** The issues parseSeedDocument throws for `doc` ([] when it is valid). */
function issuesOf(doc: LooseDocument): SeedIssue[] {
  try {
    parseSeedDocument(doc, SOURCE);
    return [];
  } catch (error) {
    if (error instanceof SeedValidationError) return error.issues;
    throw error;
  }
}
const place = ({ record, field }: SeedIssue): string => `${record}.${field}`;

describe('parseSeedDocument', () => {
  it('normalizes a valid document: NFC, trimmed, deduplicated aliases, bigint ints, provenance', () => {
    const doc = baseDocument();
    Object.assign(at(doc.entities, 0), {
      name: ' 네이버 '.normalize('NFD'),
      aliases: ['NAVER', ' NAVER', '네이버'.normalize('NFD')],
    });
    at(doc.entities, 2).properties.email = 'choi@example.com';
    Object.assign(at(doc.facts, 0), {
      time: '2021-H2',
      quote: '서울대와 손잡았다. 최인혁 네이버  COO는 말했다',
    });
    const out = parseSeedDocument(doc, SOURCE);
    expect(out.entities[0]?.properties).toMatchObject({
      name: '네이버',
      aliases: ['NAVER', '네이버'],
    });
    expect(out.facts[0]?.properties).toEqual({
      source: 'test-article',
      quote: '서울대와 손잡았다. 최인혁 네이버  COO는 말했다',
      time: '2021-H2',
      validFrom: '2021-07-01',
      validTo: '2021-12-31',
    });
  });

  const withCenter = (headcount: unknown) => (d: LooseDocument) =>
    void d.entities.push({
      ...at(d.entities, 1),
      id: 'lab',
      kind: 'ResearchCenter',
      properties: { headcount },
    });
  const changeEntity = (i: number, change: Record<string, unknown>) => (d: LooseDocument) =>
    void Object.assign(at(d.entities, i), change);
  const changeFact = (change: Record<string, unknown>) => (d: LooseDocument) =>
    void Object.assign(at(d.facts, 0), change);
  const cases: Array<[string, (doc: LooseDocument) => void, string]> = [
    ['an unknown kind', changeEntity(0, { kind: 'Company' }), 'naver.kind'],
    ['an unknown relationship type', changeFact({ type: 'LIKES' }), 'naver-partners-snu.type'],
    [
      'a property the kind does not allow',
      changeEntity(0, { properties: { parameterCount: 1 } }),
      'naver.properties.parameterCount',
    ],
    [
      'a property the relationship does not allow',
      changeFact({ properties: { amount: 1 } }),
      'naver-partners-snu.properties.amount',
    ],
    [
      'provenance written as a property',
      changeFact({ properties: { source: 'x' } }),
      'naver-partners-snu.properties.source',
    ],
    ['a boolean of the wrong type', changeEntity(2, { properties: { anonymous: 'yes' } }), 'choi.properties.anonymous'],
    ['a fractional int', withCenter(1.5), 'lab.properties.headcount'],
    ['an int beyond int64', withCenter('9223372036854775808'), 'lab.properties.headcount'],
    ['an unsafe JSON integer', withCenter(2 ** 60), 'lab.properties.headcount'],
    [
      'an invalid date',
      (d) => void (d.article.properties.publishedOn = '2021-02-30'),
      'test-article.properties.publishedOn',
    ],
    ['a dangling endpoint', changeFact({ to: 'kaist' }), 'naver-partners-snu.to'],
    ['an endpoint of a kind the relationship does not allow', changeFact({ from: 'choi' }), 'naver-partners-snu.from'],
    ['an entity quote not in the text', changeEntity(1, { quote: '서울대학교' }), 'snu.quote'],
    ['a fact quote not in the text', changeFact({ quote: '네이버가 KAIST와 손잡았다' }), 'naver-partners-snu.quote'],
    ['a bad time', changeFact({ time: '2021-13' }), 'naver-partners-snu.time'],
    ['a duplicate entity id', changeEntity(1, { id: 'naver' }), 'naver.id'],
    ['an entity id that repeats the article id', changeEntity(1, { id: 'test-article' }), 'test-article.id'],
    ['a duplicate fact id', (d) => void d.facts.push({ ...at(d.facts, 0) }), 'naver-partners-snu.id'],
    ['a missing fact id', changeFact({ id: undefined }), 'facts[0].id'],
    ['an id that is not a slug', changeEntity(2, { id: 'Choi In' }), 'Choi In.id'],
    ['a misspelt field', changeEntity(0, { qoute: '네이버' }), 'naver.qoute'],
    ['an empty name', changeEntity(0, { name: '  ' }), 'naver.name'],
  ];
  it.each(cases)('rejects %s, naming record and field', (_name, mutate, expected) => {
    const doc = baseDocument();
    mutate(doc);
    expect(issuesOf(doc).map(place)).toContain(expected);
  });

  it('collects every issue at once and lists them in the message', () => {
    const doc = baseDocument();
    at(doc.entities, 0).properties.parameterCount = 1;
    at(doc.entities, 1).quote = '서울대학교';
    Object.assign(at(doc.facts, 0), { to: 'kaist', time: '2021-02-30' });
    delete doc.entities[2];
    doc.entities.push({ id: 'x', kind: 'Robot', properties: {} });
    const expected = [
      'naver.properties.parameterCount',
      'snu.quote',
      'naver-partners-snu.to',
      'naver-partners-snu.time',
      'entities[2].(record)',
      'x.kind',
      'x.name',
    ];
    expect(issuesOf(doc).map(place)).toEqual(expect.arrayContaining(expected));
    for (const line of expected) expect(() => parseSeedDocument(doc, SOURCE)).toThrow(`${line}: `);
  });

  it('rejects a document that is not shaped like a seed', () => {
    expect(issuesOf({ article: {} } as unknown as LooseDocument).map(place)).toContain('document.entities');
  });
});

describe('readSeedFile', () => {
  it('refuses a source file outside the repository', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'seed-'));
    await mkdir(path.join(root, 'seeds'));
    const doc = baseDocument();
    doc.article.properties.sourceFile = '../outside.txt';
    await writeFile(path.join(root, 'seeds', 'doc.json'), JSON.stringify(doc));
    try {
      await expect(readSeedFile(path.join(root, 'seeds', 'doc.json'))).rejects.toMatchObject({
        issues: [
          expect.objectContaining({
            record: 'test-article',
            field: 'properties.sourceFile',
          }),
        ],
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
