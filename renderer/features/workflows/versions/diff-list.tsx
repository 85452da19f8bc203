import type { ReactNode } from 'react';
import { outputLabel } from '../../../../shared/workflow/output-label.js';
import type { Prompt } from '../../../../shared/workflow/prompt.js';
import type { Step } from '../../../../shared/workflow/steps.js';
import { TRIGGER, type Edge, type WorkflowDefinition } from '../../../../shared/workflow/workflow.js';
import type { Locale, Translate } from '../../../i18n/translate.js';
import type { CalendarChanges, WorkflowDiffShape } from './version-diff.js';

/** Two definitions compared: the engine's diff and the calendars (which it does not compare). */
export interface Comparison {
  fromLabel: string;
  toLabel: string;
  before: WorkflowDefinition;
  after: WorkflowDefinition;
  diff: WorkflowDiffShape;
  calendars: CalendarChanges;
}

/** The comparison as a list a manager reads: steps, what callers hear, connections, trigger, calendars. */
export function DiffList({
  comparison,
  t,
  locale,
}: {
  comparison: Comparison;
  t: Translate;
  locale: Locale;
}) {
  const { before, after, diff, calendars } = comparison;
  const stepIn = (definition: WorkflowDefinition, id: string) => definition.steps.find((s) => s.id === id);
  const nameOf = (step: Step | undefined, id: string): string =>
    id === TRIGGER ? t('step.trigger') : step ? step.name.trim() || t(`step.${step.kind}`) : id;
  /** A step by its name in the newer definition, else the older. */
  const name = (id: string) => nameOf(stepIn(after, id) ?? stepIn(before, id), id);
  const said = (prompt: Prompt | null): string =>
    prompt === null
      ? t('versions.promptNone')
      : prompt.kind === 'tts'
        ? prompt.text
        : t('versions.promptRecording');
  const edge = (definition: WorkflowDefinition, e: Edge) => {
    const source = e.source === TRIGGER ? TRIGGER : stepIn(definition, e.source);
    return {
      from: name(e.source),
      output: source ? outputLabel(source, e.output)[locale] : e.output,
      to: name(e.target),
    };
  };

  const items: { key: string; tone: 'added' | 'removed' | 'changed'; text: ReactNode }[] = [
    ...diff.steps.added.map((id) => ({
      key: `step+${id}`,
      tone: 'added' as const,
      text: t('versions.stepAdded', { name: name(id) }),
    })),
    ...diff.steps.removed.map((id) => ({
      key: `step-${id}`,
      tone: 'removed' as const,
      text: t('versions.stepRemoved', { name: nameOf(stepIn(before, id), id) }),
    })),
    ...diff.steps.changed.map(({ id, fields }) => ({
      key: `step~${id}`,
      tone: 'changed' as const,
      text: t('versions.stepChanged', { name: name(id), fields: fields.join(', ') }),
    })),
    ...diff.prompts.map((p) => ({
      key: `prompt~${p.stepId}~${p.field}`,
      tone: 'changed' as const,
      text: t('versions.promptChanged', {
        name: p.field === 'prompt' ? name(p.stepId) : `${name(p.stepId)} (${p.field})`,
        before: said(p.before),
        after: said(p.after),
      }),
    })),
    ...diff.edges.added.map((e, index) => ({
      key: `edge+${index}`,
      tone: 'added' as const,
      text: t('versions.edgeAdded', edge(after, e)),
    })),
    ...diff.edges.removed.map((e, index) => ({
      key: `edge-${index}`,
      tone: 'removed' as const,
      text: t('versions.edgeRemoved', edge(before, e)),
    })),
    ...(diff.trigger.changed
      ? [
          {
            key: 'trigger',
            tone: 'changed' as const,
            text: t('versions.triggerChanged', { fields: diff.trigger.fields.join(', ') }),
          },
        ]
      : []),
    ...calendars.added.map((n) => ({
      key: `cal+${n}`,
      tone: 'added' as const,
      text: t('versions.calendarAdded', { name: n }),
    })),
    ...calendars.removed.map((n) => ({
      key: `cal-${n}`,
      tone: 'removed' as const,
      text: t('versions.calendarRemoved', { name: n }),
    })),
    ...calendars.changed.map((n) => ({
      key: `cal~${n}`,
      tone: 'changed' as const,
      text: t('versions.calendarChanged', { name: n }),
    })),
  ];

  const title = t('versions.changes', { from: comparison.fromLabel, to: comparison.toLabel });
  return (
    <section className="version-diff" aria-label={title}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p>{t('versions.noChanges')}</p>
      ) : (
        <>
          <ul className="diff-list">
            {items.map((item) => (
              <li key={item.key} className={`diff-item diff-${item.tone}`}>
                {item.text}
              </li>
            ))}
          </ul>
          <p className="muted">{t('versions.canvasHint')}</p>
        </>
      )}
    </section>
  );
}
