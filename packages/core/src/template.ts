/**
 * Fills `{{field}}` placeholders (dotted paths allowed: `{{meta.subject}}`) from `values`.
 * A missing field is an error naming it, never an empty string.
 */
export function renderTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_match, path: string) => {
    let current: unknown = values;
    for (const part of path.split('.')) {
      if (typeof current !== 'object' || current === null || !(part in current)) {
        throw new TemplateFieldError(path);
      }
      current = (current as Record<string, unknown>)[part];
    }
    if (current === null || current === undefined) throw new TemplateFieldError(path);
    return typeof current === 'string' ? current : typeof current === 'object' ? JSON.stringify(current) : String(current);
  });
}

export class TemplateFieldError extends Error {
  readonly field: string;
  constructor(field: string) {
    super(`the prompt template uses {{${field}}} but the item has no field "${field}"`);
    this.name = 'TemplateFieldError';
    this.field = field;
  }
}
