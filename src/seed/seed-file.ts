import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SeedValidationError } from './seed.errors';
import { DOCUMENT_RECORD, recordLabel } from './seed.issues';
import type { SeedDocument } from './seed.types';
import { parseSeedDocument } from './validate';

const SOURCE_FILE_FIELD = 'properties.sourceFile';

function fail(record: string, field: string, message: string): never {
  throw new SeedValidationError([{ record, field, message }]);
}

/** `article.properties.sourceFile` of a raw document, before the document itself is validated. */
function sourceFileOf(raw: unknown): { label: string; sourceFile: string } {
  const article = typeof raw === 'object' && raw !== null && 'article' in raw ? raw.article : undefined;
  const label = recordLabel(article, 'article');
  const properties =
    typeof article === 'object' && article !== null && 'properties' in article ? article.properties : undefined;
  const sourceFile =
    typeof properties === 'object' && properties !== null && 'sourceFile' in properties
      ? properties.sourceFile
      : undefined;
  if (typeof sourceFile !== 'string' || sourceFile.trim() === '') {
    return fail(label, SOURCE_FILE_FIELD, 'required: the path of the article text, relative to the repository root');
  }
  return { label, sourceFile: sourceFile.trim() };
}

async function readText(file: string, record: string, field: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    return fail(record, field, `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads and validates a seed file (seeds/<name>.json) together with the article text it cites,
 * `article.properties.sourceFile`, resolved against the repository root (the JSON's folder's parent).
 */
export async function readSeedFile(jsonPath: string): Promise<SeedDocument> {
  const jsonFile = path.resolve(jsonPath);
  const json = await readText(jsonFile, DOCUMENT_RECORD, '(file)');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return fail(DOCUMENT_RECORD, '(json)', `${jsonFile}: ${error instanceof Error ? error.message : String(error)}`);
  }

  const repositoryRoot = path.dirname(path.dirname(jsonFile));
  const { label, sourceFile } = sourceFileOf(raw);
  const textFile = path.resolve(repositoryRoot, sourceFile);
  const relative = path.relative(repositoryRoot, textFile);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return fail(label, SOURCE_FILE_FIELD, `'${sourceFile}' is outside the repository`);
  }
  return parseSeedDocument(raw, await readText(textFile, label, SOURCE_FILE_FIELD));
}
