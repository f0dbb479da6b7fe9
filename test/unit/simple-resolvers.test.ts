import { getNamedType, isEnumType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { getSchema } from '../../src/server/schema';

/**
 * Types built with `simpleResolvers: true` answer their plain fields by a bare property read, so
 * type-graphql's per-field wrapper, where @Authorized and @UseMiddleware run, is gone for them.
 * A guarded field on such a type (or inherited into it) would be readable by anyone.
 */
test('no type with simple resolvers has a guarded field', async () => {
  await getSchema();
  const storage = getMetadataStorage();
  const guarded = [...storage.authorizedFields, ...storage.middlewares].map((m) => m.target as Class);
  const simple = storage.objectTypes.filter((t) => t.simpleResolvers);
  expect(simple.map((t) => t.name)).toEqual(expect.arrayContaining(['Relationship', 'Organization', 'PageInfo']));
  type Class = abstract new (...args: never[]) => unknown;
  const inherits = (child: Class, parent: Class) => child === parent || child.prototype instanceof parent;
  const leaks = simple.filter((t) => guarded.some((target) => inherits(t.target as Class, target))).map((t) => t.name);
  expect(leaks).toEqual([]);
  expect(storage.objectTypes.find((t) => t.name === 'Person')?.simpleResolvers).toBeFalsy();
});

/**
 * A field with a direct resolver (src/server/direct-resolvers.ts) skips type-graphql's wrapper as
 * well, so the same holds for it: no @Authorized or middleware may sit on such a field, and its
 * arguments must be scalars or enums (the wrapper would turn an input object into its class).
 */
test('no field answered directly is guarded or takes an input object', async () => {
  const schema = await getSchema();
  const direct = new Set<string>();
  const objectArgs: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (!field.extensions.directResolve) continue;
      direct.add(name);
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        if (!isScalarType(named) && !isEnumType(named)) objectArgs.push(`${type.name}.${name}(${arg.name})`);
      }
    }
  }
  expect([...direct]).toEqual(
    expect.arrayContaining(['relationships', 'partners', 'investments', 'entity', 'shortestPath', 'neighborhood']),
  );
  expect(objectArgs).toEqual([]);
  const storage = getMetadataStorage();
  const guarded = [...storage.authorizedFields, ...storage.middlewares].map((m) => m.fieldName);
  expect(guarded.filter((name) => name && direct.has(name))).toEqual([]);
});
