/**
 * The display form of a client id: trimmed, every run of whitespace (including non-breaking and
 * narrow spaces) collapsed to one space. Example: `displayClientId('  Anna   Petrova ')` is
 * `'Anna Petrova'`.
 */
export function displayClientId(text: string): string {
  // Most ids are visible ASCII or Cyrillic letters only: nothing to collapse or trim.
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) {
    const code = text.charCodeAt(i);
    plain = (code > 0x20 && code < 0x7f) || (code >= 0x400 && code < 0x500);
  }
  return plain ? text : text.replace(/[\s\u00a0\u202f\u2007\u2009\ufeff]+/g, ' ').trim();
}

/**
 * The key clients are matched on: the display form (see `displayClientId`) lower-cased with the
 * Russian locale rules, so `ANNA  petrova`, ` Anna Petrova` and `anna petrova` are one client
 * (user guide §1, Your data: trimmed, inner spaces collapsed, matched case-insensitively). A
 * number id is written without a fraction when it is whole (`1001` -> `'1001'`).
 *
 * @param id the cell text or number as read from the client column
 * @returns the key; `''` for a blank id (the reader rejects such rows). Never throws.
 * @example normaliseClientId('  Анна   ПЕТРОВА ') === 'анна петрова'
 */
export function normaliseClientId(id: string | number): string {
  const text = typeof id === 'number' ? String(id) : id;
  return clientKeyOf(displayClientId(text));
}

/**
 * The key of a client's display id: lower-cased by the Unicode default rules, which are the
 * Russian locale's rules (Unicode SpecialCasing has language-specific lower-casing only for
 * Lithuanian, Turkish and Azeri; a test checks `toLocaleLowerCase('ru')` gives the same), without
 * the cost of a locale lookup per id.
 * @example clientKeyOf('Анна ПЕТРОВА') === 'анна петрова'
 */
export function clientKeyOf(displayId: string): string {
  return displayId.toLowerCase();
}
