/**
 * Where the static site (`ladder report --site <dir>`) puts each page, relative to its root.
 * The gate's Markdown links into a site with these, so both agree on one scheme.
 */

/** A file-name-safe, collision-free form of an id: letters, digits, `.` and `-` kept, anything else `_` plus its code point in hex (`/` is `_2f`). */
export function siteSlug(text: string): string {
  let slug = '';
  for (const character of text) slug += /[A-Za-z0-9.-]/.test(character) ? character : `_${(character.codePointAt(0) as number).toString(16)}`;
  return slug === '' || slug.startsWith('.') ? `_${slug}` : slug;
}

/** The page holding every sample of one suite x model: `samples/<suite>/<model>.html`. */
export function samplePagePath(suite: string, model: string): string {
  return `samples/${siteSlug(suite)}/${siteSlug(model)}.html`;
}

/** The anchor of one sample x repeat on its page (without `#`). */
export function sampleAnchor(sampleId: string, repeat: number): string {
  return `s-${siteSlug(sampleId)}-r${repeat}`;
}

/** A link to one sample from the site's root URL (or a relative path), e.g. for a pull-request comment. */
export function sampleHref(siteRoot: string, suite: string, model: string, sampleId: string, repeat: number): string {
  const root = siteRoot === '' || siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`;
  return `${root}${samplePagePath(suite, model)}#${sampleAnchor(sampleId, repeat)}`;
}
