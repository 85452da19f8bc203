import type { Step } from './steps.js';

/** A sentence in every language the editor speaks. */
export interface IssueText {
  en: string;
  ko: string;
}

/**
 * One problem the validator found. Errors block publishing; warnings explain what the engine will
 * do by default. `code` is stable (tests, the editor's icons, translations may key on it).
 */
export interface WorkflowIssue {
  severity: 'error' | 'warning';
  code: string;
  /** The step to highlight on the canvas, when there is one. */
  stepId?: string;
  /** The offending edge's index in `definition.edges`. */
  edgeIndex?: number;
  text: IssueText;
}

/** What an issue is about: a step, or the trigger (for its settings and the entry edge). */
export type IssueSubject = Step | 'trigger';

/** A step's name as people know it; its id when it has none yet. */
export function stepName(step: Step): string {
  return step.name.trim() || step.id;
}

/** Prefixes the sentence with the step (or the trigger) it is about, in both languages. */
export function about(subject: IssueSubject, text: IssueText): IssueText {
  if (subject === 'trigger') return { en: `Trigger: ${text.en}`, ko: `트리거: ${text.ko}` };
  const name = stepName(subject);
  return { en: `Step "${name}": ${text.en}`, ko: `"${name}" 단계: ${text.ko}` };
}

/** An issue about a step or the trigger, its text prefixed with what it is about. */
export function issueAbout(
  severity: WorkflowIssue['severity'],
  code: string,
  subject: IssueSubject,
  text: IssueText,
  edgeIndex?: number,
): WorkflowIssue {
  return {
    severity,
    code,
    ...(subject === 'trigger' ? {} : { stepId: subject.id }),
    ...(edgeIndex === undefined ? {} : { edgeIndex }),
    text: about(subject, text),
  };
}
