export { adminApi } from './api/admin-endpoints';
export { ApiError, toApiError } from './api/api-error';
export type { RequestOptions, UploadedFile } from './api/client';
export { apiRequest, configureApi, fileUrl, setCsrfToken, uploadFile, withQuery } from './api/client';
export type {
  ApplicantAction,
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
export { DateTime } from './components/date-time';
export { Money } from './components/money';
export { ProblemAlert } from './components/problem-alert';
export { StatusTag, TONES, ToneTag } from './components/status-tag';
export { UserPicker } from './components/user-picker';
export { CaseList } from './department/case-list';
export { DepartmentWorkspace, type WorkspaceTab } from './department/department-workspace';
export { countByStatus, useDepartmentCases } from './department/use-department-cases';
export { DEFAULT_TIME_ZONE, formatDateTime, isOverdue } from './format/date-time';
export { fenToYuan, formatFen, yuanToFen } from './format/money';
export type { DynamicFormProps } from './forms/dynamic-form';
export { DynamicForm } from './forms/dynamic-form';
export { FileInput } from './forms/file-input';
export type { FormFieldSpec, FormFieldType } from './forms/form-field';
export { asFormFields } from './forms/form-field';
export { FormFields } from './forms/form-fields';
export { boundInWidgetUnits, displayValue, toCaseData, toFormValues } from './forms/form-values';
export type { Language } from './i18n/i18n';
export { addTranslations, currentLanguage, initI18n, LANGUAGE_STORAGE_KEY, setLanguage } from './i18n/i18n';
export type { LocalTextValue } from './i18n/local-text';
export { pickText, useLocalText } from './i18n/local-text';
export { commonResources } from './i18n/resources';
export type { HostPaths, RemoteAppProps } from './remote-app';
export { unionTheme } from './theme';
