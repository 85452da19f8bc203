import { phoneNumberSchema } from '../domain/line.js';
import { keyLabel } from './output-label.js';
import { promptFieldLabels, stepPrompts } from './step-prompts.js';
import type { Step, StepOf } from './steps.js';
import type { ValidationScope } from './validation-scope.js';
import { issueAbout, type IssueText, type WorkflowIssue } from './workflow-issue.js';

/** What each step needs to run as its kind: buttons, branches, texts, tags, an allowed number. */
export function stepIssues(scope: ValidationScope): WorkflowIssue[] {
  return scope.definition.steps.flatMap((step) => [...emptyPromptIssues(step), ...kindIssues(scope, step)]);
}

function kindIssues(scope: ValidationScope, step: Step): WorkflowIssue[] {
  switch (step.kind) {
    case 'ivr_buttons':
      return menuIssues(scope, step);
    case 'input_form':
      return formIssues(scope, step);
    case 'branch':
      return branchIssues(scope, step);
    case 'send_sms':
      return step.template.trim() === ''
        ? [
            issueAbout('error', 'empty_sms_template', step, {
              en: 'the text message is empty; write what to send',
              ko: '문자 내용이 비어 있습니다. 보낼 내용을 입력해 주세요',
            }),
          ]
        : [];
    case 'tag':
      return step.tags.length === 0
        ? [
            issueAbout('error', 'no_tags', step, {
              en: 'add at least one tag to put on the call',
              ko: '태그가 없습니다. 통화에 붙일 태그를 하나 이상 추가해 주세요',
            }),
          ]
        : [];
    case 'transfer':
      return transferIssues(scope, step);
    case 'voice_message':
    case 'end_call':
    case 'voicemail':
    case 'assign':
    case 'callback':
      return [];
  }
}

function emptyPromptIssues(step: Step): WorkflowIssue[] {
  return stepPrompts(step).flatMap(({ field, prompt }) => {
    if (prompt?.kind !== 'tts' || prompt.text.trim() !== '') return [];
    const label = promptFieldLabels[field];
    return [
      issueAbout('error', 'empty_prompt_text', step, {
        en: `${label.en} is empty; write what the caller should hear`,
        ko: `${label.ko}가 비어 있습니다. 발신자에게 들려줄 내용을 입력해 주세요`,
      }),
    ];
  });
}

function menuIssues(scope: ValidationScope, step: StepOf<'ivr_buttons'>): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  if (step.buttons.length === 0) {
    issues.push(
      issueAbout('error', 'no_buttons', step, {
        en: 'the menu has no buttons; add at least one key the caller can press',
        ko: '메뉴에 버튼이 없습니다. 발신자가 누를 키를 하나 이상 추가해 주세요',
      }),
    );
  }
  const keys = new Set<string>();
  for (const { key } of step.buttons) {
    const label = keyLabel(key);
    if (keys.has(key)) {
      issues.push(
        issueAbout('error', 'duplicate_key', step, {
          en: `${label.en} is used by more than one button`,
          ko: `${label.ko}를 쓰는 버튼이 둘 이상입니다`,
        }),
      );
      continue;
    }
    keys.add(key);
    if (!scope.isWired(step.id, `key:${key}`)) {
      issues.push(
        issueAbout('error', 'unwired_key', step, {
          en: `${label.en} goes nowhere`,
          ko: `${label.ko}가 연결되어 있지 않습니다`,
        }),
      );
    }
  }
  return [...issues, ...inputPathIssues(scope, step)];
}

function formIssues(scope: ValidationScope, step: StepOf<'input_form'>): WorkflowIssue[] {
  const issues = inputPathIssues(scope, step);
  if (!scope.isWired(step.id, 'next')) {
    issues.unshift(
      issueAbout('warning', 'unwired_next', step, {
        en: scope.backToQueue
          ? 'nothing follows a valid entry, so the caller goes back to waiting in the queue right after it'
          : 'nothing follows a valid entry, so the call ends right after it',
        ko: scope.backToQueue
          ? '입력을 마친 뒤의 경로가 연결되어 있지 않아, 입력 직후 발신자를 대기열로 돌려보냅니다'
          : '입력을 마친 뒤의 경로가 연결되어 있지 않아, 입력 직후 통화가 종료됩니다',
      }),
    );
  }
  if (step.confirm && !step.readback) {
    issues.push(
      issueAbout('error', 'confirm_without_readback', step, {
        en: 'it asks the caller to confirm an entry it never reads back; turn on read-back or turn off confirmation',
        ko: '입력한 내용을 읽어 주지 않은 채 맞는지 확인을 요청합니다. 다시 읽어 주기를 켜거나 확인 요청을 꺼 주세요',
      }),
    );
  }
  return issues;
}

/**
 * Invalid and timeout exits left unwired are allowed (the engine has a default) but worth a
 * warning that says what that default is, retries included.
 */
