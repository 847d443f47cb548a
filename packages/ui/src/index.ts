// The antd components. Everything antd-free comes from `@unionflow/ui/core`, imported by its package
// name (never a relative path) so the federation shares that one copy instead of bundling a second.
export * from '@unionflow/ui/core';
export { DateTime } from './components/date-time';
export { ExportButton } from './components/export-button';
export { Money } from './components/money';
export { ProblemAlert } from './components/problem-alert';
export { StatusTag, TONES, ToneTag } from './components/status-tag';
export { UserPicker } from './components/user-picker';
export { CaseList } from './department/case-list';
export { DepartmentWorkspace, type WorkspaceTab } from './department/department-workspace';
export { countByStatus, useDepartmentCases } from './department/use-department-cases';
export type { DynamicFormProps } from './forms/dynamic-form';
export { DynamicForm } from './forms/dynamic-form';
export { FileInput } from './forms/file-input';
export { FormFields } from './forms/form-fields';
