import { getNamedType, isEnumType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { Entity } from '../../src/entity/entity.type';
import { getSchema } from '../../src/server/schema';

/**
 * Types built with `simpleResolvers: true` answer their plain fields by a bare property read, so
 * type-graphql's per-field wrapper, where @Authorized and @UseMiddleware run, is gone for them. A
 * guarded field on such a type (or inherited into it) must say `simple: false`, or it would be
 * readable by anyone: every guarded field of every object type still has its resolver.
 */
type Class = abstract new (...args: never[]) => unknown;
const inherits = (child: Class, parent: Class) => child === parent || child.prototype instanceof parent;

test('every guarded field keeps its wrapper, whatever its type does with the rest', async () => {
  const schema = await getSchema();
  const storage = getMetadataStorage();
  const guarded = [...storage.authorizedFields, ...storage.middlewares].filter((m) => m.fieldName);
  const checked: string[] = [];
  const bare: string[] = [];
  for (const meta of storage.objectTypes) {
    const type = schema.getType(meta.name);
    if (!isObjectType(type)) continue;
    for (const g of guarded) {
      if (!inherits(meta.target as Class, g.target as Class)) continue;
      const declared = storage.fields.find((f) => f.target === g.target && f.name === g.fieldName);
      const name = declared?.schemaName ?? (g.fieldName as string);
      checked.push(`${meta.name}.${name}`);
      if (!type.getFields()[name]?.resolve) bare.push(`${meta.name}.${name}`);
    }
  }
  expect(checked).toContain('Person.email');
  expect([...new Set(bare)]).toEqual([]);
});

/** Every kind reads its plain fields directly: a person's as well, though `email` is guarded. */
test("every kind's plain fields are read without a wrapper", async () => {
  const schema = await getSchema();
  const entity = schema.getType('Entity');
  if (!isInterfaceType(entity)) throw new Error('Entity is not an interface');
  const storage = getMetadataStorage();
  // The fields a resolver class answers for a kind: one on Entity answers them for every kind, one
  // on a kind for that kind only, and one on another type (a same-named field elsewhere) for none.
  const answeredFor = (kind: Class) =>
    new Set(
      storage.fieldResolvers
        .filter((r) => {
          const on = (r.getObjectType ?? r.resolverClassMetadata?.getObjectType)?.() as Class | undefined;
          return on !== undefined && inherits(kind, on);
        })
        .map((r) => r.schemaName),
    );
  const classOf = (name: string) => storage.objectTypes.find((t) => t.name === name)?.target as Class;
  // The interface's fields, not a list kept by hand; those no resolver answers on Entity must include these.
  const fields = Object.keys(entity.getFields());
  const onEntity = answeredFor(Entity);
  expect(fields.filter((name) => !onEntity.has(name))).toEqual(
    expect.arrayContaining(['id', 'name', 'nameKo', 'kind']),
  );
  const wrapped: string[] = [];
  for (const kind of schema.getPossibleTypes(entity)) {
    const answered = answeredFor(classOf(kind.name));
    for (const name of fields.filter((f) => !answered.has(f))) {
      const field = kind.getFields()[name];
      if (!field || field.resolve) wrapped.push(`${kind.name}.${name}`);
    }
  }
  expect(schema.getPossibleTypes(entity).map((k) => k.name)).toContain('Person');
  expect(wrapped).toEqual([]);
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
