/**
 * HTML building blocks of the static site. Everything from a run (model output, dataset text,
 * ids) goes through `escapeHtml`; pages carry a Content-Security-Policy that allows scripts
 * only from the site's own files, so even markup that slipped through could not run.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] as string);
}

/** JSON safe inside `<script type="application/json">`: no `<`, `>`, `&` or line separators that could end or confuse the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Scripts only from the site itself, no inline script, no plugins, no remote anything. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'";

/** A whole page. `root` is the relative path from the page to the site's root (`''` or `'../../'`). */
export function htmlPage(options: { title: string; root: string; body: string; scripts?: string[] }): string {
  const scripts = (options.scripts ?? []).map((script) => `<script src="${options.root}assets/${script}" defer></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${options.root}assets/site.css">
${scripts}
</head>
<body>
${options.body}
</body>
</html>
`;
}
