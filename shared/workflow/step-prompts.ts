import type { Prompt, PromptLanguage } from './prompt.js';
import type { Step } from './steps.js';
import type { IssueText } from './workflow-issue.js';
import type { WorkflowDefinition } from './workflow.js';

/** One thing a step says, by the field that holds it; null where an optional prompt is unset. */
export interface StepPrompt {
  field: 'prompt' | 'greeting' | 'invalidPrompt' | 'timeoutPrompt';
  prompt: Prompt | null;
}

/** Everything a step can say to the caller, in the order the editor shows it. */
export function stepPrompts(step: Step): StepPrompt[] {
  switch (step.kind) {
    case 'ivr_buttons':
    case 'input_form':
      return [
        { field: 'prompt', prompt: step.prompt },
        { field: 'invalidPrompt', prompt: step.invalidPrompt },
        { field: 'timeoutPrompt', prompt: step.timeoutPrompt },
      ];
    case 'voice_message':
    case 'end_call':
      return [{ field: 'prompt', prompt: step.prompt }];
    case 'voicemail':
      return [{ field: 'greeting', prompt: step.greeting }];
    case 'branch':
    case 'assign':
    case 'send_sms':
    case 'tag':
    case 'transfer':
    case 'callback':
      return [];
  }
}

/** How the editor names each prompt field. Korean labels end in 트 so 가/를 always fit. */
export const promptFieldLabels: Record<StepPrompt['field'], IssueText> = {
  prompt: { en: 'the prompt', ko: '안내 멘트' },
  greeting: { en: 'the greeting', ko: '인사 멘트' },
  invalidPrompt: { en: 'the invalid-input message', ko: '잘못된 입력 안내 멘트' },
  timeoutPrompt: { en: 'the no-input message', ko: '입력 없음 안내 멘트' },
};

/**
 * The language the engine's own sentences use in a workflow: that of its first spoken prompt;
 * `fallback` while nothing is spoken yet (the engine: Korean; the editor: the manager's language).
 */
export function mainLanguage(
  definition: WorkflowDefinition,
  fallback: PromptLanguage = 'ko',
): PromptLanguage {
  for (const step of definition.steps) {
    for (const { prompt } of stepPrompts(step)) if (prompt?.kind === 'tts') return prompt.language;
  }
  return fallback;
}
