import { createHarness, uniquePrefix, type Harness } from '../support/harness';

/** Writes through GraphQL; this file owns its article and every entity it creates. */
let h: Harness;
const p = uniquePrefix('mut');
const article = `${p}-article`;
const prov = {
  articleId: article,
  quote: '네이버가 서울대와 손잡은 데 이어',
  time: '2021-05',
};

beforeAll(async () => {
  h = await createHarness();
  await h.executor.write(
    `CREATE (:Entity:Article {id: $id, name: 'Test article', aliases: [], publishedOn: date('2021-05-24')})`,
    { id: article },
  );
});
afterAll(async () => {
  await h.executor.write('MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n', { p });
  await h.close();
});

async function count(): Promise<{ nodes: number; rels: number }> {
  const [row] = await h.executor.read(
    `MATCH (n:Entity) WHERE n.id STARTS WITH $p
     RETURN count(n) AS nodes, COUNT { MATCH (m:Entity)-[r]-() WHERE m.id STARTS WITH $p RETURN DISTINCT r } AS rels`,
    { p },
  );
  return { nodes: Number(row?.nodes), rels: Number(row?.rels) };
}

const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) {
  id kind name nameKo aliases ... on AIModel { parameterCount } } }`;

test('create an entity with Korean text and a 64-bit parameter count; both round-trip exactly', async () => {
  const res = await h.gql(CREATE, {
    input: {
      id: `${p}-model`,
      kind: 'AIModel',
      name: 'Test Model',
      nameKo: '초거대 모델',
      aliases: ['테스트', 'TM'],
      properties: { parameterCount: '1000000000000' },
      provenance: prov,
    },
  });
  expect(res.errors).toBeUndefined();
  expect(res.data?.createEntity).toMatchObject({
    nameKo: '초거대 모델',
    aliases: ['테스트', 'TM'],
    parameterCount: 1_000_000_000_000,
  });
  const back = await h.gql(
    `{ entity(id: "${p}-model") { nameKo ... on AIModel { parameterCount } relationships(types: [MENTIONS]) { edges { node { provenance { quote } } } } } }`,
  );
  expect(back.data?.entity.parameterCount).toBe(1_000_000_000_000);
  expect(back.data?.entity.nameKo).toBe('초거대 모델');
  expect(back.data?.entity.relationships.edges[0].node.provenance.quote).toBe(prov.quote);
  const [stored] = await h.executor.read(
    'MATCH (n:Entity {id: $id}) RETURN n.parameterCount AS c, valueType(n.parameterCount) AS t',
    { id: `${p}-model` },
  );
  expect(stored?.c).toBe(1_000_000_000_000);
  expect(String(stored?.t)).toMatch(/INTEGER/);
});

test('integers beyond 2^53 keep every digit (as a string on the wire)', async () => {
  const res = await h.gql(CREATE, {
    input: {
      id: `${p}-huge`,
      kind: 'AIModel',
      name: 'Huge',
      properties: { parameterCount: '9007199254740993' },
      provenance: prov,
    },
  });
  expect(res.errors).toBeUndefined();
  expect(String(res.data?.createEntity.parameterCount)).toBe('9007199254740993');
});

test('invalid input gets BAD_USER_INPUT naming the field, and writes nothing', async () => {
  const before = await count();
  const cases: [Record<string, unknown>, string][] = [
    [
      {
        kind: 'AIModel',
        name: 'X',
        properties: { parameterCount: 'lots' },
        provenance: prov,
      },
      'properties.parameterCount',
    ],
    [
      {
        kind: 'AIModel',
        name: 'X',
        properties: { headcount: 3 },
        provenance: prov,
      },
      'properties.headcount',
    ],
    [{ kind: 'Topic', name: '  ', provenance: prov }, 'name'],
    [{ id: 'Bad Id!', kind: 'Topic', name: 'X', provenance: prov }, 'id'],
    [{ kind: 'Topic', name: 'X', provenance: { ...prov, time: '2021-13' } }, 'provenance.time'],
    [{ kind: 'Topic', name: 'X', provenance: { ...prov, quote: '' } }, 'provenance.quote'],
  ];
  for (const [input, field] of cases) {
    const res = await h.gql(CREATE, { input });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
  }
  const unknownArticle = await h.gql(CREATE, {
    input: {
      kind: 'Topic',
      name: 'X',
      provenance: { ...prov, articleId: `${p}-nope` },
    },
  });
  expect(unknownArticle.errors?.[0]?.extensions).toMatchObject({
    code: 'NOT_FOUND',
    field: 'provenance.articleId',
  });
  expect(await count()).toEqual(before);
});

test('the injection string is stored verbatim and deletes nothing', async () => {
  const before = await count();
  const evil = "x' WITH true AS ignored MATCH (s) DETACH DELETE s; //";
  const res = await h.gql(CREATE, {
    input: {
      id: `${p}-evil`,
      kind: 'Topic',
      name: evil,
      nameKo: evil,
      provenance: prov,
    },
  });
  expect(res.errors).toBeUndefined();
  expect(res.data?.createEntity.name).toBe(evil);
  expect(await count()).toEqual({
    nodes: before.nodes + 1,
    rels: before.rels + 1,
  });
});

const REL = `mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) {
  id type from { id } to { id } properties provenance { articleId quote time validFrom validTo } } }`;

test('relationships: create with provenance, update, delete; kinds and ids checked', async () => {
  for (const id of ['a', 'b']) {
    const r = await h.gql(CREATE, {
      input: {
        id: `${p}-org-${id}`,
        kind: 'Organization',
        name: `Org ${id}`,
        provenance: prov,
      },
    });
    expect(r.errors).toBeUndefined();
  }
  const created = await h.gql(REL, {
    input: {
      id: `${p}-fact`,
      type: 'PARTNERS_WITH',
      from: `${p}-org-a`,
      to: `${p}-org-b`,
      properties: { summary: 'joint lab' },
      provenance: prov,
    },
  });
  expect(created.errors).toBeUndefined();
  expect(created.data?.createRelationship).toMatchObject({
    type: 'PARTNERS_WITH',
    from: { id: `${p}-org-a` },
    to: { id: `${p}-org-b` },
    properties: { summary: 'joint lab' },
    provenance: {
      articleId: article,
      time: '2021-05',
      validFrom: '2021-05-01',
      validTo: '2021-05-31',
    },
  });
  const wrongKind = await h.gql(REL, {
    input: {
      type: 'TARGETS_PARAMS',
      from: `${p}-org-a`,
      to: `${p}-org-b`,
      provenance: prov,
    },
  });
  expect(wrongKind.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'to',
  });
  const missing = await h.gql(REL, {
    input: {
      type: 'PARTNERS_WITH',
      from: `${p}-org-a`,
      to: `${p}-ghost`,
      provenance: prov,
    },
  });
  expect(missing.errors?.[0]?.extensions).toMatchObject({
    code: 'NOT_FOUND',
    field: 'to',
  });
  const dup = await h.gql(REL, {
    input: {
      id: `${p}-fact`,
      type: 'PARTNERS_WITH',
      from: `${p}-org-a`,
      to: `${p}-org-b`,
      provenance: prov,
    },
  });
  expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');

  const updated = await h.gql(
    `mutation($input: UpdateRelationshipInput!) { updateRelationship(type: PARTNERS_WITH, id: "${p}-fact", input: $input) { properties provenance { time } } }`,
    {
      input: {
        properties: { summary: null },
        provenance: { ...prov, time: '2021-05-24' },
      },
    },
  );
  expect(updated.errors).toBeUndefined();
  expect(updated.data?.updateRelationship).toEqual({
    properties: {},
    provenance: { time: '2021-05-24' },
  });
  const del = await h.gql(`mutation { deleteRelationship(type: PARTNERS_WITH, id: "${p}-fact") }`);
  expect(del.data?.deleteRelationship).toBe(true);
  const again = await h.gql(`mutation { deleteRelationship(type: PARTNERS_WITH, id: "${p}-fact") }`);
  expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

test('update and delete entities; unknown ids are NOT_FOUND', async () => {
  await h.gql(CREATE, {
    input: {
      id: `${p}-topic`,
      kind: 'Topic',
      name: 'Old',
      nameKo: '옛',
      provenance: prov,
    },
  });
  const upd = await h.gql(
    `mutation($input: UpdateEntityInput!) { updateEntity(id: "${p}-topic", input: $input) { name nameKo aliases } }`,
    {
      input: {
        name: 'New',
        nameKo: null,
        aliases: ['새 주제'],
        provenance: prov,
      },
    },
  );
  expect(upd.errors).toBeUndefined();
  expect(upd.data?.updateEntity).toEqual({
    name: 'New',
    nameKo: null,
    aliases: ['새 주제'],
  });
  const del = await h.gql(`mutation { deleteEntity(id: "${p}-topic") { id deletedRelationships } }`);
  expect(del.data?.deleteEntity).toEqual({
    id: `${p}-topic`,
    deletedRelationships: 1,
  });
  const gone = await h.gql(`mutation { deleteEntity(id: "${p}-topic") { id } }`);
  expect(gone.errors?.[0]?.extensions).toMatchObject({
    code: 'NOT_FOUND',
    field: 'id',
  });
  const upGone = await h.gql(
    `mutation { updateEntity(id: "${p}-topic", input: { name: "x", provenance: { articleId: "${article}", quote: "q" } }) { id } }`,
  );
  expect(upGone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});
