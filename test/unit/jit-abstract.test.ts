import {
  execute,
  GraphQLID,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  parse,
} from 'graphql';
import { jitAnswer, jitSource, plainAnswer } from '../support/jit-answers';

/**
 * graphql-jit's list items and abstract-type (interface, union) fields run through the code of our
 * patch (patches/graphql-jit+0.8.9.patch): a list item that is not a promise goes straight to its
 * handler, and an abstract field's switch over the resolved type is a function of the compiled
 * operation, not an arrow built and called for every value. So a drawn neighbourhood's entities
 * and its facts' ends allocate no closures. What it answers must not change: clean answers as
 * graphql-js gives them, and bad ones (a type resolved to null or to a type that is not possible,
 * an Error or a rejected promise as a list item, null in a non-null list) as graphql-jit 0.8.9
 * answered them before the patch, recorded in this file's snapshot.
 */
type Row = Record<string, unknown>;

const Entity: GraphQLInterfaceType = new GraphQLInterfaceType({
  name: 'Entity',
  fields: () => ({ id: { type: new GraphQLNonNull(GraphQLID) }, name: { type: GraphQLString } }),
  resolveType: (value: Row) => value.kind as string | undefined,
});
const Organization: GraphQLObjectType = new GraphQLObjectType({
  name: 'Organization',
  interfaces: [Entity],
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString },
    // A resolver inside a case: graphql-jit defers it, the case is no longer a plain object.
    partners: { type: new GraphQLList(Entity), resolve: (org: Row) => org.partners ?? [] },
    // A promise per item, resolved or rejected.
    pending: {
      type: new GraphQLList(Entity),
      resolve: (org: Row) =>
        ((org.pending as unknown[] | undefined) ?? []).map((item) =>
          item instanceof Error ? Promise.reject(item) : Promise.resolve(item),
        ),
    },
  }),
});
const Person = new GraphQLObjectType({
  name: 'Person',
  interfaces: [Entity],
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString },
    role: { type: GraphQLString },
    // An abstract field straight inside an abstract value's case.
    mentor: { type: Entity },
  }),
});
const Fact = new GraphQLObjectType({
  name: 'Fact',
  fields: {
    type: { type: new GraphQLNonNull(GraphQLString) },
    from: { type: new GraphQLNonNull(Entity) },
    to: { type: Entity },
  },
});
const Hit = new GraphQLUnionType({
  name: 'Hit',
  types: [Organization, Person],
  resolveType: (value: Row) => (value.kind === 'Person' ? 'Person' : 'Organization'),
});

const naver = { kind: 'Organization', id: 'naver', name: 'Naver' };
const kaist = { kind: 'Organization', id: 'kaist', name: 'KAIST', partners: [naver, { kind: 'Person', id: 'p1' }] };
const person = {
  kind: 'Person',
  id: 'p1',
  name: 'Researcher',
  role: 'lead',
  mentor: { kind: 'Person', id: 'p0', mentor: naver },
};
const clean = {
  nodes: [naver, kaist, person],
  facts: [
    { type: 'PARTNERS_WITH', from: naver, to: kaist },
    { type: 'EMPLOYS', from: kaist, to: person },
  ],
};
const bad = {
  nodes: [naver, { id: 'x', name: 'no kind' }, { kind: 'Robot', id: 'r' }, null, new Error('node failed'), person],
  facts: [
    { type: 'PARTNERS_WITH', from: naver, to: { kind: 'Robot', id: 'r' } },
    { type: 'PARTNERS_WITH', from: { id: 'y' }, to: naver },
    { type: 'PARTNERS_WITH', from: naver, to: null },
    { type: null, from: naver, to: kaist },
  ],
  pending: [naver, new Error('pending failed'), person, { kind: 'Robot', id: 'r' }],
};

function schemaOver(data: Row): GraphQLSchema {
  const root: Row = { ...data, holder: { ...kaist, pending: data.pending } };
  return new GraphQLSchema({
    types: [Organization, Person],
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        nodes: { type: new GraphQLList(Entity), resolve: () => root.nodes },
        strictNodes: { type: new GraphQLList(new GraphQLNonNull(Entity)), resolve: () => root.nodes },
        facts: { type: new GraphQLList(Fact), resolve: () => root.facts },
        hits: { type: new GraphQLList(Hit), resolve: () => root.nodes },
        holder: { type: Organization, resolve: () => root.holder },
        grid: { type: new GraphQLList(new GraphQLList(Entity)), resolve: () => [root.nodes, root.nodes] },
      },
    }),
  });
}

const ENTITY = '__typename id name ... on Person { role } ... on Organization { partners { __typename id name } }';
const QUERY = `{
  nodes { ${ENTITY} }
  facts { type from { ${ENTITY} } to { id ... on Person { role } } }
  hits { ... on Person { id role } ... on Organization { id name } }
  holder { id pending { __typename id name } }
  grid { id }
}`;

test('clean abstract fields and lists answer as graphql-js answers them', async () => {
  const schema = schemaOver({ ...clean, pending: [naver, person] });
  const expected = plainAnswer(await execute({ schema, document: parse(QUERY) }));
  expect(await jitAnswer(schema, QUERY)).toEqual(expected);
  const nested =
    '{ nodes { id ... on Person { mentor { __typename id ... on Person { mentor { __typename id } } } } } }';
  const nestedExpected = plainAnswer(await execute({ schema, document: parse(nested) }));
  expect(await jitAnswer(schema, nested)).toEqual(nestedExpected);
  expect(nestedExpected).toMatchObject({
    data: { nodes: [{}, {}, { mentor: { id: 'p0', mentor: { __typename: 'Organization', id: 'naver' } } }] },
  });
  // Not vacuous: both kinds resolved, in lists, in facts' ends, through a union and promised items.
  expect(expected).toMatchObject({
    data: {
      nodes: [
        { __typename: 'Organization' },
        { partners: [{ id: 'naver' }, { __typename: 'Person' }] },
        { role: 'lead' },
      ],
      facts: [{ from: { id: 'naver' }, to: { id: 'kaist' } }, { to: { role: 'lead' } }],
      hits: [{ name: 'Naver' }, { name: 'KAIST' }, { role: 'lead' }],
      holder: { pending: [{ id: 'naver' }, { __typename: 'Person' }] },
    },
  });
});

test('bad abstract values and list items answer as graphql-jit answered them before the patch', async () => {
  const schema = schemaOver(bad);
  const answer = await jitAnswer(schema, `${QUERY.slice(0, -1)} strictNodes { id } }`);
  expect(answer).toMatchSnapshot();
  // Not vacuous: every kind of bad value is reported, at its path.
  const messages = ((answer as { errors?: { message: string }[] }).errors ?? []).map((e) => e.message);
  expect(new Set(messages)).toEqual(
    new Set([
      'Runtime Object type is not a possible type for "Entity".',
      'Runtime Object type "Robot" is not a possible type for "Entity".',
      'node failed',
      'pending failed',
      'Cannot return null for non-nullable field Fact.type.',
      'Cannot return null for non-nullable field Query.strictNodes.',
    ]),
  );
});

test('the patch is in force: no closure per list item or per abstract value', () => {
  const source = jitSource(schemaOver(clean), QUERY);
  expect(source).toMatch(/function Query__fieldnodesMapHandler\([^)]*\) {\s*if \(!__context\.rt\.isPromise/);
  expect(source).toContain('function Fact__currentItemfromEntityAbstract(__context, __abstractValue, nodeType');
  expect(source).not.toContain('((nodeType, err) =>');
});
