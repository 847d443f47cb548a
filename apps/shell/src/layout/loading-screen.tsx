import { useTranslation } from 'react-i18next';
import './plain.css';

/** Full-page spinner while the session is checked or the signed-in screens arrive (no antd). */
export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <output className="uf-center">
      <span className="uf-spinner" aria-hidden="true" />
      <span className="uf-visually-hidden">{t('loading')}</span>
    </output>
  );
}
