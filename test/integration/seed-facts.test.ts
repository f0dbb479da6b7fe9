import { createHarness, type Harness } from '../support/harness';

/** The article's knowledge, asked for through GraphQL as a reader would. */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

test('an organization: Korean and English names, aliases, partners with provenance', async () => {
  const res = await h.gql(`{
    entity(id: "naver") {
      id kind name nameKo aliases
      ... on Organization {
        partners { other { id name nameKo } provenance { articleId quote time validFrom validTo article { id publishedOn } } }
      }
    }
  }`);
  expect(res.errors).toBeUndefined();
  const naver = res.data?.entity;
  expect(naver).toMatchObject({
    id: 'naver',
    kind: 'Organization',
    name: 'Naver',
    nameKo: '네이버',
  });
  expect(naver.aliases).toEqual(expect.arrayContaining(['NAVER', '네이버']));
  const partnerIds = naver.partners.map((p: any) => p.other.id);
  expect(partnerIds).toEqual(expect.arrayContaining(['snu', 'kaist-graduate-school-of-ai']));
  const snu = naver.partners.find((p: any) => p.other.id === 'snu');
  expect(snu.other.nameKo).toMatch(/서울대/);
  expect(snu.provenance.articleId).toBe('asiae-2021-05-24-hyperscale-ai');
  expect(snu.provenance.quote).toContain('서울대');
  expect(snu.provenance.article).toEqual({
    id: 'asiae-2021-05-24-hyperscale-ai',
    publishedOn: '2021-05-24',
  });
});

test("LG AI Research's parameter targets arrive as exact 64-bit integers with their periods", async () => {
  const res = await h.gql(`{
    entity(id: "lg-ai-research") {
      ... on ResearchCenter { parameterTargets { parameterCount other { id } provenance { time validFrom validTo quote } } }
      ... on Organization { parameterTargets { parameterCount other { id } provenance { time validFrom validTo quote } } }
    }
  }`);
  expect(res.errors).toBeUndefined();
  const targets = [...res.data!.entity.parameterTargets].sort((a: any, b: any) =>
    a.provenance.validFrom.localeCompare(b.provenance.validFrom),
  );
  expect(targets.map((t: any) => [t.parameterCount, t.provenance.time])).toEqual([
    [600_000_000_000, '2021-H2'],
    [1_000_000_000_000, '2022-H1'],
  ]);
  expect(targets[0].provenance).toMatchObject({
    validFrom: '2021-07-01',
    validTo: '2021-12-31',
  });
  expect(targets[0].provenance.quote).toContain('6000억');
});

test('investments keep exact money and vague ranges apart', async () => {
  const res = await h.gql(`{
    lg: entity(id: "lg-group") { ... on Organization { investments { amount { amount amountMin amountMax currency text } durationYears other { id } } } }
    naver: entity(id: "naver") { ... on Organization { investments { amount { amount amountMin amountMax currency text } other { id } } } }
  }`);
  expect(res.errors).toBeUndefined();
  const lg = res.data?.lg.investments.find((i: any) => i.other.id === 'lg-ai-research');
  expect(lg.amount).toEqual({
    amount: 100_000_000,
    amountMin: null,
    amountMax: null,
    currency: 'USD',
    text: '1억달러',
  });
  expect(lg.durationYears).toBe(3);
  const krw = res.data?.naver.investments.find((i: any) => i.amount?.currency === 'KRW');
  expect(krw.amount.amount).toBeNull();
  expect(krw.amount.text).toBe('수백억 원');
  expect(krw.amount.amountMin).toBeLessThan(krw.amount.amountMax);
});

test('a model: developer, parameter count and lineage', async () => {
  const res = await h.gql(`{
    gpt3: entity(id: "gpt-3") { ... on AIModel { parameterCount predecessors { other { id } } counterparts { other { id } } } }
    kogpt2: entity(id: "kogpt-2") { ... on AIModel { developers { other { id } provenance { time } } counterpartOf { other { id } } } }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.gpt3.parameterCount).toBe(173_000_000_000);
  expect(res.data?.gpt3.predecessors.map((p: any) => p.other.id)).toEqual(['gpt-2']);
  expect(res.data?.kogpt2.developers.map((d: any) => d.other.id).sort()).toEqual(['aws', 'sk-telecom']);
  expect(res.data?.kogpt2.counterpartOf.map((d: any) => d.other.id)).toEqual(['gpt-2']);
});

test("a person's roles, and the reporters' article", async () => {
  const res = await h.gql(`{
    entity(id: "choi-in-hyuk") { name nameKo ... on Person { roles { role other { id } } statements { other { ... on Statement { text } } } } }
    article: entity(id: "asiae-2021-05-24-hyperscale-ai") { ... on Article { authors { other { nameKo } } publisher { other { id } } } }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.entity.nameKo).toBe('최인혁');
  expect(res.data?.entity.roles[0]).toMatchObject({
    role: expect.stringMatching(/COO/),
    other: { id: 'naver' },
  });
  expect(res.data?.entity.statements[0].other.text).toContain('창의적 AI');
  expect(res.data?.article.authors.map((a: any) => a.other.nameKo).sort()).toEqual(['부애리', '조슬기나']);
  expect(res.data?.article.publisher[0].other.id).toBe('asia-economy');
});

test('Article.facts lists every fact it is the source of, with verbatim Korean quotes, paginated', async () => {
  const first = await h.gql(`{ entity(id: "asiae-2021-05-24-hyperscale-ai") { ... on Article {
    facts(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { id type quote: provenance { quote } } } }
  } } }`);
  expect(first.errors).toBeUndefined();
  const facts = first.data?.entity.facts;
  expect(facts.totalCount).toBeGreaterThan(50);
  expect(facts.edges).toHaveLength(10);
  expect(facts.pageInfo.hasNextPage).toBe(true);
  for (const e of facts.edges) expect(e.node.quote.quote.length).toBeGreaterThan(0);
  const all: string[] = [];
  let after: string | null = null;
  do {
    const page: any = await h.gql(
      `query($after: String) { entity(id: "asiae-2021-05-24-hyperscale-ai") { ... on Article { facts(first: 25, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id type } } } } } }`,
      { after },
    );
    const conn = page.data.entity.facts;
    all.push(...conn.edges.map((e: any) => `${e.node.type}:${e.node.id}`));
    after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
  } while (after);
  expect(new Set(all).size).toBe(all.length);
  expect(all).toHaveLength(facts.totalCount);
  expect(all).toContain('TARGETS_PARAMS:lg-ai-research-targets-600-billion-params');
  expect(all.some((f) => f.startsWith('MENTIONS:'))).toBe(false);
});

test('the KT stock quote keeps its numbers and time', async () => {
  const res = await h.gql(`{ entity(id: "kt") { ... on Organization { ticker stockQuotes { other { ... on StockQuote {
    price change changePercent volume previousClose currency asOf delayMinutes } } } } } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data?.entity.ticker).toBe('030200');
  expect(res.data?.entity.stockQuotes[0].other).toMatchObject({
    price: 32050,
    change: 950,
    changePercent: 3.05,
    volume: 913314,
    previousClose: 31100,
    currency: 'KRW',
    delayMinutes: 20,
  });
  expect(res.data?.entity.stockQuotes[0].other.asOf).toMatch(/^2021-05-24T0?1:39|^2021-05-24T10:39/);
});

test('unknown id answers null, not an error', async () => {
  const res = await h.gql('{ entity(id: "no-such-entity") { id } }');
  expect(res.errors).toBeUndefined();
  expect(res.data?.entity).toBeNull();
});