function inputPathIssues(
  scope: ValidationScope,
  step: StepOf<'ivr_buttons' | 'input_form'>,
): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const fallback = defaultEnding(scope, step.retries);
  if (!scope.isWired(step.id, 'invalid')) {
    const what: IssueText =
      step.kind === 'ivr_buttons'
        ? { en: 'a wrong key', ko: '잘못 눌렀을 때의' }
        : { en: 'an invalid entry', ko: '잘못 입력했을 때의' };
    issues.push(
      issueAbout('warning', 'unwired_invalid', step, {
        en: `nothing is connected for ${what.en}. ${fallback.en}`,
        ko: `${what.ko} 경로가 연결되어 있지 않습니다. ${fallback.ko}`,
      }),
    );
  }
  if (!scope.isWired(step.id, 'timeout')) {
    const seconds = step.timeoutSec ?? scope.definition.trigger.inputTimeoutSec;
    issues.push(
      issueAbout('warning', 'unwired_timeout', step, {
        en: `nothing is connected for when the caller presses nothing (${seconds} seconds). ${fallback.en}`,
        ko: `입력이 없을 때(${seconds}초)의 경로가 연결되어 있지 않습니다. ${fallback.ko}`,
      }),
    );
  }
  return issues;
}

/** What the engine does at an exit with nothing wired after a caller got nothing they wanted. */
function defaultEnding(scope: ValidationScope, retries: number): IssueText {
  const end: IssueText = scope.backToQueue
    ? { en: 'goes back to waiting in the queue', ko: '발신자를 대기열로 돌려보냅니다' }
    : { en: 'hears a goodbye and the call ends', ko: '작별 인사를 하고 통화를 종료합니다' };
  if (retries === 0) return { en: `By default the caller ${end.en}`, ko: `기본 동작으로 ${end.ko}` };
  const times = retries === 1 ? 'once' : `${retries} times`;
  return {
    en: `By default the caller is asked again ${times}, then ${end.en}`,
    ko: `기본 동작으로 ${retries}회 다시 안내한 뒤 ${end.ko}`,
  };
}

function branchIssues(scope: ValidationScope, step: StepOf<'branch'>): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  if (step.branches.length === 0) {
    issues.push(
      issueAbout('error', 'no_branches', step, {
        en: 'add at least one branch with a condition',
        ko: '분기가 없습니다. 조건이 있는 분기를 하나 이상 추가해 주세요',
      }),
    );
  }
  const ids = new Set<string>();
  for (const branch of step.branches) {
    const name = branch.name.trim() || branch.id;
    if (ids.has(branch.id)) {
      issues.push(
        issueAbout('error', 'duplicate_branch_id', step, {
          en: `branch "${name}" has the id "${branch.id}" of an earlier branch; each branch needs its own id`,
          ko: `"${name}" 분기의 아이디("${branch.id}")가 앞의 분기와 같습니다. 분기마다 다른 아이디가 필요합니다`,
        }),
      );
      continue;
    }
    ids.add(branch.id);
    if (branch.all.length === 0) {
      issues.push(
        issueAbout('error', 'branch_without_criteria', step, {
          en: `branch "${name}" has no conditions; add at least one`,
          ko: `"${name}" 분기에 조건이 없습니다. 조건을 하나 이상 추가해 주세요`,
        }),
      );
    }
    if (!scope.isWired(step.id, `branch:${branch.id}`)) {
      issues.push(
        issueAbout('error', 'unwired_branch', step, {
          en: `branch "${name}" goes nowhere`,
          ko: `"${name}" 분기가 연결되어 있지 않습니다`,
        }),
      );
    }
  }
  if (!scope.isWired(step.id, 'no_match')) {
    const fallback = defaultEnding(scope, 0);
    issues.push(
      issueAbout('warning', 'unwired_no_match', step, {
        en: `nothing is connected for when no branch matches. ${fallback.en}`,
        ko: `어느 조건에도 맞지 않을 때의 경로가 연결되어 있지 않습니다. ${fallback.ko}`,
      }),
    );
  }
  return issues;
}

/** Toll fraud: an IVR path must never dial a number the office has not listed in Settings. */
function transferIssues(scope: ValidationScope, step: StepOf<'transfer'>): WorkflowIssue[] {
  const number = step.number.trim();
  if (!phoneNumberSchema.safeParse(number).success) {
    return [
      issueAbout(
        'error',
        'invalid_transfer_number',
        step,
        number === ''
          ? { en: 'enter the number to transfer the call to', ko: '통화를 전환할 전화번호를 입력해 주세요' }
          : {
              en: `"${number}" is not a phone number; use digits only, optionally starting with +`,
              ko: `전화번호 형식이 아닙니다("${number}"). 숫자만 입력해 주세요(맨 앞의 +는 쓸 수 있습니다)`,
            },
      ),
    ];
  }
  // Compared as the engine compares at dialling time: the exact number as listed.
  if (scope.context.transferAllowList.includes(number)) return [];
  return [
    issueAbout('error', 'transfer_not_allowed', step, {
      en: `${number} is not on the transfer allow-list. To protect against toll fraud, calls can only be transferred to numbers on that list; add it on the Settings page first`,
      ko: `${number} 번호가 통화 전환 허용 목록에 없습니다. 요금 사기(toll fraud)를 막기 위해 허용 목록에 있는 번호로만 전환할 수 있습니다. 먼저 설정 페이지에서 이 번호를 추가해 주세요`,
    }),
  ];
}
