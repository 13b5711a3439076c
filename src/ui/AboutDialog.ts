import { el } from './dom';

export interface AboutOptions {
  /** The length of the Zangilan–Bilasuvar stretch as drawn, in km; default 248.80. */
  stretchKm?: number;
  /** The dialog's heading; default "About this map". */
  title?: string;
}

/** A paragraph of text and links: strings are text, [label, href] pairs are links. */
type Part = string | readonly [string, string];

function para(...parts: Part[]): HTMLParagraphElement {
  const p = el('p');
  for (const part of parts) {
    if (typeof part === 'string') {
      p.append(part);
    } else {
      const a = el('a', undefined, part[0]);
      a.href = part[1];
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      p.append(a);
    }
  }
  return p;
}

/**
 * What the map shows and where its data comes from, in a modal `<dialog>`. Dialog convention here:
 * a native `<dialog>` opened with showModal() (Escape and the Close button close it), named by its
 * h2 through aria-labelledby, focus returned to the button that opened it.
 */
export class AboutDialog {
  readonly element: HTMLDialogElement;
  private opener: HTMLElement | null = null;

  constructor(options: AboutOptions = {}) {
    const dialog = el('dialog', 'app-dialog about-dialog');
    dialog.setAttribute('aria-labelledby', 'about-title');
    const head = el('div', 'app-dialog-head');
    const h2 = el('h2', undefined, options.title ?? 'About this map');
    h2.id = 'about-title';
    const close = el('button', 'app-dialog-close', 'Close');
    close.type = 'button';
    close.addEventListener('click', () => dialog.close());
    head.append(h2, close);
    const km = (options.stretchKm ?? 248.8).toFixed(2);
    const body = el('div', 'app-dialog-body');
    body.append(
      para('This map shows reported incidents along the border between Azerbaijan and Iran: airspace violations, shootings, drills, '
        + 'diplomatic events and others, each with its date, place, what happened and the sources that report it. '
        + 'Each marker is one incident; its colour is its category (see the legend). A ringed marker is an incident you imported.'),
      el('h3', undefined, 'The border'),
      para('The border is drawn from OpenStreetMap data (', ['@geo-maps/countries-maritime-10m', 'https://github.com/simonepri/geo-maps'],
        ', © OpenStreetMap contributors, ', ['ODbL', 'https://opendatacommons.org/licenses/odbl/'],
        '). It has two lines: Nakhchivan–Iran, all along the Aras river, and the mainland line from the Armenia–Azerbaijan–Iran tripoint in Zangilan district to the Caspian coast at Astara. '
        + 'Lengths are measured on the WGS84 ellipsoid along the line as drawn; a coarser or finer drawing of the same border gives other lengths.'),
      el('h3', undefined, 'The Zangilan–Bilasuvar stretch'),
      para(`Azerbaijan said an Iranian aircraft flew "from the direction of Zangilan district to Bilasuvar district and backwards" on 11 March 2023. `
        + `The sources name districts, not end points, so the highlighted stretch is our reading of them: from the tripoint to the border point nearest Bilasuvar town, ${km} km as drawn from OpenStreetMap data.`),
      el('h3', undefined, 'Incidents and their sources'),
      para('Every incident cites its sources (open an incident to see them, with links). Dates are given only as precisely as the sources give them, '
        + 'and distances from the border are measured from the marker.'),
      el('h3', undefined, 'Measuring'),
      para('Choose "Along border" and click two points near the border (or press Enter on the focused map to add its centre) to read the km of border between them; '
        + '"Ruler" measures a free line. Escape clears.'),
      el('h3', undefined, 'Licences'),
      para('Border and basemap: © OpenStreetMap contributors, ', ['ODbL', 'https://opendatacommons.org/licenses/odbl/'],
        '. Map rendering: ', ['MapLibre GL JS', 'https://maplibre.org/'], ' (BSD-3-Clause). Labels: Noto Sans (SIL Open Font License).'),
    );
    dialog.append(head, body);
    dialog.addEventListener('close', () => {
      if (this.opener?.isConnected) this.opener.focus();
      this.opener = null;
    });
    this.element = dialog;
  }

  open(): void {
    this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!this.element.isConnected) document.body.append(this.element);
    this.element.showModal();
  }
}
