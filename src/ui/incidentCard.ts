import type { Incident } from '../incidents';
import { categoryLabel, GEO_PRECISION_LABELS, ON_BORDER_KM, formatIncidentDate } from '../incidents';
import { categoryTextBackground, categoryTextColor } from '../map/palette';
import { addRow, el } from './dom';
import { sanitizedHtml } from './richText';

const PRECISION_NOTE: Record<Incident['date_precision'], string> = {
  day: 'exact day',
  month: 'month only',
  year: 'year only',
};

/** Everything a reader needs about one incident, built as DOM with text nodes only. */
export function buildIncidentCard(incident: Incident, extra?: Node): HTMLElement {
  const card = el('article', 'incident-card');
  card.dataset.incidentId = incident.id;

  const badge = el('span', 'category-badge', categoryLabel(incident.category));
  // Ours on a darker shade of their colour; an import's own on its hashed colour, with black or white text, whichever reads better.
  badge.style.setProperty('--category-color', categoryTextBackground(incident.category));
  badge.style.setProperty('--category-text', categoryTextColor(incident.category));
  const title = el('h2', 'incident-title', incident.title);
  title.tabIndex = -1;
  card.append(badge, title);

  const dl = el('dl', 'incident-facts');
  const dateNote = incident.date_latest ? 'not dated by the source, only bounded' : PRECISION_NOTE[incident.date_precision];
  const written = incident.date_original === undefined ? '' : `; written “${incident.date_original}”`;
  addRow(dl, 'Date', `${formatIncidentDate(incident)} (${dateNote}${written})`);
  if (incident.duration_minutes !== undefined) addRow(dl, 'Duration', `about ${incident.duration_minutes} minutes`);
  addRow(dl, 'Place', `${incident.location === '' ? 'not named' : incident.location} (${GEO_PRECISION_LABELS[incident.geo_precision]})`);
  const computed = incident.on_border_computed ? ` (computed: ${incident.on_border ? 'within' : 'more than'} ${ON_BORDER_KM} km of the border)` : '';
  addRow(dl, 'On the border', `${incident.on_border ? 'Yes' : 'No'}${computed}`);
  if (incident.actors.length > 0) addRow(dl, 'Actors', incident.actors.join('; '));
  card.append(dl);

  if (extra) card.append(extra);

  if (incident.description_html) {
    const description = el('div', 'incident-description');
    description.append(sanitizedHtml(incident.description));
    card.append(description);
  } else if (incident.description !== '') card.append(el('p', 'incident-description', incident.description));

  const fieldsKept = Object.entries(incident.extra ?? {});
  if (fieldsKept.length > 0) {
    const more = el('section', 'incident-more');
    more.append(el('h3', undefined, 'More fields'));
    const fields = el('dl', 'incident-extra');
    for (const [name, value] of fieldsKept) addRow(fields, name, value);
    more.append(fields);
    card.append(more);
  }

  if (incident.quotes.length > 0) {
    const quotes = el('section', 'incident-quotes');
    quotes.append(el('h3', undefined, 'Quotes'));
    for (const q of incident.quotes) {
      const fig = el('figure', 'quote');
      fig.append(el('blockquote', undefined, q.text));
      fig.append(el('figcaption', undefined, q.role ? `${q.speaker}, ${q.role}` : q.speaker));
      quotes.append(fig);
    }
    card.append(quotes);
  }

  const sources = el('section', 'incident-sources');
  sources.append(el('h3', undefined, incident.sources.length > 1 ? 'Sources' : 'Source'));
  const list = el('ul');
  for (const s of incident.sources) {
    const li = el('li');
    const label = [s.title, s.publisher, s.author, s.date].filter((part) => part !== undefined && part !== '').join(', ');
    if (s.url) {
      const a = el('a', undefined, label);
      a.href = s.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      li.append(a);
    } else {
      li.append(document.createTextNode(label));
    }
    list.append(li);
  }
  sources.append(list);
  card.append(sources);
  return card;
}
