import { BadUserInputError } from '../errors/errors';
import { keysOfProps } from '../ingest/resolution-keys';
import { KIND_PROPERTIES, type EntityKind } from '../graph/ontology';
import type { CreateEntityInput, UpdateEntityInput } from './mutation.inputs';
import { checkProperties, checkSlug, cleanAliases, cleanText, slugFrom } from './mutation.validate';

type EntityInput = (CreateEntityInput | UpdateEntityInput) & {
  kind: EntityKind;
};

/**
 * The property map a create or update writes: common fields checked and NFC-normalized, the kind's
 * own properties checked against the ontology. On update, absent fields are left alone and a null
 * optional field is removed; `name` can change but never be removed.
 */
export function entityProps(input: EntityInput, creating: boolean): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (creating) {
    const create = input as CreateEntityInput;
    const name = cleanText(create.name, 'name');
    props.id = create.id != null ? checkSlug(create.id, 'id') : slugFrom(name, input.kind.toLowerCase());
    props.name = name;
    props.aliases = cleanAliases(create.aliases ?? [], 'aliases');
  } else {
    if (input.name === null) throw new BadUserInputError("'name' cannot be removed", 'name');
    if (input.name !== undefined) props.name = cleanText(input.name, 'name');
    if (input.aliases !== undefined) props.aliases = cleanAliases(input.aliases ?? [], 'aliases');
  }
  for (const key of ['nameKo', 'description', 'descriptionKo'] as const) {
    const value = input[key];
    if (value === undefined || (creating && value === null)) continue;
    props[key] = value === null ? null : cleanText(value, key);
  }
  Object.assign(props, checkProperties(KIND_PROPERTIES[input.kind], input.properties, 'properties', !creating));
  if (creating) props.resolutionKeys = keysOfProps(props);
  return props;
}
