/** One colour per entity kind (colour-blind-safe palette), used by the graph and the legend. */
export const KIND_COLORS: Record<string, string> = {
  Organization: '#0072b2',
  ResearchCenter: '#56b4e9',
  Person: '#e69f00',
  AIModel: '#d55e00',
  Project: '#009e73',
  Topic: '#cc79a7',
  Event: '#f0e442',
  Facility: '#8c6d31',
  Article: '#999999',
  Statement: '#6b6ecf',
  StockQuote: '#393b79',
};
export const UNKNOWN_COLOR = '#444444';

export const colorOf = (kind: string): string => KIND_COLORS[kind] ?? UNKNOWN_COLOR;

export function renderLegend(container: HTMLElement): void {
  container.replaceChildren(
    ...Object.entries(KIND_COLORS).map(([kind, color]) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = color;
      item.append(swatch, kind);
      return item;
    }),
    sizeNote(),
  );
}

function sizeNote(): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'legend-note';
  item.textContent = 'Size: PageRank (centrality)';
  return item;
}
