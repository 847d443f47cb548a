// `@unionflow/ui/kanban`: the 看板 (ADR 029). Not a federation singleton and never imported by the
// main entry: an app loads it with a dynamic import when its 看板 tab opens, so ECharts stays out of
// every first screen.
import { addTranslations } from '@unionflow/ui/core';
import { kanbanResources } from './kanban-resources';

addTranslations(kanbanResources);

export { DisputeBoard, HardshipBoard, InnovationBoard } from './department-boards';
export { FederationBoard } from './federation-board';
