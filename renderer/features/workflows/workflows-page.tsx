import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RecipeId } from '../../../shared/workflow/recipes.js';
import { recipeIds } from '../../../shared/workflow/recipes.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { WorkflowList } from './workflow-list.js';

/**
 * The Workflows page: create one (blank or from a recipe, in the manager's language), and the
 * list of all of them in priority order.
 */
export function WorkflowsPage() {
  const t = useT();
  const navigate = useNavigate();
  const locale = useAppStore((s) => s.locale);
  const { loadWorkflows, createWorkflow } = useAppStore.getState();
  const [error, setError] = useState<string | null>(null);
  const report = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  useEffect(() => {
    loadWorkflows().catch(report);
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
      report(e);
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
      <WorkflowList onError={report} />
    </div>
  );
}
