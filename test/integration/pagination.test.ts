import { createHarness, uniquePrefix, type Harness } from '../support/harness';

/** Keyset pagination over this file's own 25 topics, none shared with other test files. */
let h: Harness;
const prefix = uniquePrefix('page');
const ids = Array.from({ length: 25 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
const filter = { kinds: ['Topic'], ids };

beforeAll(async () => {
  h = await createHarness();
  await h.executor.write(`UNWIND $ids AS id CREATE (n:Entity:Topic {id: id, name: 'Topic ' + id, aliases: []})`, {
    ids,
  });
});
afterAll(async () => {
  await h.executor.write('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids });
  await h.close();
});

const PAGE = `query($filter: EntityFilter, $first: Int, $after: String, $last: Int, $before: String, $orderBy: EntityOrder) {
  entities(filter: $filter, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
  }
}`;

test('first/after walks every entity once, in order, with a totalCount of all of them', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const res: any = await h.gql(PAGE, { filter, first: 10, after });
    expect(res.errors).toBeUndefined();
    const conn = res.data.entities;
    expect(conn.totalCount).toBe(25);
    seen.push(...conn.edges.map((e: any) => e.node.id));
    expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1].cursor);
    pages += 1;
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  expect(pages).toBe(3);
  expect(seen).toEqual(ids);
});

test('last/before walks backwards from the end', async () => {
  const end: any = await h.gql(PAGE, { filter, last: 5 });
  expect(end.data.entities.edges.map((e: any) => e.node.id)).toEqual(ids.slice(20));
  expect(end.data.entities.pageInfo.hasPreviousPage).toBe(true);
  const before: any = await h.gql(PAGE, {
    filter,
    last: 5,
    before: end.data.entities.pageInfo.startCursor,
  });
  expect(before.data.entities.edges.map((e: any) => e.node.id)).toEqual(ids.slice(15, 20));
  expect(before.data.entities.pageInfo.hasNextPage).toBe(true);
});

test('descending order by id, and page edges (exact fit, empty page)', async () => {
  const desc: any = await h.gql(PAGE, {
    filter,
    first: 3,
    orderBy: { field: 'ID', direction: 'DESC' },
  });
  expect(desc.data.entities.edges.map((e: any) => e.node.id)).toEqual([ids[24], ids[23], ids[22]]);
  const all: any = await h.gql(PAGE, { filter, first: 25 });
  expect(all.data.entities.edges).toHaveLength(25);
  expect(all.data.entities.pageInfo.hasNextPage).toBe(false);
  const past: any = await h.gql(PAGE, {
    filter,
    first: 5,
    after: all.data.entities.pageInfo.endCursor,
  });
  expect(past.data.entities.edges).toEqual([]);
  expect(past.data.entities.pageInfo).toMatchObject({
    hasNextPage: false,
    startCursor: null,
    endCursor: null,
  });
});

test('bad paging input gets BAD_USER_INPUT', async () => {
  const forged = await h.gql(PAGE, { filter, first: 5, after: 'not-a-cursor' });
  expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const huge = await h.gql(PAGE, { filter, first: 100000 });
  expect(huge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const both = await h.gql(PAGE, { filter, first: 5, last: 5 });
  expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
