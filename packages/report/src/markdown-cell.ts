/** Text made safe for a Markdown table cell: backslashes and pipes escaped, line breaks joined. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
