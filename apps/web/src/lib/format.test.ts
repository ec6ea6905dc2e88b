import { describe, expect, it } from 'vitest';
import { visibleText } from './format';

describe('visibleText', () => {
  it('shows every bidirectional control as a visible tag, in place', () => {
    expect(visibleText('Nilai benar \u202Efdp.exe')).toBe('Nilai benar [U+202E]fdp.exe');
    expect(visibleText('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F')).toBe(
      '[U+202A][U+202B][U+202C][U+202D][U+2066][U+2067][U+2068][U+2069][U+200E][U+200F]',
    );
  });

  it('leaves ordinary text, Arabic script and emoji alone', () => {
    for (const text of ['Layanan cepat, petugas ramah.', 'شكرا جزيلا', 'Mantap 👍', 'Baris 1\nBaris 2']) {
      expect(visibleText(text)).toBe(text);
    }
  });
});
