import { addTranslations, initI18n } from '@unionflow/ui/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { actionResources } from './i18n/action-resources';
import { boxResources } from './i18n/box-resources';
import { casePageResources } from './i18n/case-page-resources';
import { newCaseResources } from './i18n/new-case-resources';
import { noticeResources } from './i18n/notice-resources';
import { shellResources } from './i18n/shell-resources';

initI18n();
addTranslations(shellResources);
addTranslations(actionResources);
addTranslations(boxResources);
addTranslations(casePageResources);
addTranslations(newCaseResources);
addTranslations(noticeResources);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
