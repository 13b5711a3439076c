/**
 * Makes the skip link move focus to the incident list (its first entry when open, else its
 * heading) without touching the address, whose hash holds the map view.
 */
export function wireSkipLink(link: HTMLAnchorElement | null, listSelector = '.incident-list'): void {
  link?.addEventListener('click', (e) => {
    const list = document.querySelector(listSelector);
    if (!list) return;
    e.preventDefault();
    const details = list.querySelector('details');
    const target = details?.open ? list.querySelector<HTMLElement>('.incident-list-item') : null;
    (target ?? list.querySelector<HTMLElement>('summary'))?.focus();
  });
}
