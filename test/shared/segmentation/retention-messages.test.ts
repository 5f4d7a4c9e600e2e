import { retentionMessages } from '../../../shared/segmentation/retention-messages';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('retention messages', () => {
  it.each(Object.entries(retentionMessages))(
    '%s has English and Russian text with the same placeholders',
    (_id, text) => {
      expect(text.en.trim()).not.toBe('');
      expect(text.ru.trim()).not.toBe('');
      expect(placeholders(text.ru)).toEqual(placeholders(text.en));
    },
  );
});
