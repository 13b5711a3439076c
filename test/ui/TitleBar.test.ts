// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TitleBar } from '../../src/ui/TitleBar';

const LINK = 'http://localhost/?incident=a#7/39/47';

function build(): { bar: TitleBar; actions: HTMLElement } {
  const actions = document.createElement('div');
  const range = document.createElement('p');
  document.body.append(actions, range);
  return { bar: new TitleBar(actions, range, { onAbout: () => undefined, link: () => LINK }), actions };
}

async function share(actions: HTMLElement): Promise<string> {
  actions.querySelector<HTMLButtonElement>('.title-share')?.click();
  await vi.waitFor(() => expect(actions.querySelector('.title-status')?.textContent).not.toBe(''));
  return actions.querySelector('.title-status')?.textContent ?? '';
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('TitleBar: Share', () => {
  it('opens the system share sheet with the view’s link where there is one, and says so', async () => {
    const shared: ShareData[] = [];
    vi.stubGlobal('navigator', { share: (data: ShareData) => { shared.push(data); return Promise.resolve(); } });
    const { bar, actions } = build();
    expect(await share(actions)).toBe('Link shared.');
    expect(shared).toEqual([{ title: document.title, url: LINK }]);
    bar.destroy();
  });

  it('copies the link where there is no share sheet', async () => {
    const copied: string[] = [];
    vi.stubGlobal('navigator', { clipboard: { writeText: (text: string) => { copied.push(text); return Promise.resolve(); } } });
    const { bar, actions } = build();
    expect(await share(actions)).toBe('Link to this view copied.');
    expect(copied).toEqual([LINK]);
    bar.destroy();
  });

  it('says nothing when the reader closes the share sheet, and what failed otherwise', async () => {
    vi.stubGlobal('navigator', { share: () => Promise.reject(new DOMException('cancelled', 'AbortError')) });
    const { bar, actions } = build();
    actions.querySelector<HTMLButtonElement>('.title-share')?.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(actions.querySelector('.title-status')?.textContent).toBe('');
    bar.destroy();
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    const second = build();
    expect(await share(second.actions)).toBe('Could not share the link: denied. Copy it from the address bar.');
    second.bar.destroy();
  });
});
