/** Collapses every run of whitespace (line breaks, NBSP, ideographic spaces) to one space. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

/**
 * The article text the quotes cite. A quote is verbatim when, NFC-normalized and with whitespace
 * runs collapsed, it is a substring of the text treated the same way (so a quote may span a line break).
 */
export class SourceText {
  private readonly searchable: string;

  constructor(readonly text: string) {
    this.searchable = collapseWhitespace(text.normalize('NFC'));
  }

  contains(quote: string): boolean {
    const needle = collapseWhitespace(quote.normalize('NFC'));
    return needle !== '' && this.searchable.includes(needle);
  }
}
