/**
 * Resolution keys: the forms under which a name matches another. Two mentions resolve to the same
 * entity when any of their keys are equal. A key is the name NFKC-normalized (㈜ -> (주), full-width
 * Latin -> ASCII), lower-cased, stripped of corporate affixes in both languages, and of spaces and
 * punctuation (LG AI연구원 = lg ai 연구원 = LG-AI연구원).
 */
const CORPORATE_AFFIXES: RegExp[] = [
  /^\(주\)/,
  /\(주\)$/,
  /^주식회사/,
  /주식회사$/,
  /^\(유\)/,
  /\(유\)$/,
  /[\s,]+(co\.?,?\s*ltd|inc|corp|corporation|company|co|ltd|limited|llc|plc|gmbh)\.?$/,
];
/** Shorter keys ("ai", "lg") are too ambiguous to merge on; they still match exactly via the id. */
const MIN_KEY_LENGTH = 2;

export function resolutionKey(name: string): string {
  let key = name.normalize('NFKC').toLowerCase().trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const affix of CORPORATE_AFFIXES) {
      const next = key.replace(affix, '').trim();
      if (next !== key && next.length > 0) {
        key = next;
        changed = true;
      }
    }
  }
  return key.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Every key of an entity: its name, Korean name and aliases. */
export function resolutionKeys(names: (string | null | undefined)[]): string[] {
  const keys = names.filter((n): n is string => typeof n === 'string').map(resolutionKey);
  return [...new Set(keys.filter((k) => k.length >= MIN_KEY_LENGTH))].sort();
}

/** The keys of a property map as written (name, nameKo, aliases). */
export function keysOfProps(props: Record<string, unknown>): string[] {
  const aliases = Array.isArray(props.aliases) ? (props.aliases as unknown[]).map(String) : [];
  return resolutionKeys([props.name as string, props.nameKo as string, ...aliases]);
}
