import type { Incident } from '../incidents';
import { el } from './dom';
import { buildIncidentCard } from './incidentCard';
import { renderIncidentList } from './IncidentListControl';

/** Without WebGL there is no map, but the incidents can still be read. */
export function renderWithoutMap(root: HTMLElement, incidents: readonly Incident[], openId: string | null): void {
  root.classList.add('no-map');
  const list = renderIncidentList(incidents, 'Incidents');
  const reader = el('div', 'fallback-reader');
  const show = (id: string): void => {
    const incident = incidents.find((i) => i.id === id);
    if (incident) reader.replaceChildren(buildIncidentCard(incident));
  };
  list.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-incident-id]') : null;
    if (target?.dataset.incidentId) show(target.dataset.incidentId);
  });
  root.append(list, reader);
  if (openId) show(openId);
}
