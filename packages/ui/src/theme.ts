import type { ThemeConfig } from 'antd';

/**
 * Union red, the colour members recognise from union offices and badges. antd's default grey for
 * secondary text fails WCAG AA contrast on white and on the light page background, so every muted
 * text token is darkened to stay at or above 4.5:1.
 */
export const unionTheme: ThemeConfig = {
  token: {
    colorPrimary: '#c8102e',
    colorError: '#c41d1d',
    colorLink: '#0b57c2',
    colorSuccess: '#2f7d12',
    colorWarning: '#a05a00',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.5)',
  },
};
