import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { checkVariables } from '../../src/server/variables';

/** A request's variables are checked once, whichever of the cost limit and execution asks first. */

const schema = buildSchema('type Query { entity(id: ID!, first: Int): String }');
const operation = parse('query Q($id: ID!, $first: Int = 5) { entity(id: $id, first: $first) }')
  .definitions[0] as OperationDefinitionNode;

test('coerces a request’s variables with their defaults, and answers the same request from memory', () => {
  const request = { variables: { id: 7 } };
  const checked = checkVariables(schema, operation, request);
  expect(checked).toEqual({ coerced: { id: '7', first: 5 } });
  expect(checkVariables(schema, operation, request)).toBe(checked);
});

test('another request with equal variables is checked on its own', () => {
  const first = checkVariables(schema, operation, { variables: { id: 'a' } });
  const second = checkVariables(schema, operation, { variables: { id: 'a' } });
  expect(second).toEqual(first);
  expect(second).not.toBe(first);
});

test('a bad variable gives graphql-js’s error, every time it is asked', () => {
  const request = { variables: { first: 'ten' } };
  const checked = checkVariables(schema, operation, request);
  expect(checked.errors?.map((e) => e.message)).toEqual([
    expect.stringContaining('"$id" of required type "ID!" was not provided'),
    expect.stringContaining('"$first" got invalid value "ten"'),
  ]);
  expect(checkVariables(schema, operation, request)).toBe(checked);
});
