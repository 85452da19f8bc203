import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RecipeId } from '../../../shared/workflow/recipes.js';
import { recipeIds } from '../../../shared/workflow/recipes.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';

/**
 * All workflows in priority order, with their trigger, status and numbers: open one, create one
 * (blank or from a recipe, in the manager's language), move it up or down, delete it.
 */
export function WorkflowsPage() {
  const t = useT();
  const navigate = useNavigate();
  const workflows = useAppStore((s) => s.workflows);
  const loaded = useAppStore((s) => s.workflowsLoaded);
  const locale = useAppStore((s) => s.locale);
  const { loadWorkflows, createWorkflow, removeWorkflow, moveWorkflow } = useAppStore.getState();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadWorkflows().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [loadWorkflows]);

  const create = async (how: RecipeId | 'blank' | 'waiting') => {
    try {
      const id = await createWorkflow(
        how === 'blank'
          ? { language: locale }
          : how === 'waiting'
            ? { language: locale, triggerKind: 'waiting_in_queue' }
            : { recipe: how, language: locale },
      );
      void navigate(`/workflows/${id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('workflows.title')}</h1>
        <p className="section-lead">{t('workflows.lead')}</p>
      </header>
      <section className="card" aria-label={t('workflows.new')}>
        <h2>{t('workflows.new')}</h2>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void create('blank')}>
            {t('workflows.newBlank')}
          </button>
          <button type="button" className="button" onClick={() => void create('waiting')}>
            {t('workflows.newWaiting')}
          </button>
          {recipeIds.map((recipe) => (
            <button key={recipe} type="button" className="button" onClick={() => void create(recipe)}>
              {t(`workflows.recipe.${recipe}`)}
            </button>
          ))}
        </div>
      </section>
      {error && (
        <p className="form-error" role="alert">
          {t('error.generic', { message: error })}
        </p>
      )}
      <section className="card">
        {loaded && workflows.length === 0 && <p>{t('workflows.empty')}</p>}
        <ol className="workflow-list">
          {workflows.map((workflow, index) => (
            <li key={workflow.id} className="workflow-row">
              <div className="workflow-main">
                <Link
                  to={`/workflows/${workflow.id}`}
                  aria-label={t('workflows.open', { name: workflow.name })}
                >
                  {workflow.name}
                </Link>
                <span className="muted">{t(`workflows.trigger.${workflow.triggerKind}`)}</span>
              </div>
              <div className="workflow-status">
                {workflow.liveVersion === null ? (
                  <span className="badge">{t('workflows.status.draft')}</span>
                ) : (
                  <span className="badge good">
                    {t('workflows.status.live', { version: workflow.liveVersion })}
                  </span>
                )}
                {workflow.liveVersion !== null && workflow.hasUnpublishedChanges && (
                  <span className="badge warn">{t('workflows.status.changed')}</span>
                )}
              </div>
              <div className="muted">
                {workflow.numbers.length > 0 && `${t('workflows.numbers')}: ${workflow.numbers.join(', ')}`}
              </div>
              <div className="button-row">
                <button
                  type="button"
                  className="button"
                  disabled={index === 0}
                  aria-label={t('workflows.moveUp', { name: workflow.name })}
                  onClick={() => void moveWorkflow(workflow.id, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={index === workflows.length - 1}
                  aria-label={t('workflows.moveDown', { name: workflow.name })}
                  onClick={() => void moveWorkflow(workflow.id, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button subtle-danger"
                  aria-label={t('workflows.remove', { name: workflow.name })}
                  onClick={() => {
                    if (window.confirm(t('workflows.removeConfirm', { name: workflow.name }))) {
                      void removeWorkflow(workflow.id);
                    }
                  }}
                >
                  {t('common.delete')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
