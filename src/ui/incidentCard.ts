import type { Incident } from '../incidents';
import { CATEGORY_LABELS, GEO_PRECISION_LABELS, formatIncidentDate } from '../incidents';
import { categoryTextBackground } from '../map/palette';
import { addRow, el } from './dom';

const PRECISION_NOTE: Record<Incident['date_precision'], string> = {
  day: 'exact day',
  month: 'month only',
  year: 'year only',
};

/** Everything a reader needs about one incident, built as DOM with text nodes only. */
export function buildIncidentCard(incident: Incident, extra?: Node): HTMLElement {
  const card = el('article', 'incident-card');
  card.dataset.incidentId = incident.id;

  const badge = el('span', 'category-badge', CATEGORY_LABELS[incident.category]);
  badge.style.setProperty('--category-color', categoryTextBackground(incident.category));
  const title = el('h2', 'incident-title', incident.title);
  title.tabIndex = -1;
  card.append(badge, title);

  const dl = el('dl', 'incident-facts');
  const dateNote = incident.date_latest ? 'not dated by the source, only bounded' : PRECISION_NOTE[incident.date_precision];
  addRow(dl, 'Date', `${formatIncidentDate(incident)} (${dateNote})`);
  if (incident.duration_minutes !== undefined) addRow(dl, 'Duration', `about ${incident.duration_minutes} minutes`);
  addRow(dl, 'Place', `${incident.location} (${GEO_PRECISION_LABELS[incident.geo_precision]})`);
  addRow(dl, 'On the border', incident.on_border ? 'Yes' : 'No');
  if (incident.actors.length > 0) addRow(dl, 'Actors', incident.actors.join('; '));
  card.append(dl);

  if (extra) card.append(extra);

  card.append(el('p', 'incident-description', incident.description));

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
    const label = `${s.title}, ${s.publisher}${s.author ? `, ${s.author}` : ''}, ${s.date}`;
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
