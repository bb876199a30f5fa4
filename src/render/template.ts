// The strict template renderer: `{{ name }}` / `{{ a.b }}` only; anything undefined or unsafe is an error.
import { HfleetError } from '../errors.js';

/** Variables a template may reference: scalars, or nested objects of them. */
export interface TemplateVars {
  [name: string]: TemplateValue;
}
/** One template variable's value (lists are allowed in vars but cannot be rendered). */
export type TemplateValue = string | number | boolean | readonly (string | number | boolean)[] | TemplateVars;

const TAG = /\{\{([^{}]*)\}\}/g;
const NAME = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Render a template's text with these variables; throws TEMPLATE_INVALID naming the template and line. */
export function renderTemplate(templateName: string, text: string, vars: TemplateVars): string {
  return text
    .split('\n')
    .map((line, index) =>
      renderLine(line, vars, (message) => templateError(templateName, index + 1, message)),
    )
    .join('\n');
}

function renderLine(line: string, vars: TemplateVars, fail: (message: string) => never): string {
  const rendered = line.replace(TAG, (_tag, inner: string) => {
    const name = NAME.exec(inner)?.[1];
    if (name === undefined) fail(`malformed tag '{{${inner}}}'`);
    return scalarText(name, lookup(vars, name), fail);
  });
  const leftover = line.replace(TAG, '');
  if (leftover.includes('{{') || leftover.includes('}}')) fail(`malformed tag in '${line.trim()}'`);
  return rendered;
}

function lookup(vars: TemplateVars, name: string): TemplateValue | undefined {
  let current: TemplateValue | undefined = vars;
  for (const part of name.split('.')) {
    if (current === undefined || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = Object.hasOwn(current, part) ? (current as TemplateVars)[part] : undefined;
  }
  return current;
}

function scalarText(
  name: string,
  value: TemplateValue | undefined,
  fail: (message: string) => never,
): string {
  if (value === undefined) fail(`undefined variable '${name}'`);
  if (typeof value === 'object') fail(`variable '${name}' is not a string, number or boolean`);
  const text = String(value);
  if (CONTROL.test(text)) {
    fail(`variable '${name}' contains a newline or control character, which would change the unit's meaning`);
  }
  return text;
}

function templateError(templateName: string, line: number, message: string): never {
  throw new HfleetError('TEMPLATE_INVALID', `template ${templateName}: line ${line}: ${message}`, {
    hint: 'templates may use only {{ name }} or {{ a.b }} with variables the inventory defines',
  });
}
