import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { FUNCTIONS_NAMESPACE } from '../../addin/functions/functions-metadata';
import { uiMessages } from '../../shared/i18n/ui-messages';

// Limits from Microsoft's manifest reference (office-js-docs-pr, docs/reference/manifest):
// resources.md (resource id <= 32 characters, unique; ShortStrings <= 125, LongStrings <= 250;
// all Image and Url values over SSL; icons in 16, 32 and 80 px), displayname.md (<= 125),
// description.md (<= 250), runtime.md (resid <= 32), configure-your-add-in-to-use-a-shared-runtime.md
// (Runtime, Page and FunctionFile use the same resid).
const ROOT = join(__dirname, '..', '..');
const text = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length > 0) throw new Error(errors.join('; '));
  return doc as unknown as Document;
}

const doc = parse(text);
const everyElement = Array.from(doc.getElementsByTagName('*') as unknown as ArrayLike<XmlElement>);
const all = (name: string): XmlElement[] => everyElement.filter((e) => e.localName === name);
const resources = all('Resources')[0] as XmlElement;
const inResources = (e: XmlElement): boolean => {
  for (let p = e.parentNode; p; p = p.parentNode) if (p === resources) return true;
  return false;
};
const resourceElements = everyElement.filter((e) => inResources(e) && e.hasAttribute('id'));
const values = (e: XmlElement): string[] => [
  e.getAttribute('DefaultValue') ?? '',
  ...Array.from(e.getElementsByTagName('*') as unknown as ArrayLike<XmlElement>)
    .filter((o) => o.localName === 'Override')
    .map((o) => o.getAttribute('Value') ?? ''),
];

describe('manifest.xml (offline checks)', () => {
  test('is well-formed XML; a broken copy is rejected by the same parser', () => {
    expect(doc.documentElement?.localName).toBe('OfficeApp');
    expect(() => parse(text.replace('</OfficeApp>', ''))).toThrow();
  });

  test('is a task pane add-in with a GUID id, a 4-part version and ReadWriteDocument', () => {
    expect(doc.documentElement?.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(all('Id')[0]?.textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(all('Version')[0]?.textContent).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(all('Permissions')[0]?.textContent).toBe('ReadWriteDocument');
    expect(all('DefaultLocale')[0]?.textContent).toBe('en-US');
  });

  test('requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1', () => {
    const sets = all('Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toEqual(
      expect.arrayContaining(['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.1']),
    );
  });

  test('one long-lived shared runtime page hosts the task pane, the functions and the ribbon', () => {
    const runtime = all('Runtime');
    expect(runtime).toHaveLength(1);
    expect(runtime[0]?.getAttribute('lifetime')).toBe('long');
    const resid = runtime[0]?.getAttribute('resid');
    const page = all('Page')[0]?.getElementsByTagName('SourceLocation')[0];
    expect(page?.getAttribute('resid')).toBe(resid);
    expect(all('FunctionFile')[0]?.getAttribute('resid')).toBe(resid);
    const action = all('Action')[0];
    expect(action?.getAttribute('xsi:type')).toBe('ShowTaskpane');
    expect(action?.getElementsByTagName('SourceLocation')[0]?.getAttribute('resid')).toBe(resid);
  });

  test('resource ids are unique and at most 32 characters; every resid refers to one', () => {
    const ids = resourceElements.map((e) => e.getAttribute('id') ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    const refs = everyElement
      .filter((e) => e.hasAttribute('resid'))
      .map((e) => e.getAttribute('resid') ?? '');
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(ids).toContain(ref);
    // Control and group ids are unique too.
    const controlIds = everyElement
      .filter((e) => !inResources(e) && e.hasAttribute('id'))
      .map((e) => e.getAttribute('id'));
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  test('every URL is https (icons, pages, metadata, support, app domain)', () => {
    const urls = [
      ...all('Image').filter(inResources).flatMap(values),
      ...all('Url').filter(inResources).flatMap(values),
      ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']
        .flatMap((n) => all(n))
        .filter((e) => e.hasAttribute('DefaultValue'))
        .flatMap(values),
      ...all('AppDomain').map((e) => e.textContent ?? ''),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^\s"<>]+$/);
  });

  test('string lengths: ShortStrings <= 125, LongStrings <= 250, DisplayName <= 125, Description <= 250', () => {
    const limits: [string, number, XmlElement[]][] = [
      [
        'ShortStrings',
        125,
        Array.from(
          all('ShortStrings')[0]?.getElementsByTagName(
            'bt:String',
          ) as unknown as ArrayLike<XmlElement>,
        ),
      ],
      [
        'LongStrings',
        250,
        Array.from(
          all('LongStrings')[0]?.getElementsByTagName(
            'bt:String',
          ) as unknown as ArrayLike<XmlElement>,
        ),
      ],
      ['DisplayName', 125, all('DisplayName')],
      ['Description', 250, all('Description').filter((e) => e.hasAttribute('DefaultValue'))],
    ];
    for (const [, limit, elements] of limits) {
      expect(elements.length).toBeGreaterThan(0);
      for (const e of elements)
        for (const v of values(e)) {
          expect(v.length).toBeGreaterThan(0);
          expect(v.length).toBeLessThanOrEqual(limit);
        }
    }
  });

  test('every string has a ru-RU override, and the functions metadata URL switches to functions.ru.json', () => {
    const strings = [
      ...all('DisplayName'),
      ...all('Description').filter((e) => e.hasAttribute('DefaultValue')),
      ...all('String'),
    ];
    for (const s of strings) {
      const overrides = Array.from(
        s.getElementsByTagName('*') as unknown as ArrayLike<XmlElement>,
      ).filter((o) => o.localName === 'Override');
      expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['ru-RU']);
    }
    const metadata = all('Url').find(
      (u) => u.getAttribute('id') === 'Functions.Metadata.Url',
    ) as XmlElement;
    expect(values(metadata)).toEqual([
      'https://localhost:3000/functions.json',
      'https://localhost:3000/functions.ru.json',
    ]);
  });

  test('the namespace and ribbon texts are the ones the code and ui-messages use', () => {
    const str = (id: string): string[] =>
      values(all('String').find((s) => s.getAttribute('id') === id) as XmlElement);
    expect(str('Functions.Namespace')).toEqual([FUNCTIONS_NAMESPACE, FUNCTIONS_NAMESPACE]);
    expect(str('TaskpaneButton.Label')).toEqual([
      uiMessages.ribbonButton.en,
      uiMessages.ribbonButton.ru,
    ]);
    expect(str('Group.Label')).toEqual([uiMessages.ribbonGroup.en, uiMessages.ribbonGroup.ru]);
    expect(str('TaskpaneButton.Tooltip')).toEqual([
      uiMessages.ribbonTooltip.en,
      uiMessages.ribbonTooltip.ru,
    ]);
  });

  test('icons exist in addin/assets as PNGs of the declared 16, 32 and 80 px sizes', () => {
    for (const image of all('Image').filter(inResources)) {
      const url = image.getAttribute('DefaultValue') ?? '';
      const file = join(ROOT, 'addin', url.replace('https://localhost:3000/', ''));
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/(\d+)x\d+$/.exec(image.getAttribute('id') ?? '')?.[1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
