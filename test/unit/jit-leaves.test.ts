import {
  execute,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { jitAnswer, jitSource, plainAnswer } from '../support/jit-answers';

/**
 * graphql-jit's leaf fields (scalars and enums) run through the code of our patch
 * (patches/graphql-jit+0.8.9.patch): each leaf site gets its own function, so a leaf that
 * serializes cleanly allocates nothing for the error it did not raise. What it answers must not
 * change: clean leaves as graphql-js answers them, and bad values (null in a non-null leaf, an
 * Error as a value, a serializer that throws or returns an invalid value, at every list depth) as
 * graphql-jit 0.8.9 answered them before the patch, recorded in this file's snapshot. (graphql-jit
 * and graphql-js differ on those: graphql-jit also reports the errors of a non-null field's
 * siblings, and refuses a serializer's NaN.)
 */
const Strict = new GraphQLScalarType({
  name: 'Strict',
  serialize(value) {
    if (value === 'nan') return NaN;
    if (value === 'undefined') return undefined;
    if (typeof value !== 'number') throw new TypeError(`Strict cannot represent ${String(value)}`);
    return value;
  },
});
const Kind = new GraphQLEnumType({ name: 'Kind', values: { A: { value: 'a' }, B: { value: 'b' } } });
const Item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString },
    count: { type: GraphQLInt },
    strict: { type: Strict },
    strictNonNull: { type: new GraphQLNonNull(Strict) },
    kind: { type: new GraphQLNonNull(Kind) },
    tags: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) },
  },
});
const good = { id: 7, name: 'Naver', count: 3, strict: 1.5, strictNonNull: 2, kind: 'a', tags: ['AI', '초거대'] };
const rows: Record<string, unknown>[] = [
  good,
  { ...good, id: null },
  { ...good, name: new Error('name failed'), count: 2 ** 40 },
  { ...good, strict: 'nan', strictNonNull: 'undefined' },
  { ...good, strict: 'text', kind: 'c' },
  { ...good, strictNonNull: 'text' },
  { ...good, strictNonNull: new Error('strict failed'), tags: ['AI', null] },
  { ...good, kind: null, name: null, strict: null },
];
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: { type: new GraphQLList(Item), resolve: () => rows },
      grid: { type: new GraphQLList(new GraphQLList(Item)), resolve: () => [rows.slice(0, 3), rows.slice(3)] },
      one: { type: Item, resolve: () => good },
    },
  }),
});

const FIELDS = 'id name count strict strictNonNull kind tags';
const QUERY = `{ items { ${FIELDS} } grid { ${FIELDS} } one { ${FIELDS} } }`;

test('clean leaves answer as graphql-js answers them', async () => {
  const query = `{ one { ${FIELDS} } }`;
  const expected = plainAnswer(await execute({ schema, document: parse(query) }));
  expect(await jitAnswer(schema, query)).toEqual(expected);
  // Not vacuous: the ID became a string, the enum its name, the custom scalar its value.
  expect(expected).toEqual({ data: { one: { ...good, id: '7', kind: 'A' } } });
});

test('bad leaf values answer as graphql-jit answered them before the patch', async () => {
  const answer = await jitAnswer(schema, QUERY);
  expect(answer).toMatchSnapshot();
  // Not vacuous: every kind of bad value is reported, at its path.
  const messages = ((answer as { errors?: { message: string }[] }).errors ?? []).map((e) => e.message);
  expect(new Set(messages)).toEqual(
    new Set([
      'Cannot return null for non-nullable field Item.id.',
      'name failed',
      'Int cannot represent non 32-bit signed integer value: 1099511627776',
      'Expected a value of type "Strict" but received: nan',
      'Expected a value of type "Strict" but received: undefined',
      'Strict cannot represent text',
      'Enum "Kind" cannot represent value: "c"',
      'strict failed',
      'Cannot return null for non-nullable field Item.tags.',
      'Cannot return null for non-nullable field Item.kind.',
    ]),
  );
});

test('a leaf selected twice under aliases answers at both places', async () => {
  expect(
    await jitAnswer(schema, '{ one { a: name b: name id kind } items { x: strict y: strict } }'),
  ).toMatchSnapshot();
});

test('the patch is in force: no leaf is compiled to the allocating runtime check', () => {
  const source = jitSource(schema, QUERY);
  expect(source).toContain('Leaf(__context, __value');
  expect(source).not.toMatch(/checkN(onNull|ullable)Leaf/);
});
