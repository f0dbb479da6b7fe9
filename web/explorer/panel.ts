import type { EntityDetails, Fact } from './api';
import { colorOf } from './kinds';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The side panel: an entity's properties, then each drawn fact with its quote (provenance). */
export function renderPanel(
  panel: HTMLElement,
  entity: EntityDetails,
  facts: Fact[],
  nameOf: (id: string) => string,
  onExpand: () => void,
): void {
  const title = el('h2', entity.name);
  const kind = el('span', entity.kind, 'kind');
  kind.style.background = colorOf(entity.kind);
  const expand = el('button', 'Expand neighbours · 이웃 펼치기');
  expand.type = 'button';
  expand.id = 'expand';
  expand.addEventListener('click', onExpand);

  const props = el('dl');
  const rows: [string, string | null][] = [
    ['id', entity.id],
    ['nameKo', entity.nameKo],
    ['aliases', entity.aliases.join(', ')],
    ['description', entity.description],
    ['descriptionKo', entity.descriptionKo],
  ];
  for (const [k, v] of rows) if (v) props.append(el('dt', k), el('dd', v));

  const list = el('ul', undefined, 'facts');
  for (const f of facts) {
    const item = el('li');
    item.append(el('div', `${nameOf(f.from.id)} —${f.type}→ ${nameOf(f.to.id)}`, 'fact'));
    const extra = Object.entries(f.properties).filter(([k]) => k !== 'quote' && k !== 'source');
    if (extra.length) item.append(el('div', extra.map(([k, v]) => `${k}: ${formatValue(v)}`).join(' · '), 'props'));
    const quote = el('blockquote', f.provenance.quote, 'quote');
    item.append(quote);
    const source = [f.provenance.article?.name, f.provenance.time].filter(Boolean).join(' · ');
    if (source) item.append(el('div', source, 'source'));
    list.append(item);
  }
  panel.replaceChildren(title, kind, expand, props, el('h3', `Facts drawn · 사실 (${facts.length})`), list);
}
