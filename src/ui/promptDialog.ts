import { el } from './dom';
import { questionDialog } from './questionDialog';

export interface PromptOptions {
  title: string;
  message: string;
  /** The text field's label. */
  label: string;
  /** What the field holds when the dialog opens. */
  value: string;
  /** Values offered as the user types, each with what it shows. */
  suggestions?: readonly { value: string; label: string }[];
  /** The label of the button that goes ahead, naming what it does. */
  confirm: string;
  /** The label of the button that keeps things as they are. */
  cancel: string;
}

let prompts = 0;

/**
 * Asks for one line of text in a modal `<dialog>` (the same look as confirmDialog). Resolves the
 * trimmed text when confirmed (the button, or Enter in the field), or null on Escape, Cancel or a
 * blank field. The field has focus with its text selected.
 */
export function promptDialog(options: PromptOptions): Promise<string | null> {
  return new Promise((resolve) => {
    prompts += 1;
    const dialog = questionDialog('prompt-dialog', options.title, options.message);
    const form = el('form');
    form.method = 'dialog';
    const label = el('label', 'prompt-field');
    const input = el('input');
    input.type = 'text';
    input.value = options.value;
    input.required = true;
    input.maxLength = 200;
    label.append(el('span', undefined, options.label), input);
    if (options.suggestions && options.suggestions.length > 0) {
      const list = el('datalist');
      list.id = `prompt-suggestions-${prompts}`;
      list.append(...options.suggestions.map((s) => {
        const o = el('option');
        o.value = s.value;
        o.label = s.label;
        return o;
      }));
      input.setAttribute('list', list.id);
      label.append(list);
    }
    const cancel = el('button', 'confirm-cancel', options.cancel);
    cancel.type = 'button';
    cancel.addEventListener('click', () => dialog.close('cancel'));
    const confirm = el('button', 'confirm-go', options.confirm);
    confirm.type = 'submit';
    confirm.value = 'confirm';
    const buttons = el('div', 'confirm-buttons');
    buttons.append(cancel, confirm);
    form.append(label, buttons);
    dialog.addEventListener('close', () => {
      dialog.remove();
      const text = input.value.trim();
      resolve(dialog.returnValue === 'confirm' && text !== '' ? text : null);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
    input.select();
  });
}
