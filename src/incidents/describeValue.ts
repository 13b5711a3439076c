const MAX_LENGTH = 60;

function clip(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text;
}

/**
 * A short, one-line rendering of a bad value for an error message: strings in single quotes
 * ('2023-13-01'), numbers as written (95, NaN), other values as clipped JSON. Control characters
 * are escaped so hostile text cannot break the message's line.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') {
    const escaped = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"');
    return `'${clip(escaped)}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  try {
    return clip(JSON.stringify(value) ?? String(value));
  } catch {
    return Array.isArray(value) ? 'an array' : 'an object';
  }
}
