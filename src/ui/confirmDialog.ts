import './confirmDialog.css';
import { el } from './dom';
import { questionDialog } from './questionDialog';

export interface ConfirmOptions {
  title: string;
  message: string;
  /** The label of the button that goes ahead, naming what it does. */
  confirm: string;
  /** The label of the button that keeps things as they are. */
  cancel: string;
}

/**
 * Asks in a modal `<dialog>` before a destructive action. Resolves true only when the confirm
 * button is pressed; Escape, the cancel button or removal of the dialog resolve false. The
 * cancel button has focus, so Enter alone destroys nothing.
 */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = questionDialog('confirm-question', options.title, options.message);
    const cancel = el('button', 'confirm-cancel', options.cancel);
    cancel.type = 'button';
    const confirm = el('button', 'confirm-danger', options.confirm);
    confirm.type = 'button';
    cancel.addEventListener('click', () => dialog.close('cancel'));
    confirm.addEventListener('click', () => dialog.close('confirm'));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
    });
    const buttons = el('div', 'confirm-buttons');
    buttons.append(cancel, confirm);
    dialog.append(buttons);
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
