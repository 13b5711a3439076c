import DOMPurify from 'dompurify';

/** Tags a KML balloon may keep: text formatting, lists and links; nothing that loads or runs anything. */
const ALLOWED_TAGS = ['a', 'b', 'strong', 'i', 'em', 'u', 'br', 'p', 'div', 'span', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'table', 'tr', 'td', 'th', 'tbody', 'thead'];

/**
 * An imported HTML description (a KML balloon) as DOM nodes, sanitised by DOMPurify: formatting and
 * http(s) links kept (opened in a new tab, without referrer), scripts, handlers, styles, images and
 * every other tag or attribute removed.
 */
export function sanitizedHtml(html: string): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['href'], RETURN_DOM_FRAGMENT: true });
  for (const a of fragment.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(href)) a.removeAttribute('href');
    else {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
  }
  return fragment;
}
