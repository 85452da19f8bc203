import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import { useStore } from 'zustand';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import type { Size } from './auto-layout.js';
import { fitOptions, minimapShown, useCanvasView } from './canvas-view.js';
import { createEditorStore, type EditorStore } from './editor-store.js';
import { ProblemsPanel } from './problems-panel.js';
import { QuickAdd } from './quick-add.js';
import { StepInspector } from './step-inspector.js';
import { StepPalette } from './step-palette.js';
import { TestCallPanel } from '../test-call/test-call-panel.js';
import { VersionsDrawer } from '../versions/versions-drawer.js';
import { useEditorShortcuts } from './use-editor-shortcuts.js';
import { WorkflowCanvas } from './workflow-canvas.js';

/** One workflow open for editing: toolbar, palette, canvas, inspector, problems. */
export function WorkflowEditorPage() {
  const t = useT();
  const { id } = useParams();
  const api = useAppStore((s) => s.api);
  const [store, setStore] = useState<EditorStore | undefined>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    api
      .call('workflows.get', { id })
      .then((workflow) => {
        if (!cancelled) setStore(createEditorStore(workflow, api, useAppStore.getState().locale));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [id, api]);

  if (error) {
    return (
      <div className="page">
        <p className="form-error" role="alert">
          {t('error.generic', { message: error })}
        </p>
      </div>
    );
  }
  if (!store) return <div className="page" aria-busy="true" />;
  return (
    <ReactFlowProvider>
      <Editor store={store} />
    </ReactFlowProvider>
  );
}

function Editor({ store }: { store: EditorStore }) {
  const t = useT();
  const flow = useReactFlow();
  const name = useStore(store, (s) => s.name);
  const saveState = useStore(store, (s) => s.saveState);
  const saveError = useStore(store, (s) => s.saveError);
  const errors = useStore(store, (s) => s.issues.filter((issue) => issue.severity === 'error').length);
  const canUndo = useStore(store, (s) => s.past.length > 0);
  const canRedo = useStore(store, (s) => s.future.length > 0);
  const [flash, setFlash] = useState('');
  /** The side panel shown instead of the inspector and problems. */
  const [panel, setPanel] = useState<'edit' | 'test' | 'versions'>('edit');
  const toggle = (which: 'test' | 'versions') => setPanel((shown) => (shown === which ? 'edit' : which));
  const [quickAdd, setQuickAdd] = useState<{ returnFocus: Element | null } | null>(null);
  const openQuickAdd = useCallback(() => setQuickAdd({ returnFocus: document.activeElement }), []);
  const closeQuickAdd = (restoreFocus: boolean) => {
    if (restoreFocus && quickAdd?.returnFocus instanceof HTMLElement) quickAdd.returnFocus.focus();
    setQuickAdd(null);
  };
  useEditorShortcuts(store, { onQuickAdd: openQuickAdd, onMessage: setFlash });
  const unsaved = saveState !== 'saved';

  // Leaving with edits not yet saved: save first, or ask.
  const blocker = useBlocker(unsaved);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void store
      .getState()
      .save()
      .then(() => {
        if (store.getState().saveState === 'saved' || window.confirm(t('editor.leaveUnsaved')))
          blocker.proceed();
        else blocker.reset();
      });
  }, [blocker, store, t]);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const tidyUp = () => {
    const sizes = new Map<string, Size>();
    for (const node of flow.getNodes()) {
      const { width, height } = flow.getInternalNode(node.id)?.measured ?? {};
      if (width && height) sizes.set(node.id, { width, height });
    }
    store.getState().tidyUp(sizes);
    const steps = store.getState().definition.steps.length;
    const withMinimap = minimapShown(useCanvasView.getState().minimap, steps, window.innerWidth);
    void flow.fitView({ ...fitOptions(withMinimap), duration: 300 });
  };

  const publish = async () => {
    try {
      const version = await store.getState().publish('');
      setFlash(t('editor.published', { version }));
    } catch (e) {
      setFlash(t('error.generic', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <div className="editor">
      <header className="editor-toolbar">
        <Link to="/workflows">← {t('editor.back')}</Link>
        <label className="editor-name">
          <span className="visually-hidden">{t('editor.name')}</span>
          <input
            value={name}
            maxLength={80}
            onChange={(event) => store.getState().rename(event.target.value)}
          />
        </label>
        <span className="save-state" role="status">
          {saveState === 'saving'
            ? t('editor.saving')
            : saveState === 'saved'
              ? t('editor.saved')
              : saveState === 'failed'
                ? t('editor.saveFailed', { message: saveError ?? '' })
                : t('editor.unsaved')}
        </span>
        <button type="button" className="button" disabled={!canUndo} onClick={() => store.getState().undo()}>
          {t('editor.undo')}
        </button>
        <button type="button" className="button" disabled={!canRedo} onClick={() => store.getState().redo()}>
          {t('editor.redo')}
        </button>
        <button type="button" className="button" title={t('editor.layoutHint')} onClick={tidyUp}>
          {t('editor.layout')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={panel === 'test'}
          onClick={() => toggle('test')}
        >
          {t('editor.testCall')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={panel === 'versions'}
          onClick={() => toggle('versions')}
        >
          {t('editor.versions')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={errors > 0}
          title={errors > 0 ? t('editor.publishBlocked') : undefined}
          onClick={() => void publish()}
        >
          {t('editor.publish')}
        </button>
        <span className="flash" role="status">
          {flash}
        </span>
      </header>
      <div className="editor-body">
        <StepPalette store={store} onQuickAdd={openQuickAdd} />
        <WorkflowCanvas store={store}>
          {quickAdd && <QuickAdd store={store} onClose={closeQuickAdd} />}
        </WorkflowCanvas>
        <div className="editor-side">
          {panel === 'test' && <TestCallPanel store={store} onClose={() => setPanel('edit')} />}
          {panel === 'versions' && <VersionsDrawer store={store} onClose={() => setPanel('edit')} />}
          {panel === 'edit' && (
            <>
              <StepInspector store={store} />
              <ProblemsPanel store={store} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
