// `@unionflow/ui/core`: everything in @unionflow/ui that needs no antd (API client, errors, i18n,
// formatting, form-value conversion, types). It is its own federation singleton, so a screen that
// only needs these (the shell's sign-in page) never makes the browser fetch antd, while the API
// client's session state and the error classes stay one copy for the shell and every remote.
export { adminApi } from './api/admin-endpoints';
export { ApiError, toApiError } from './api/api-error';
export type { RequestOptions, UploadedFile } from './api/client';
export {
  apiRequest,
  configureApi,
  downloadUrl,
  fileUrl,
  setCsrfToken,
  uploadFile,
  withQuery,
} from './api/client';
export type {
  ApplicantAction,
  BoxFilters,
  CaseDraftDto,
  CaseScope,
  DelegationDto,
  InboxFilters,
  LibraryEntryDto,
  NotificationDto,
  NotificationPageDto,
  PageParams,
  RemoteEntry,
  UserMatchDto,
} from './api/endpoints';
export { api } from './api/endpoints';
export { ActionKeys, newIdempotencyKey } from './api/idempotency-key';
export { problemFieldErrors, problemMessage } from './api/problem-message';
export { useMayAnalyse, useViewer } from './api/use-viewer';
export { DEFAULT_TIME_ZONE, formatDateTime, isOverdue } from './format/date-time';
export { fenToYuan, formatFen, yuanToFen } from './format/money';
export type { FormFieldSpec, FormFieldType } from './forms/form-field';
export { asFormFields } from './forms/form-field';
export { boundInWidgetUnits, displayValue, toCaseData, toFormValues } from './forms/form-values';
export { DEPARTMENT_NAMES, type DepartmentApp } from './i18n/department-names';
export type { Language } from './i18n/i18n';
export { addTranslations, currentLanguage, initI18n, LANGUAGE_STORAGE_KEY, setLanguage } from './i18n/i18n';
export type { LocalTextValue } from './i18n/local-text';
export { pickText, useLocalText } from './i18n/local-text';
export { outcomeText } from './i18n/outcome-text';
export { commonResources } from './i18n/resources';
export type { HostPaths, RemoteAppProps } from './remote-app';
export { unionTheme } from './theme';
