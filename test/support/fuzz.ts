import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { prng } from '../../src/common/prng';

export { prng };

const IDS = ['naver', 'kt', 'kaist', 'snu', 'lg-ai-research', 'gpt-3', 'jo-seulgina', 'no-such-id'];
const STRINGS = ['네이버', 'KAIST', 'a', '', "x' OR 1=1 //", '\u{1F600}', '%', '*', 'AND', '"', '\\'];
/** Sizes stay small so a valid operation is cheap; the limits are tested elsewhere. */
const MAX_SIZE = 5;
const MAX_DEPTH = 4;

export class OperationGenerator {
  /** Fields with arguments get unique aliases, so two picks of one field never conflict. */
  private aliases = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rand: () => number,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)] as T;
  }

  /** A random, schema-valid query (or, rarely, a mutation) as text. */
  operation(): string {
    const mutation = this.schema.getMutationType();
    if (mutation && this.rand() < 0.1)
      return `mutation { ${this.field(this.pick(Object.values(mutation.getFields())), 0)} }`;
    const query = this.schema.getQueryType();
    if (!query) throw new Error('schema has no Query type');
    const fields = Object.values(query.getFields());
    const chosen = Array.from({ length: 1 + Math.floor(this.rand() * 2) }, () => this.pick(fields));
    return `{ ${chosen.map((f) => this.field(f, 0)).join(' ')} }`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args.filter((a) => isNonNullType(a.type) || this.rand() < 0.3).map((a) => this.arg(a));
    const argText = args.length ? `(${args.join(', ')})` : '';
    const sel = this.selection(getNamedType(field.type), depth + 1);
    const alias = field.args.length ? `x${this.aliases++}: ` : '';
    return `${alias}${field.name}${argText}${sel}`;
  }

  private selection(type: GraphQLNamedType, depth: number): string {
    if (isScalarType(type) || isEnumType(type)) return '';
    if (isUnionType(type) || isInterfaceType(type)) {
      const impls = isUnionType(type) ? type.getTypes() : this.schema.getPossibleTypes(type);
      const impl = this.pick(impls);
      return `{ __typename ... on ${impl.name} ${this.selection(impl, depth)} }`;
    }
    if (!isObjectType(type)) return '';
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => {
      const t = getNamedType(f.type);
      return (isScalarType(t) || isEnumType(t)) && f.args.every((a) => !isNonNullType(a.type));
    });
    const branches = depth < MAX_DEPTH ? fields.filter((f) => !leaves.includes(f)) : [];
    const parts = [this.pick(leaves.length ? leaves : fields).name];
    for (let i = 0; i < 3; i++) {
      if (branches.length && this.rand() < 0.4) parts.push(this.field(this.pick(branches), depth));
      else if (leaves.length) parts.push(this.pick(leaves).name);
    }
    return `{ ${[...new Set(parts)].join(' ')} }`;
  }

  private arg(arg: GraphQLArgument): string {
    return `${arg.name}: ${this.value(arg.type, arg.name)}`;
  }

  private value(type: GraphQLInputType, name: string): string {
    const t = getNullableType(type);
    if (isListType(t)) return `[${this.value(t.ofType as GraphQLInputType, name)}]`;
    if (isEnumType(t)) return this.pick(t.getValues()).name;
    if (isInputObjectType(t)) {
      const fields = Object.values(t.getFields()).filter((f) => isNonNullType(f.type) || this.rand() < 0.3);
      return `{ ${fields.map((f) => `${f.name}: ${this.value(f.type, f.name)}`).join(', ')} }`;
    }
    switch (t.name) {
      case 'Int':
        return String(1 + Math.floor(this.rand() * MAX_SIZE));
      case 'Float':
        return String(this.rand());
      case 'Boolean':
        return this.rand() < 0.5 ? 'true' : 'false';
      case 'ID':
        return JSON.stringify(this.pick(IDS));
      case 'Date':
        return '"2021-05-24"';
      case 'DateTime':
        return '"2021-05-24T09:00:00Z"';
      case 'BigInt':
        return String(Math.floor(this.rand() * 1e12));
      case 'JSONObject':
        return '{}';
      default:
        return JSON.stringify(/id$/i.test(name) ? this.pick(IDS) : this.pick(STRINGS));
    }
  }
}

const JUNK = [
  '{',
  '}',
  '(',
  ')',
  '"',
  '...',
  '$x',
  '@skip',
  ':',
  '!',
  '\u0000',
  '\uD800',
  '#',
  'null',
  '-1e999',
  '__schema',
];

/** A valid operation, broken: a character dropped, junk inserted, a span cut or repeated. */
export function mutate(text: string, rand: () => number): string {
  const at = Math.floor(rand() * text.length);
  const junk = JUNK[Math.floor(rand() * JUNK.length)] as string;
  switch (Math.floor(rand() * 5)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + junk + text.slice(at);
    case 2:
      return text.slice(0, at);
    case 3:
      return text.slice(0, at) + text.slice(at, at + 20) + text.slice(at);
    default:
      return text.replace(/\b\d+\b/, '99999999999').replace(/"[^"]*"/, '123');
  }
}
