import type { CatalogFunction, CatalogParam, CatalogParamType } from '../../shared/catalog/types';
import { translate } from '../../shared/i18n';
import { sidebarMessages } from '../../shared/i18n/sidebar-messages';
import { SERVER_FUNCTION_NAMES } from '../server-api';

/**
 * Top-level declarations appended to the bundled `Code.js`. Apps Script finds custom functions,
 * menu handlers and `google.script.run` targets only among top-level `function` declarations of
 * the project, and Sheets' autocomplete reads each custom function's JSDoc
 * (https://developers.google.com/apps-script/guides/sheets/functions#autocomplete): a
 * `@customfunction` tag, one `@param` per parameter and a `@return`. Each declaration forwards
 * to the bundle's library object (`LIBRARY_NAME`).
 */

/** The `var` the bundle assigns its exports to (webpack `output.library.name`). */
export const LIBRARY_NAME = '__cb';

/** Triggers and menu handlers declared at top level besides the server functions. */
export const TRIGGER_FUNCTION_NAMES: readonly string[] = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'onHomepage',
];

const JSDOC_TYPES: Readonly<Record<CatalogParamType, string>> = {
  number: 'number',
  integer: 'number',
  day: 'Date',
  text: 'string',
  boolean: 'boolean',
  range: 'Array<Array<*>>',
};

/** A custom function name Sheets accepts and JavaScript can declare (`P_ALIVE`, `RFM`). */
const FUNCTION_NAME = /^[A-Z][A-Z0-9_]*[A-Z0-9]$/;
const PARAM_NAME = /^[a-z][A-Za-z0-9]*$/;

/** Text safe inside a `/** ... *\/` block on one line. */
function jsdocText(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
}

function paramDescription(param: CatalogParam): string {
  const parts = [param.description.en];
  if (param.unit !== undefined)
    parts.push(`(${translate(sidebarMessages, 'unitLabel', 'en', { unit: param.unit })})`);
  if (param.optional) parts.push(translate(sidebarMessages, 'optionalSuffix', 'en'));
  return jsdocText(parts.join(' '));
}

/**
 * The JSDoc block and declaration of one custom function, e.g. for `RFM(transactions, asOf)`:
 * `function RFM(transactions, asOf) { return __cb.invoke('RFM', [transactions, asOf]); }`.
 * Throws `Error` when the name or a parameter name is not a valid identifier for Sheets.
 */
export function customFunctionDeclaration(fn: CatalogFunction): string {
  if (!FUNCTION_NAME.test(fn.name)) {
    throw new Error(`Catalog function name ${fn.name} cannot be a Sheets custom function`);
  }
  const names = fn.params.map((p) => p.name);
  for (const name of names) {
    if (!PARAM_NAME.test(name)) throw new Error(`Parameter ${fn.name}.${name} is not camelCase`);
  }
  if (new Set(names).size !== names.length) {
    throw new Error(`Catalog function ${fn.name} repeats a parameter name`);
  }
  const lines = ['/**', ` * ${jsdocText(fn.description.en)}`, ' *'];
  for (const p of fn.params) {
    const type = JSDOC_TYPES[p.type] + (p.optional ? '=' : '');
    lines.push(` * @param {${type}} ${p.name} ${paramDescription(p)}`);
  }
  const returns =
    fn.result === 'array' ? '{Array<Array<*>>} A table, one row per item.' : '{*} The value.';
  lines.push(` * @return ${returns}`, ' * @customfunction', ' */');
  const list = names.join(', ');
  lines.push(
    `function ${fn.name}(${list}) {`,
    `  return ${LIBRARY_NAME}.invoke('${fn.name}', [${list}]);`,
    '}',
  );
  return lines.join('\n');
}

/** A plain forwarding declaration for a trigger or a server function (not a custom function). */
function forwardingDeclaration(name: string, target: string): string {
  return [
    `function ${name}() {`,
    `  return ${LIBRARY_NAME}.${target}.apply(null, arguments);`,
    '}',
  ].join('\n');
}

/**
 * All top-level declarations for the bundle: one custom function per catalog entry (in catalog
 * order), the triggers (`onOpen`, `onInstall`, `showSidebar`) and the server functions the sidebar
 * calls. Throws `Error` on a duplicate name or a name a custom function cannot have.
 */
export function generateGlobals(catalog: readonly CatalogFunction[]): string {
  const seen = new Set<string>();
  const parts: string[] = [
    `// Top-level declarations generated from the function catalog; do not edit.`,
  ];
  for (const fn of catalog) {
    if (seen.has(fn.name)) throw new Error(`Catalog function ${fn.name} appears twice`);
    seen.add(fn.name);
    parts.push(customFunctionDeclaration(fn));
  }
  for (const name of TRIGGER_FUNCTION_NAMES)
    parts.push(forwardingDeclaration(name, `triggers.${name}`));
  for (const name of SERVER_FUNCTION_NAMES)
    parts.push(forwardingDeclaration(name, `server.${name}`));
  return `${parts.join('\n\n')}\n`;
}
