// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Notices } from '../../src/ui/notices';

let container: HTMLElement;
let notices: Notices;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  notices = new Notices(container, { maxLineLength: 20 });
});
afterEach(() => {
  notices.destroy();
  container.remove();
});

const escape = (): boolean => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));

describe('Notices', () => {
  test('announces the title only: an alert for errors, a status otherwise', () => {
    const error = notices.show('Could not read broken.csv', ['row 1: bad', 'row 2: bad'], 'error');
    const info = notices.show('Some values in the link were ignored', ['x'], 'info');
    const alert = error.querySelectorAll('[role="alert"]');
    expect(alert.length).toBe(1);
    expect(alert[0].textContent).toBe('Could not read broken.csv');
    expect(error.querySelector('[role] li')).toBeNull();
    expect(info.querySelector('[role="status"]')?.textContent).toBe('Some values in the link were ignored');
    expect(container.getAttribute('role')).toBeNull();
  });

  test('puts the details in a focusable list and cuts long values, keeping them whole in a tooltip', () => {
    const box = notices.show('Import', ['short', 'a'.repeat(50)]);
    const list = box.querySelector('ul.notice-details') as HTMLElement;
    expect(list.tabIndex).toBe(0);
    expect(list.getAttribute('aria-label')).toBe('2 details');
    const long = list.querySelectorAll('li')[1];
    expect(long.textContent).toBe(`${'a'.repeat(20)}…`);
    expect(long.title).toBe('a'.repeat(50));
  });

  test('Escape dismisses the newest notice, one per press', () => {
    notices.show('first');
    notices.show('second');
    expect(escape()).toBe(false);
    expect(notices.count).toBe(1);
    expect(container.textContent).toContain('first');
    escape();
    expect(notices.count).toBe(0);
    expect(escape()).toBe(true);
  });

  test('Escape taken by something else (open details) leaves the notices', () => {
    notices.show('kept');
    const taken = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    taken.preventDefault();
    window.dispatchEvent(taken);
    expect(notices.count).toBe(1);
  });
});
