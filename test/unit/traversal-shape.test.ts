import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { traversalShape } from '../../src/traversal/traversal.shape';

/** The shape our resolver would read for the first root field of `document`. */
function shapeOf(document: string, factsField: 'edges' | 'relationships' = 'edges') {
  const doc = parse(document);
  const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const root = operation.selectionSet.selections[0] as FieldNode;
  return traversalShape({ fieldNodes: [root], fragments }, factsField);
}

test('a drawing selection reads ids, the names asked for and slim facts', () => {
  expect(
    shapeOf('{ neighborhood(id: "x") { nodes { id name } edges { type from { id } to { id } } truncated } }'),
  ).toEqual({
    nodeNames: ['name'],
    slimFacts: true,
  });
  expect(shapeOf('{ neighborhood(id: "x") { edges { type label labelKo from { id } to { id } } } }').slimFacts).toBe(
    true,
  );
  expect(
    shapeOf(
      '{ shortestPath(from: "a", to: "b") { length nodes { id kind } relationships { id type } } }',
      'relationships',
    ),
  ).toEqual({ nodeNames: [], slimFacts: true });
});

test("the facts' ends are nodes too: their selection counts", () => {
  expect(
    shapeOf('{ neighborhood(id: "x") { nodes { id } edges { from { nameKo } to { aliases } } } }').nodeNames,
  ).toEqual(['nameKo', 'aliases']);
  expect(shapeOf('{ neighborhood(id: "x") { nodes { id } edges { from { description } } } }').nodeNames).toBeNull();
});

test('provenance, properties or any stored field read the whole thing', () => {
  const provenance = shapeOf('{ neighborhood(id: "x") { nodes { id } edges { type provenance { quote } } } }');
  expect(provenance).toEqual({ nodeNames: [], slimFacts: false });
  expect(shapeOf('{ neighborhood(id: "x") { edges { properties } } }').slimFacts).toBe(false);
  expect(shapeOf('{ neighborhood(id: "x") { nodes { id description } } }').nodeNames).toBeNull();
  expect(shapeOf('{ neighborhood(id: "x") { nodes { ... on Organization { country } } } }').nodeNames).toBeNull();
});

test('fields resolved by their own queries stay slim; fragments are followed', () => {
  const typed = shapeOf('{ neighborhood(id: "x") { nodes { ... on Organization { partners { other { id } } } } } }');
  expect(typed.nodeNames).toEqual([]);
  const spread = shapeOf('query { neighborhood(id: "x") { nodes { ...N } } } fragment N on Entity { id name aliases }');
  expect(spread.nodeNames).toEqual(['name', 'aliases']);
  const storedInFragment = shapeOf(
    'query { neighborhood(id: "x") { nodes { ...N } } } fragment N on Entity { descriptionKo }',
  );
  expect(storedInFragment.nodeNames).toBeNull();
});

test('a field under @include counts as selected: a variable can bring it back', () => {
  const shape = shapeOf(
    'query ($p: Boolean!) { neighborhood(id: "x") { nodes { id description @include(if: $p) } edges { provenance @skip(if: $p) { quote } } } }',
  );
  expect(shape).toEqual({ nodeNames: null, slimFacts: false });
});
