import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { serviceUnavailable } from '../errors';

/** A font file and, for a collection (.ttc/.otc), the PostScript name of the face inside it. */
export interface CjkFontSetting {
  path: string;
  name?: string;
}

/**
 * Where Chinese fonts usually are: Debian's `fonts-wqy-zenhei` (what `.ci/run` installs) first, then
 * the Noto CJK and WenQuanYi Micro Hei packages.
 */
export const CJK_FONT_CANDIDATES: CjkFontSetting[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
];

/** The font PDFs use: `PDF_CJK_FONT` (and `PDF_CJK_FONT_NAME` for a collection), else the first candidate present. */
export function cjkFontSetting(env: NodeJS.ProcessEnv = process.env): CjkFontSetting | null {
  if (env.PDF_CJK_FONT) return { path: env.PDF_CJK_FONT, name: env.PDF_CJK_FONT_NAME || undefined };
  return CJK_FONT_CANDIDATES.find((c) => existsSync(c.path)) ?? null;
}

/** A font read and checked once: its bytes stay in memory (pdfkit embeds only the glyphs a form uses). */
export interface LoadedCjkFont {
  data: Buffer;
  name?: string;
}

const loaded = new Map<string, LoadedCjkFont>();

function unavailable(why: string): Error {
  return serviceUnavailable(
    `服务器缺少中文字体，无法生成 PDF（${why}）；请安装 fonts-wqy-zenhei 或设置 PDF_CJK_FONT / ` +
      `the server has no Chinese font to write the PDF with (${why}); install fonts-wqy-zenhei or set PDF_CJK_FONT`,
    60,
  );
}

/**
 * Reads and opens the configured CJK font, or answers 503 saying how to fix it: a PDF drawn without
 * one would print every Chinese character as a blank box.
 */
export function loadCjkFont(setting: CjkFontSetting | null = cjkFontSetting()): LoadedCjkFont {
  if (!setting) throw unavailable('no font found');
  const key = `${setting.path}#${setting.name ?? ''}`;
  const hit = loaded.get(key);
  if (hit) return hit;
  let data: Buffer;
  try {
    data = readFileSync(setting.path);
  } catch {
    throw unavailable(`${setting.path} cannot be read`);
  }
  try {
    // Opening it in a throwaway document proves the face exists (a collection needs its name).
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.registerFont('cjk', data, setting.name as string);
    probe.font('cjk');
  } catch {
    throw unavailable(`${setting.path}${setting.name ? ` (${setting.name})` : ''} is not a usable font`);
  }
  const font = { data, name: setting.name };
  loaded.set(key, font);
  return font;
}
