import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { cjkFontSetting, loadCjkFont } from './cjk-font';

describe('the CJK font of approval-form PDFs', () => {
  it('takes PDF_CJK_FONT and its face name from the environment', () => {
    expect(cjkFontSetting({ PDF_CJK_FONT: '/fonts/a.ttc', PDF_CJK_FONT_NAME: 'A' })).toEqual({
      path: '/fonts/a.ttc',
      name: 'A',
    });
  });

  it('answers 503 in both languages when the font is missing or is not a font', () => {
    for (const path of ['/nonexistent/font.ttc', '/etc/hostname']) {
      let error: unknown;
      try {
        loadCjkFont({ path });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(503);
      expect((error as AppError).detail).toMatch(/中文字体.*no Chinese font/);
      expect((error as AppError).detail).toContain(path);
    }
    expect(() => loadCjkFont(null)).toThrow(/fonts-wqy-zenhei/);
  });
});
