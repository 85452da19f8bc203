import { buttonLabel, keyLabel } from './output-label.js';
import { announcedKeys } from './prompt-keys.js';
import { promptFieldLabels, stepPrompts } from './step-prompts.js';
import type { StepOf } from './steps.js';
import type { ValidationScope } from './validation-scope.js';
import { issueAbout, type WorkflowIssue } from './workflow-issue.js';

/**
 * A menu must say the keys it has and have the keys it says. Any spoken text of the step may
 * announce a key (a retry message often repeats the choices); only the main prompt is expected to
 * announce every button. `*` always replays the menu, so announcing it is never wrong. Recordings
 * cannot be read, so only text prompts are checked.
 */
export function promptKeyIssues(scope: ValidationScope): WorkflowIssue[] {
  return scope.definition.steps.flatMap((step) =>
    step.kind === 'ivr_buttons' ? menuPromptIssues(step) : [],
  );
}

function menuPromptIssues(step: StepOf<'ivr_buttons'>): WorkflowIssue[] {
  const buttons = new Set<string>(step.buttons.map((b) => b.key));
  const issues: WorkflowIssue[] = [];
  const reported = new Set<string>();
  for (const { field, prompt } of stepPrompts(step)) {
    if (prompt?.kind !== 'tts') continue;
    const where = promptFieldLabels[field];
    for (const { key, phrase } of announcedKeys(prompt.text)) {
      if (key === '*' || buttons.has(key) || reported.has(key)) continue;
      reported.add(key);
      const label = keyLabel(key);
      issues.push(
        issueAbout('error', 'announced_key_missing', step, {
          en: `${where.en} says "${phrase}" but the step has no button for ${label.en}`,
          ko: `${where.ko}에서 ${label.ko}를 안내하지만("${phrase}") ${buttonLabel(key).ko}이 없습니다`,
        }),
      );
    }
  }
  if (step.prompt.kind !== 'tts' || buttons.size === 0) return issues;
  const announced = new Set<string>(announcedKeys(step.prompt.text).map((a) => a.key));
  announced.delete('*');
  if (announced.size === 0) {
    // A prompt naming no key at all is likely a generic greeting, not a wrong menu: say it once.
    issues.push(
      issueAbout('warning', 'no_keys_announced', step, {
        en: 'the prompt never says which keys to press, so callers may not know their choices',
        ko: '안내 멘트에서 어떤 키를 눌러야 하는지 말하지 않아, 발신자가 선택지를 모를 수 있습니다',
      }),
    );
    return issues;
  }
  for (const key of buttons) {
    if (announced.has(key)) continue;
    const button = buttonLabel(key);
    issues.push(
      issueAbout('error', 'button_not_announced', step, {
        en: `there is ${button.en}, but the prompt never mentions it`,
        ko: `${button.ko}이 있지만 안내 멘트에서 이 키를 전혀 언급하지 않습니다`,
      }),
    );
  }
  return issues;
}
