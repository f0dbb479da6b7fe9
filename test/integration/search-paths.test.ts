import { createHarness, type Harness } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const SEARCH = `query($q: String!, $kinds: [EntityKind!]) { search(query: $q, kinds: $kinds, first: 5) { score entity { id name nameKo } } }`;

async function topHit(q: string, kinds?: string[]): Promise<string | undefined> {
  const res = await h.gql(SEARCH, { q, kinds });
  expect(res.errors).toBeUndefined();
  return res.data?.search[0]?.entity.id;
}

test.each([
  ['카이스트', 'kaist'],
  ['KAIST', 'kaist'],
  ['서울대', 'snu'],
  ['서울대학교', 'snu'],
  ['Seoul National University', 'snu'],
  ['SNU', 'snu'],
  ['네이버', 'naver'],
  ['naver', 'naver'],
  ['LG AI연구원', 'lg-ai-research'],
  ['엔씨소프트', 'ncsoft'],
])('search %s finds %s first', async (q, id) => {
  expect(await topHit(q)).toBe(id);
});

test('partial names match in both languages, and kinds filter', async () => {
  const res = await h.gql(SEARCH, { q: '하이퍼스케일' });
  expect(res.data?.search.length).toBeGreaterThan(0);
  expect(await topHit('Nav', ['Organization'])).toBe('naver');
  const people = await h.gql(SEARCH, { q: '최인혁', kinds: ['Person'] });
  expect(people.data?.search[0].entity.id).toBe('choi-in-hyuk');
});

test('a single Hangul syllable and Lucene syntax are handled, not errors', async () => {
  const one = await h.gql(SEARCH, { q: '삼' });
  expect(one.errors).toBeUndefined();
  expect(one.data?.search.map((s: any) => s.entity.id)).toContain('samsung-electronics');
  const syntax = await h.gql(SEARCH, { q: 'KT AND (OR "[' });
  expect(syntax.errors).toBeUndefined();
  const empty = await h.gql(SEARCH, { q: '   ' });
  expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

const PATH = `query($from: ID!, $to: ID!, $types: [RelationshipType!], $max: Int) {
  shortestPath(from: $from, to: $to, types: $types, maxLength: $max) {
    length nodes { id } relationships { type from { id } to { id } provenance { quote } }
  }
}`;

test('shortest path: nodes in order, relationships joining them, with quotes', async () => {
  const res = await h.gql(PATH, { from: 'naver', to: 'kt' });
  expect(res.errors).toBeUndefined();
  const path = res.data?.shortestPath;
  expect(path.length).toBe(path.relationships.length);
  expect(path.nodes[0].id).toBe('naver');
  expect(path.nodes[path.nodes.length - 1].id).toBe('kt');
  path.relationships.forEach((r: any, i: number) => {
    const ends = [r.from.id, r.to.id].sort();
    expect(ends).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
    expect(r.provenance.quote.length).toBeGreaterThan(0);
  });
});

test('shortest path limited to types and length; none found is null; unknown id is NOT_FOUND', async () => {
  const partners = await h.gql(PATH, {
    from: 'sk-telecom',
    to: 'kakao',
    types: ['PARTNERS_WITH'],
    max: 1,
  });
  expect(partners.data?.shortestPath.relationships.map((r: any) => r.type)).toEqual(['PARTNERS_WITH']);
  const none = await h.gql(PATH, {
    from: 'naver',
    to: 'lg-group',
    types: ['SUCCEEDS'],
    max: 2,
  });
  expect(none.errors).toBeUndefined();
  expect(none.data?.shortestPath).toBeNull();
  const missing = await h.gql(PATH, { from: 'naver', to: 'nobody' });
  expect(missing.errors?.[0]?.extensions).toMatchObject({
    code: 'NOT_FOUND',
    field: 'to',
  });
  const tooLong = await h.gql(PATH, { from: 'naver', to: 'kt', max: 50 });
  expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const self = await h.gql(PATH, { from: 'kt', to: 'kt' });
  expect(self.data?.shortestPath).toMatchObject({
    length: 0,
    nodes: [{ id: 'kt' }],
  });
});

test('neighbourhood: nodes and edges with ids, capped, filtered by kind', async () => {
  const NB = `query($id: ID!, $depth: Int, $kinds: [EntityKind!], $limit: Int) {
    neighborhood(id: $id, depth: $depth, kinds: $kinds, limit: $limit) { truncated nodes { id kind } edges { id type from { id } to { id } } }
  }`;
  const res = await h.gql(NB, { id: 'kt', depth: 1 });
  expect(res.errors).toBeUndefined();
  const nb = res.data?.neighborhood;
  const ids = nb.nodes.map((n: any) => n.id);
  expect(ids).toEqual(expect.arrayContaining(['kt', 'kaist', 'kt-kaist-ai-sw-research-institute']));
  for (const e of nb.edges) {
    expect(ids).toContain(e.from.id);
    expect(ids).toContain(e.to.id);
  }
  expect(nb.edges.some((e: any) => e.type === 'MENTIONS')).toBe(false);
  const orgs = await h.gql(NB, { id: 'kt', depth: 2, kinds: ['Organization'] });
  expect(orgs.data?.neighborhood.nodes.every((n: any) => n.kind === 'Organization')).toBe(true);
  const capped = await h.gql(NB, { id: 'kt', depth: 3, limit: 3 });
  expect(capped.data?.neighborhood.nodes.length).toBeLessThanOrEqual(3);
  expect(capped.data?.neighborhood.truncated).toBe(true);
  const absent = await h.gql(NB, { id: 'nobody' });
  expect(absent.data?.neighborhood).toBeNull();
});
