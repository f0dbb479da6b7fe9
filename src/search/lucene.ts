/**
 * Build a Lucene query from what a person typed. Every Lucene operator is escaped, so no input can
 * raise a parse error or smuggle in field names, wildcards or fuzzy terms; Latin words also match as
 * prefixes (Nav -> Naver), while Hangul goes through the index's CJK analyzer as bigrams.
 */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Longer input is cut: a name or alias is never this long, and Lucene clauses are capped anyway. */
export const MAX_QUERY_LENGTH = 200;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

export function luceneQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .slice(0, MAX_QUERY_LENGTH)
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, ' ').trim())
    .flatMap((w) => w.split(/\s+/))
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const clauses = words.map((w) => {
    const escaped = escapeLucene(w.toLowerCase());
    return /^[a-z0-9]{2,}$/i.test(w) ? `(${escaped} OR ${escaped}*)` : escaped;
  });
  return clauses.join(' ');
}
