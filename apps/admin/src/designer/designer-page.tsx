import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ProcessNode } from '@unionflow/process-model';
import { ProblemAlert, useLocalText } from '@unionflow/ui';
import { Alert, App, Button, Flex, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProcessSettings } from './builder/process-settings';
import { StartFormEditor } from './builder/start-form-editor';
import {
  addBranch,
  addParallelBranch,
  insertAt,
  removeBranch,
  removeCc,
  removeNode,
  updateNode,
} from './flow-edit';
import { findNode } from './flow-graph';
import { layoutFlow } from './flow-layout';
import { type FlowActions, FlowView } from './flow-view';
import { IssueList } from './issue-list';
import { PublishDialog } from './publish-dialog';
import { SimulateDialog } from './simulate-dialog';
import { StepPanel } from './step-panel';
import { issuesByNode, useDraftEditor } from './use-draft-editor';
import { usePeopleNames } from './use-people-names';
import { VersionsDialog } from './versions-dialog';

/** The process designer: a vertical flow edited in place, validated as you go, simulated and published. */
export function DesignerPage({ basePath }: { basePath: string }) {
  const { t, i18n } = useTranslation();
  const text = useLocalText();
  const { message } = App.useApp();
  const key = useParams().key ?? '';
  const editor = useDraftEditor(key);
  const { doc, setDoc } = editor;
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'simulate' | 'versions' | 'publish' | 'form' | 'settings' | null>(
    null,
  );
  const issues = useMemo(
    () => issuesByNode(editor.validation, i18n.language === 'en'),
    [editor.validation, i18n.language],
  );
  const items = useMemo(() => (doc ? layoutFlow(doc) : []), [doc]);
  const nameOf = usePeopleNames(doc);

  if (editor.draft.isPending || (!doc && !editor.draft.error)) return <Spin />;
  if (editor.draft.error)
    return <ProblemAlert error={editor.draft.error} onRetry={() => void editor.draft.refetch()} />;
  if (!doc) return null;

  const actions: FlowActions = {
    insert: (edges, kind) => {
      const out = insertAt(doc, edges, kind);
      if (!out) return;
      setDoc(out.def);
      if (kind !== 'exclusive' && kind !== 'parallel') setOpenId(out.id);
    },
    open: setOpenId,
    remove: (id) => {
      const next = removeNode(doc, id);
      if (next) setDoc(next);
    },
    addBranch: (blockId, target) => {
      const block = findNode(doc, blockId);
      if (block?.kind === 'parallel') setDoc(addParallelBranch(doc, blockId));
      else if (block?.kind === 'exclusive') setDoc(addBranch(doc, blockId, target ?? block.default));
    },
    removeBranch: (blockId, index) => setDoc(removeBranch(doc, blockId, index)),
    removeCc: (id) => setDoc(removeCc(doc, id)),
  };

  /** A message names a step: open that step, and bring its card into view. */
  const selectStep = (id: string) => {
    if (!findNode(doc, id)) return;
    setOpenId(id);
    document
      .querySelector(`[data-testid="flow"] [data-node-id="${CSS.escape(id)}"]`)
      ?.scrollIntoView({ block: 'center' });
  };

  const openNode = openId ? (findNode(doc, openId) ?? null) : null;
  const errorCount = editor.validation?.errors.length ?? 0;

  const startPublish = async () => {
    if (editor.dirty) {
      try {
        await editor.save.mutateAsync();
      } catch {
        return;
      }
    }
    editor.publish.reset();
    setDialog('publish');
  };

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8} wrap>
        <Link to={basePath} aria-label={t('admin.designer.back')}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={4} style={{ margin: 0, flex: '1 1 auto' }}>
          {text(doc.name) || doc.key}
        </Typography.Title>
        {editor.dirty && <Tag>{t('admin.designer.unsaved')}</Tag>}
      </Flex>
      <Flex gap={8} wrap>
        <Button
          onClick={() =>
            editor.save.mutate(undefined, { onSuccess: () => message.success(t('admin.designer.saved')) })
          }
          loading={editor.save.isPending}
          disabled={!editor.dirty}
          data-testid="designer-save"
        >
          {t('admin.designer.save')}
        </Button>
        <Button onClick={() => setDialog('form')} data-testid="designer-start-form">
          {t('builder.form.button')}
        </Button>
        <Button onClick={() => setDialog('settings')} data-testid="designer-settings">
          {t('builder.settings.button')}
        </Button>
        <Button onClick={() => setDialog('simulate')} data-testid="designer-simulate">
          {t('admin.designer.simulate')}
        </Button>
        <Button onClick={() => setDialog('versions')} data-testid="designer-versions">
          {t('admin.designer.versions')}
        </Button>
        <Button
          type="primary"
          onClick={() => void startPublish()}
          loading={editor.save.isPending}
          data-testid="designer-publish"
        >
          {t('admin.designer.publish')}
        </Button>
      </Flex>
      <div aria-live="polite" data-testid="designer-validation">
        {editor.checking ? (
          <Alert type="info" title={t('admin.designer.checking')} />
        ) : errorCount === 0 ? (
          <Alert type="success" title={t('admin.designer.valid')} />
        ) : (
          <Alert
            type="error"
            title={t('admin.designer.invalid', { count: errorCount })}
            description={
              <IssueList
                issues={editor.validation?.errors ?? []}
                english={i18n.language === 'en'}
                onSelect={selectStep}
              />
            }
          />
        )}
      </div>
      {editor.conflict && <Alert type="warning" title={t('admin.designer.conflict')} />}
      {editor.save.error && !editor.conflict ? <ProblemAlert error={editor.save.error} /> : null}
      <FlowView def={doc} items={items} issues={issues} actions={actions} nameOf={nameOf} />
      <StepPanel
        def={doc}
        node={openNode}
        issues={openId ? (issues.get(openId) ?? []) : []}
        onChange={(node: ProcessNode) => openId && setDoc(updateNode(doc, openId, node))}
        onClose={() => setOpenId(null)}
      />
      <StartFormEditor open={dialog === 'form'} def={doc} onChange={setDoc} onClose={() => setDialog(null)} />
      <ProcessSettings
        open={dialog === 'settings'}
        def={doc}
        onChange={setDoc}
        onClose={() => setDialog(null)}
      />
      <SimulateDialog open={dialog === 'simulate'} onClose={() => setDialog(null)} def={doc} />
      <VersionsDialog open={dialog === 'versions'} onClose={() => setDialog(null)} def={doc} />
      <PublishDialog
        open={dialog === 'publish'}
        processKey={key}
        canPublish={!editor.checking && errorCount === 0}
        publishing={editor.publish.isPending}
        error={editor.publish.error}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          editor.publish.mutate(undefined, {
            onSuccess: (res) => {
              message.success(t('admin.designer.published', { version: res.version }));
              setDialog(null);
            },
          })
        }
      />
    </Flex>
  );
}
