import './confirmDialog.css';
import { el } from './dom';

let dialogs = 0;

/** A modal `<dialog>` (not yet shown) named by its `title` heading and described by its `message`. */
export function questionDialog(className: string, title: string, message: string): HTMLDialogElement {
  dialogs += 1;
  const dialog = el('dialog', `confirm-dialog ${className}`);
  const heading = el('h2', undefined, title);
  heading.id = `question-title-${dialogs}`;
  const text = el('p', undefined, message);
  text.id = `question-message-${dialogs}`;
  dialog.setAttribute('aria-labelledby', heading.id);
  dialog.setAttribute('aria-describedby', text.id);
  dialog.append(heading, text);
  return dialog;
}
