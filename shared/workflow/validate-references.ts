import { builtInVariables, type Criterion } from './criteria.js';
import { promptFieldLabels, stepPrompts } from './step-prompts.js';
import type { Step } from './steps.js';
import { templateVariables } from './template.js';
import type { ValidationScope } from './validation-scope.js';
import { issueAbout, type IssueSubject, type IssueText, type WorkflowIssue } from './workflow-issue.js';

/**
 * Everything a workflow names that lives elsewhere must exist: calendars (in the workflow),
 * teams, agents, lines and recordings (in the office), variables (built in or saved by a form).
 */
export function referenceIssues(scope: ValidationScope): WorkflowIssue[] {
  return [
    ...triggerReferenceIssues(scope),
    ...scope.definition.steps.flatMap((step) => stepReferenceIssues(scope, step)),
  ];
}

function triggerReferenceIssues(scope: ValidationScope): WorkflowIssue[] {
  const { trigger } = scope.definition;
  const issues: WorkflowIssue[] = [];
  const filter: IssueText = { en: 'a filter', ko: '필터' };
  for (const criterion of trigger.filters)
    issues.push(...criterionIssues(scope, 'trigger', filter, criterion));
  const { schedule } = trigger;
  if (schedule.kind === 'calendar' && !hasCalendar(scope, schedule.calendarId)) {
    issues.push(
      issueAbout('error', 'unknown_calendar', 'trigger', {
        en: `the schedule uses a calendar that does not exist ("${schedule.calendarId}")`,
        ko: `일정에서 존재하지 않는 캘린더("${schedule.calendarId}")를 사용합니다`,
      }),
    );
  }
  if (trigger.kind === 'waiting_in_queue') {
    for (const teamId of trigger.teamIds) {
      if (scope.context.teamIds.has(teamId)) continue;
      issues.push(
        issueAbout('error', 'unknown_team', 'trigger', {
          en: `it watches the queue of a team that no longer exists ("${teamId}")`,
          ko: `더 이상 존재하지 않는 팀("${teamId}")의 대기열을 지켜봅니다`,
        }),
      );
    }
  }
  return issues;
}

function stepReferenceIssues(scope: ValidationScope, step: Step): WorkflowIssue[] {
  const issues = audioIssues(scope, step);
  const { teamIds, agentIds } = scope.context;
  const unknownTeam = (teamId: string | null, what: IssueText) => {
    if (teamId !== null && !teamIds.has(teamId)) {
      issues.push(
        issueAbout('error', 'unknown_team', step, {
          en: `${what.en} ("${teamId}") no longer exists; choose another`,
          ko: `${what.ko}("${teamId}")이 더 이상 존재하지 않습니다. 다른 팀을 선택해 주세요`,
        }),
      );
    }
  };
  switch (step.kind) {
    case 'branch':
      for (const branch of step.branches) {
        const name = branch.name.trim() || branch.id;
        const where = { en: `branch "${name}"`, ko: `"${name}" 분기` };
        for (const criterion of branch.all) issues.push(...criterionIssues(scope, step, where, criterion));
      }
      break;
    case 'assign': {
      const { target } = step;
      if (target.kind === 'team') {
        if (target.teamId === null) {
          issues.push(
            issueAbout('error', 'no_team_chosen', step, {
              en: 'choose a team to assign the call to',
              ko: '전화를 배정할 팀을 선택해 주세요',
            }),
          );
        }
        unknownTeam(target.teamId, { en: 'the team it assigns the call to', ko: '배정할 팀' });
      } else if (target.agentId === null) {
        issues.push(
          issueAbout('error', 'no_agent_chosen', step, {
            en: 'choose an agent to assign the call to',
            ko: '전화를 배정할 상담원을 선택해 주세요',
          }),
        );
      } else if (!agentIds.has(target.agentId)) {
        issues.push(
          issueAbout('error', 'unknown_agent', step, {
            en: `the agent it assigns the call to ("${target.agentId}") no longer exists; choose another`,
            ko: `배정할 상담원("${target.agentId}")이 더 이상 존재하지 않습니다. 다른 상담원을 선택해 주세요`,
          }),
        );
      }
      break;
    }
    case 'voicemail':
      unknownTeam(step.teamId, { en: 'the team whose inbox gets the messages', ko: '메시지를 받을 팀' });
      break;
    case 'callback':
      unknownTeam(step.teamId, { en: 'the team that returns the call', ko: '콜백을 맡을 팀' });
      if (step.numberVariable !== null) {
        issues.push(
          ...variableIssues(
            scope,
            step,
            { en: 'the callback number', ko: '콜백 번호 설정' },
            step.numberVariable,
          ),
        );
      }
      break;
    case 'send_sms':
      for (const name of templateVariables(step.template)) {
        issues.push(...variableIssues(scope, step, { en: 'the text message', ko: '문자 내용' }, name));
      }
      break;
    case 'ivr_buttons':
    case 'voice_message':
    case 'end_call':
    case 'input_form':
    case 'tag':
    case 'transfer':
      break;
  }
  return issues;
}

