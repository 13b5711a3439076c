// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { confirmDialog } from '../../src/ui/confirmDialog';

const OPTIONS = { title: 'Remove 3 imported incidents?', message: 'All 3 go.', confirm: 'Remove 3', cancel: 'Keep them' };

function button(label: string): HTMLButtonElement {
  const found = [...document.querySelectorAll<HTMLButtonElement>('dialog button')].find((b) => b.textContent === label);
  if (!found) throw new Error(`no button '${label}' in the dialog`);
  return found;
}

afterEach(() => document.body.replaceChildren());

describe('confirmDialog', () => {
  it('shows a modal dialog naming the action, with the safe button focused', () => {
    void confirmDialog(OPTIONS);
    const dialog = document.querySelector('dialog');
    expect(dialog?.open).toBe(true);
    expect(dialog?.querySelector('h2')?.textContent).toBe('Remove 3 imported incidents?');
    expect(document.activeElement).toBe(button('Keep them'));
  });

  it('resolves true on the confirm button and removes the dialog', async () => {
    const answer = confirmDialog(OPTIONS);
    button('Remove 3').click();
    expect(await answer).toBe(true);
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('resolves false on the cancel button', async () => {
    const answer = confirmDialog(OPTIONS);
    button('Keep them').click();
    expect(await answer).toBe(false);
    expect(document.querySelector('dialog')).toBeNull();
  });
});
