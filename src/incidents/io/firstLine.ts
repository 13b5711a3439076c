/** The text before its first line break (\r\n, \r or \n): a file's header or its first complaint. */
export function firstLine(text: string): string {
  return text.split(/\r\n|\r|\n/, 1)[0] ?? '';
}