/** A recording deleted from the prompt store after the step chose it. */
function audioIssues(scope: ValidationScope, step: Step): WorkflowIssue[] {
  return stepPrompts(step).flatMap(({ field, prompt }) => {
    if (prompt?.kind !== 'audio' || scope.context.audioPromptIds.has(prompt.promptId)) return [];
    const label = promptFieldLabels[field];
    return [
      issueAbout('error', 'missing_audio', step, {
        en: `the recording for ${label.en} no longer exists; upload it again or choose another`,
        ko: `${label.ko}의 녹음 파일이 더 이상 존재하지 않습니다. 다시 업로드하거나 다른 녹음을 선택해 주세요`,
      }),
    ];
  });
}

/** `where` names the branch or filter, e.g. `branch "Open"` / `"Open" 분기`. */
function criterionIssues(
  scope: ValidationScope,
  subject: IssueSubject,
  where: IssueText,
  criterion: Criterion,
): WorkflowIssue[] {
  switch (criterion.kind) {
    case 'office_hours':
      return hasCalendar(scope, criterion.calendarId)
        ? []
        : [
            issueAbout('error', 'unknown_calendar', subject, {
              en: `${where.en} checks office hours by a calendar that does not exist ("${criterion.calendarId}")`,
              ko: `${where.ko}에서 존재하지 않는 캘린더("${criterion.calendarId}")로 업무 시간을 확인합니다`,
            }),
          ];
    case 'queue':
      if (criterion.teamId === null) {
        return [
          issueAbout('error', 'no_team_chosen', subject, {
            en: `${where.en} checks a queue; choose the team whose queue it checks`,
            ko: `${where.ko}에서 대기열을 확인합니다. 어느 팀의 대기열인지 선택해 주세요`,
          }),
        ];
      }
      return scope.context.teamIds.has(criterion.teamId)
        ? []
        : [
            issueAbout('error', 'unknown_team', subject, {
              en: `${where.en} checks the queue of a team that no longer exists ("${criterion.teamId}")`,
              ko: `${where.ko}에서 더 이상 존재하지 않는 팀("${criterion.teamId}")의 대기열을 확인합니다`,
            }),
          ];
    case 'line':
      return scope.context.lineIds.has(criterion.lineId)
        ? []
        : [
            issueAbout('error', 'unknown_line', subject, {
              en: `${where.en} checks a line that no longer exists`,
              ko: `${where.ko}에서 확인하는 회선이 더 이상 존재하지 않습니다`,
            }),
          ];
    case 'variable':
      return subject === 'trigger'
        ? filterVariableIssues(criterion.name)
        : variableIssues(scope, subject, where, criterion.name);
    case 'caller_number':
    case 'caller_in_list':
    case 'dialled_number':
      return [];
  }
}

function variableIssues(scope: ValidationScope, step: Step, where: IssueText, name: string): WorkflowIssue[] {
  if (isBuiltIn(name) || scope.formVariables.has(name)) return [];
  return [
    issueAbout('error', 'unknown_variable', step, {
      en: `${where.en} uses the variable "${name}", which is neither built in nor saved by an input form`,
      ko: `${where.ko}에서 쓰는 "${name}" 변수는 기본 변수가 아니며, 이 변수를 저장하는 입력 단계도 없습니다`,
    }),
  ];
}

/** Filters decide whether the workflow takes the call, before any step has saved anything. */
function filterVariableIssues(name: string): WorkflowIssue[] {
  if (isBuiltIn(name)) return [];
  return [
    issueAbout('error', 'unknown_variable', 'trigger', {
      en: `a filter uses the variable "${name}", which has no value yet when a call arrives (filters can use ${builtInVariables.join(', ')})`,
      ko: `필터에서 쓰는 "${name}" 변수는 전화가 걸려 올 때 아직 값이 없습니다. 필터에는 ${builtInVariables.join(', ')} 변수만 쓸 수 있습니다`,
    }),
  ];
}

function isBuiltIn(name: string): boolean {
  return (builtInVariables as readonly string[]).includes(name);
}

function hasCalendar(scope: ValidationScope, calendarId: string): boolean {
  return scope.definition.calendars.some((c) => c.id === calendarId);
}
