import { describe, expect, it } from 'vitest';
import { createFromRecipe, recipeIds } from './recipes.js';
import type { StepInput } from './steps.js';
import { validateWorkflow, type ValidationContext, type WorkflowIssue } from './validate.js';
import {
  workflowDefinitionSchema,
  type Edge,
  type WorkflowDefinition,
  type WorkflowDefinitionInput,
} from './workflow.js';

const AUDIO = '3b241101-e2bb-4255-8caf-4136c566a962';
const LINE = '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d';

const context: ValidationContext = {
  teamIds: new Set(['sales', 'support']),
  agentIds: new Set(['kim']),
  audioPromptIds: new Set([AUDIO]),
  lineIds: new Set([LINE]),
  transferAllowList: ['0212345678'],
};

const say = (text: string) => ({ kind: 'tts' as const, text, language: 'en' as const });

/**
 * A valid workflow every test breaks in one way: office-hours branch → menu (1 sales, 2 support)
 * → team; after hours → message → goodbye.
 */
function office(): WorkflowDefinitionInput {
  return {
    trigger: { kind: 'customer_called' },
    calendars: [
      {
        id: 'office-hours',
        name: 'Office hours',
        timeZone: 'Asia/Seoul',
        weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
        holidays: [],
        exceptions: [],
      },
    ],
    steps: [
      {
        kind: 'branch',
        id: 'hours',
        name: 'Office hours?',
        branches: [
          {
            id: 'open',
            name: 'Open',
            all: [{ kind: 'office_hours', calendarId: 'office-hours', state: 'open' }],
          },
        ],
      },
      {
        kind: 'ivr_buttons',
        id: 'menu',
        name: 'Main menu',
        prompt: say('For sales, press 1. For support, press 2. To hear this again, press star.'),
        buttons: [{ key: '1' }, { key: '2' }],
      },
      { kind: 'assign', id: 'sales', name: 'Sales', target: { kind: 'team', teamId: 'sales' } },
      { kind: 'assign', id: 'support', name: 'Support', target: { kind: 'team', teamId: 'support' } },
      { kind: 'voice_message', id: 'closed', name: 'After hours', prompt: say('We are closed.') },
      { kind: 'end_call', id: 'bye', name: 'Goodbye' },
    ],
    edges: [
      edge('trigger', 'start', 'hours'),
      edge('hours', 'branch:open', 'menu'),
      edge('hours', 'no_match', 'closed'),
      edge('menu', 'key:1', 'sales'),
      edge('menu', 'key:2', 'support'),
      edge('menu', 'invalid', 'bye'),
      edge('menu', 'timeout', 'bye'),
      edge('closed', 'next', 'bye'),
    ],
  };
}

function edge(source: string, output: string, target: string): Edge {
  return { source, output, target };
}

/** The office workflow changed by `change`, parsed as the API would, then validated. */
function issuesOf(
  change: (definition: WorkflowDefinitionInput) => void,
  with_: Partial<ValidationContext> = {},
): WorkflowIssue[] {
  const input = office();
  change(input);
  return validateWorkflow(workflowDefinitionSchema.parse(input), { ...context, ...with_ });
}

/** For what the schema itself refuses but a hand-built definition may still hold. */
function issuesOfParsed(change: (definition: WorkflowDefinition) => void): WorkflowIssue[] {
  const definition = workflowDefinitionSchema.parse(office());
  change(definition);
  return validateWorkflow(definition, context);
}

function stepOf(definition: WorkflowDefinitionInput, id: string): StepInput {
  const step = definition.steps?.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
}

function addStep(definition: WorkflowDefinitionInput, step: StepInput, from: [string, string]): void {
  definition.steps?.push(step);
  definition.edges?.push(edge(from[0], from[1], step.id));
}

/** Rewires the menu's key 1 to a new step, so that the step is reachable. */
function viaKey1(definition: WorkflowDefinitionInput, step: StepInput): void {
  definition.steps?.push(step);
  definition.edges = definition.edges?.map((e) =>
    e.source === 'menu' && e.output === 'key:1' ? { ...e, target: step.id } : e,
  );
}

function error(code: string, stepId: string | undefined, en: string, ko: string, edgeIndex?: number) {
  return issue('error', code, stepId, en, ko, edgeIndex);
}

function warning(code: string, stepId: string | undefined, en: string, ko: string) {
  return issue('warning', code, stepId, en, ko);
}

function issue(
  severity: WorkflowIssue['severity'],
  code: string,
  stepId: string | undefined,
  en: string,
  ko: string,
  edgeIndex?: number,
): WorkflowIssue {
  return {
    severity,
    code,
    ...(stepId === undefined ? {} : { stepId }),
    ...(edgeIndex === undefined ? {} : { edgeIndex }),
    text: { en, ko },
  };
}

describe('validateWorkflow', () => {
  it('finds nothing wrong with a complete office workflow', () => {
    expect(issuesOf(() => {})).toEqual([]);
  });

  it.each(recipeIds)('finds nothing wrong with the %s recipe in either language', (id) => {
    for (const language of ['ko', 'en'] as const) {
      const { definition } = createFromRecipe(id, {
        language,
        timeZone: 'Asia/Seoul',
        officeName: 'Hana Dental',
        teams: [{ id: 'sales', name: 'Sales' }],
      });
      expect(validateWorkflow(definition, context)).toEqual([]);
    }
  });

  it('accepts a waiting-in-queue workflow that assigns the caller to another team', () => {
    const issues = validateWorkflow(
      workflowDefinitionSchema.parse({
        trigger: { kind: 'waiting_in_queue', teamIds: ['sales'], afterSec: 60 },
        steps: [
          { kind: 'voice_message', id: 'sorry', name: 'Sorry', prompt: say('Sales is busy.') },
          { kind: 'assign', id: 'support', name: 'Support', target: { kind: 'team', teamId: 'support' } },
        ],
        edges: [edge('trigger', 'start', 'sorry'), edge('sorry', 'next', 'support')],
      }),
      context,
    );
    expect(issues).toEqual([]);
  });
});

describe('graph rules', () => {
  it('no_entry: the trigger leads nowhere', () => {
    const issues = issuesOf((d) => {
      d.edges = d.edges?.filter((e) => e.source !== 'trigger');
    });
    expect(issues).toEqual([
      error(
        'no_entry',
        undefined,
        'Trigger: it is not connected to a first step; connect it to the step calls should start with',
        '트리거: 첫 단계와 연결되어 있지 않습니다. 통화가 시작될 단계에 연결해 주세요',
      ),
    ]);
  });

  it('multiple_entries: the trigger starts at two steps', () => {
    const issues = issuesOf((d) => d.edges?.push(edge('trigger', 'start', 'menu')));
    expect(issues).toEqual([
      error(
        'multiple_entries',
        'menu',
        'Trigger: it is connected to more than one first step; remove the connection to "Main menu" to keep only one',
        '트리거: 첫 단계가 둘 이상 연결되어 있습니다. "Main menu" 단계로 가는 연결을 삭제해 하나만 남겨 주세요',
        8,
      ),
    ]);
  });

  it('unknown_source: an edge starts at a step that does not exist', () => {
    const issues = issuesOf((d) => d.edges?.push(edge('menu2', 'next', 'bye')));
    expect(issues).toEqual([
      error(
        'unknown_source',
        'bye',
        'A connection to step "Goodbye" starts from a step that does not exist ("menu2")',
        '"Goodbye" 단계로 가는 연결이 존재하지 않는 단계("menu2")에서 시작됩니다',
        8,
      ),
    ]);
  });

  it('dangling_edge: key 2 leads to a deleted step', () => {
    const issues = issuesOf((d) => {
      d.steps = d.steps?.filter((s) => s.id !== 'support');
    });
    expect(issues).toEqual([
      error(
        'dangling_edge',
        'menu',
        'Step "Main menu": key 2 leads to a step that does not exist ("support")',
        '"Main menu" 단계: 2번 키가 존재하지 않는 단계("support")로 연결되어 있습니다',
        4,
      ),
    ]);
  });

  it('unknown_output: an edge leaves by a key the menu has no button for', () => {
    const issues = issuesOf((d) => d.edges?.push(edge('menu', 'key:5', 'sales')));
    expect(issues).toEqual([
      error(
        'unknown_output',
        'menu',
        'Step "Main menu": a connection starts from key 5, which this step does not have',
        '"Main menu" 단계: 이 단계에 없는 5번 키에서 연결이 시작됩니다',
        8,
      ),
    ]);
  });

  it('duplicate_edge: one exit connected twice', () => {
    const issues = issuesOf((d) => d.edges?.push(edge('closed', 'next', 'menu')));
    expect(issues).toEqual([
      error(
        'duplicate_edge',
        'closed',
        'Step "After hours": the path to the next step is connected more than once, but a path can lead to one step only; remove the extra connection',
        '"After hours" 단계: 다음 단계 경로가 두 번 이상 연결되어 있습니다. 한 경로는 한 단계로만 이어질 수 있으니 중복된 연결을 삭제해 주세요',
        8,
      ),
    ]);
  });

  it('self_loop: a message that leads back to itself', () => {
    const issues = issuesOf((d) => {
      d.edges = d.edges?.map((e) => (e.source === 'closed' ? { ...e, target: 'closed' } : e));
    });
    expect(issues).toEqual([
      error(
        'self_loop',
        'closed',
        'Step "After hours": the path to the next step leads back to this same step, so the call would repeat it forever',
        '"After hours" 단계: 다음 단계 경로가 같은 단계로 되돌아가므로 통화가 이 단계를 끝없이 반복합니다',
        7,
      ),
    ]);
  });

  it('allows a menu to loop onto itself: it waits for a key each time', () => {
    const issues = issuesOf((d) => {
      d.edges = d.edges?.map((e) =>
        e.source === 'menu' && e.output === 'invalid' ? { ...e, target: 'menu' } : e,
      );
    });
    expect(issues).toEqual([]);
  });

  it('unreachable_step: a step no path leads to', () => {
    const issues = issuesOf((d) => {
      d.steps?.push({ kind: 'end_call', id: 'orphan', name: 'Old goodbye' });
    });
    expect(issues).toEqual([
      error(
        'unreachable_step',
        'orphan',
        'Step "Old goodbye": no path leads to this step, so no call ever reaches it; connect it or delete it',
        '"Old goodbye" 단계: 이 단계로 이어지는 경로가 없어 어떤 통화도 이 단계에 도달하지 않습니다. 다른 단계와 연결하거나 삭제해 주세요',
      ),
    ]);
  });

  it('duplicate_step_id: two steps with one id', () => {
    const issues = issuesOf((d) => {
      d.steps?.push({ kind: 'end_call', id: 'bye', name: 'Second goodbye' });
    });
    expect(issues).toEqual([
      error(
        'duplicate_step_id',
        'bye',
        'Step "Second goodbye": its id "bye" is also the id of step "Goodbye"; each step needs its own id',
        '"Second goodbye" 단계: "Goodbye" 단계와 아이디("bye")가 같습니다. 단계마다 다른 아이디가 필요합니다',
      ),
    ]);
  });

  it('reserved_step_id: a step called "trigger" would be mistaken for the trigger', () => {
    const issues = issuesOf((d) => {
      stepOf(d, 'bye').id = 'trigger';
      d.edges = d.edges?.map((e) => (e.target === 'bye' ? { ...e, target: 'trigger' } : e));
    });
    expect(issues).toEqual([
      error(
        'reserved_step_id',
        'trigger',
        'Step "Goodbye": "trigger" is reserved for the trigger; give the step another id',
        '"Goodbye" 단계: "trigger"는 트리거에 예약된 아이디입니다. 단계에 다른 아이디를 지정해 주세요',
      ),
    ]);
  });

  it('empty_step_name: a step is named by its id until it has a name', () => {
    const issues = issuesOf((d) => {
      stepOf(d, 'bye').name = '  ';
    });
    expect(issues).toEqual([
      error(
        'empty_step_name',
        'bye',
        'Step "bye": the step has no name; give it one so that people can tell it apart in reports and call logs',
        '"bye" 단계: 이름이 없습니다. 보고서와 통화 기록에서 알아볼 수 있도록 이름을 입력해 주세요',
      ),
    ]);
  });

  it('silent_loop: a loop of steps none of which waits for the caller', () => {
    const issues = issuesOf((d) => {
      d.steps?.push({ kind: 'tag', id: 'tag', name: 'Tag: after hours', tags: ['after-hours'] });
      d.edges = d.edges?.map((e) => (e.source === 'closed' ? { ...e, target: 'tag' } : e));
      d.edges?.push(edge('tag', 'next', 'hours'));
    });
    expect(issues).toEqual([
      error(
        'silent_loop',
        'hours',
        'Steps "Office hours?", "After hours" and "Tag: after hours" form a loop that never waits for the caller, so the call would go round forever; add a step that waits for a key, or break the loop',
        '"Office hours?", "After hours", "Tag: after hours" 단계가 발신자의 입력을 기다리지 않는 순환을 이룹니다. 통화가 끝없이 반복되므로 키 입력을 기다리는 단계를 넣거나 순환을 끊어 주세요',
      ),
    ]);
  });

  it('allows a loop that passes a menu: the caller chooses each time round', () => {
    const issues = issuesOf((d) => {
      d.edges = d.edges?.map((e) => {
        if (e.source === 'closed') return { ...e, target: 'menu' };
        return e.source === 'menu' && e.output === 'timeout' ? { ...e, target: 'closed' } : e;
      });
    });
    expect(issues).toEqual([]);
  });
});

describe('menu rules', () => {
  it('no_buttons: a menu without buttons', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'menu'), { buttons: [], prompt: say('Please hold.') });
      d.edges = d.edges?.filter((e) => !e.output.startsWith('key:'));
      d.steps = d.steps?.filter((s) => s.kind !== 'assign');
    });
    expect(issues).toEqual([
      error(
        'no_buttons',
        'menu',
        'Step "Main menu": the menu has no buttons; add at least one key the caller can press',
        '"Main menu" 단계: 메뉴에 버튼이 없습니다. 발신자가 누를 키를 하나 이상 추가해 주세요',
      ),
    ]);
  });

  it('duplicate_key: two buttons for key 2', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'menu'), {
        buttons: [{ key: '1' }, { key: '2' }, { key: '2', label: 'Billing' }],
      });
    });
    expect(issues).toEqual([
      error(
        'duplicate_key',
        'menu',
        'Step "Main menu": key 2 is used by more than one button',
        '"Main menu" 단계: 2번 키를 쓰는 버튼이 둘 이상입니다',
      ),
    ]);
  });

  it('unwired_key: key 3 goes nowhere', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'menu'), {
        prompt: say('For sales, press 1. For support, press 2. For billing, press 3.'),
        buttons: [{ key: '1' }, { key: '2' }, { key: '3' }],
      });
    });
    expect(issues).toEqual([
      error(
        'unwired_key',
        'menu',
        'Step "Main menu": key 3 goes nowhere',
        '"Main menu" 단계: 3번 키가 연결되어 있지 않습니다',
      ),
    ]);
  });

  it('unwired_invalid and unwired_timeout: warnings that say what happens by default', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'menu'), { timeoutSec: 7 });
      d.edges = d.edges?.filter((e) => !(e.source === 'menu' && ['invalid', 'timeout'].includes(e.output)));
    });
    expect(issues).toEqual([
      warning(
        'unwired_invalid',
        'menu',
        'Step "Main menu": nothing is connected for a wrong key. By default the caller is asked again 2 times, then hears a goodbye and the call ends',
        '"Main menu" 단계: 잘못 눌렀을 때의 경로가 연결되어 있지 않습니다. 기본 동작으로 2회 다시 안내한 뒤 작별 인사를 하고 통화를 종료합니다',
      ),
      warning(
        'unwired_timeout',
        'menu',
        'Step "Main menu": nothing is connected for when the caller presses nothing (7 seconds). By default the caller is asked again 2 times, then hears a goodbye and the call ends',
        '"Main menu" 단계: 입력이 없을 때(7초)의 경로가 연결되어 있지 않습니다. 기본 동작으로 2회 다시 안내한 뒤 작별 인사를 하고 통화를 종료합니다',
      ),
    ]);
  });

  it('unwired_timeout in a waiting-in-queue workflow: the caller goes back to the queue', () => {
    const issues = validateWorkflow(
      workflowDefinitionSchema.parse({
        trigger: { kind: 'waiting_in_queue', afterSec: 60, inputTimeoutSec: 15 },
        steps: [
          {
            kind: 'ivr_buttons',
            id: 'offer',
            name: 'Offer a callback',
            prompt: say('To have us call you back, press 1.'),
            buttons: [{ key: '1' }],
            retries: 0,
          },
          { kind: 'callback', id: 'save', name: 'Save the callback' },
        ],
        edges: [
          edge('trigger', 'start', 'offer'),
          edge('offer', 'key:1', 'save'),
          edge('offer', 'invalid', 'save'),
        ],
      }),
      context,
    );
    expect(issues).toEqual([
      warning(
        'unwired_timeout',
        'offer',
        'Step "Offer a callback": nothing is connected for when the caller presses nothing (15 seconds). By default the caller goes back to waiting in the queue',
        '"Offer a callback" 단계: 입력이 없을 때(15초)의 경로가 연결되어 있지 않습니다. 기본 동작으로 발신자를 대기열로 돌려보냅니다',
      ),
    ]);
  });
});

describe('input form rules', () => {
  const form = (fields: Partial<Extract<StepInput, { kind: 'input_form' }>> = {}): StepInput => ({
    kind: 'input_form',
    id: 'booking',
    name: 'Booking number',
    prompt: say('Please enter your booking number, then press the pound key.'),
    variable: 'booking_number',
    minDigits: 6,
    maxDigits: 10,
    retries: 1,
    ...fields,
  });

  it('unwired_next, unwired_invalid, unwired_timeout: warnings for a form wired nowhere', () => {
    const issues = issuesOf((d) => viaKey1(d, form()));
    expect(issues).toEqual([
      // Sales is now reached by no path: the form took its place behind key 1.
      expect.objectContaining({ code: 'unreachable_step', stepId: 'sales' }),
      warning(
        'unwired_next',
        'booking',
        'Step "Booking number": nothing follows a valid entry, so the call ends right after it',
        '"Booking number" 단계: 입력을 마친 뒤의 경로가 연결되어 있지 않아, 입력 직후 통화가 종료됩니다',
      ),
      warning(
        'unwired_invalid',
        'booking',
        'Step "Booking number": nothing is connected for an invalid entry. By default the caller is asked again once, then hears a goodbye and the call ends',
        '"Booking number" 단계: 잘못 입력했을 때의 경로가 연결되어 있지 않습니다. 기본 동작으로 1회 다시 안내한 뒤 작별 인사를 하고 통화를 종료합니다',
      ),
      warning(
        'unwired_timeout',
        'booking',
        'Step "Booking number": nothing is connected for when the caller presses nothing (10 seconds). By default the caller is asked again once, then hears a goodbye and the call ends',
        '"Booking number" 단계: 입력이 없을 때(10초)의 경로가 연결되어 있지 않습니다. 기본 동작으로 1회 다시 안내한 뒤 작별 인사를 하고 통화를 종료합니다',
      ),
    ]);
  });

  it('confirm_without_readback: confirming an entry the caller never heard', () => {
    const issues = issuesOf((d) => {
      viaKey1(d, form({ confirm: true, readback: false }));
      d.edges?.push(edge('booking', 'next', 'sales'), edge('booking', 'invalid', 'bye'));
      d.edges?.push(edge('booking', 'timeout', 'bye'));
    });
    expect(issues).toEqual([
      error(
        'confirm_without_readback',
        'booking',
        'Step "Booking number": it asks the caller to confirm an entry it never reads back; turn on read-back or turn off confirmation',
        '"Booking number" 단계: 입력한 내용을 읽어 주지 않은 채 맞는지 확인을 요청합니다. 다시 읽어 주기를 켜거나 확인 요청을 꺼 주세요',
      ),
    ]);
  });
});

describe('branch rules', () => {
  it('no_branches: a branch step with no branches', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'hours'), { branches: [] });
      d.edges = d.edges?.filter((e) => e.output !== 'branch:open');
      d.edges?.push(edge('closed', 'next', 'menu'));
      d.edges = d.edges?.filter((e) => !(e.source === 'closed' && e.target === 'bye'));
    });
    expect(issues).toEqual([
      error(
        'no_branches',
        'hours',
        'Step "Office hours?": add at least one branch with a condition',
        '"Office hours?" 단계: 분기가 없습니다. 조건이 있는 분기를 하나 이상 추가해 주세요',
      ),
    ]);
  });

  it('branch_without_criteria: a branch that would always match', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'hours'), { branches: [{ id: 'open', name: 'Open', all: [] }] });
    });
    expect(issues).toEqual([
      error(
        'branch_without_criteria',
        'hours',
        'Step "Office hours?": branch "Open" has no conditions; add at least one',
        '"Office hours?" 단계: "Open" 분기에 조건이 없습니다. 조건을 하나 이상 추가해 주세요',
      ),
    ]);
  });

  it('duplicate_branch_id: two branches with one id', () => {
    const issues = issuesOf((d) => {
      const hours = stepOf(d, 'hours');
      if (hours.kind !== 'branch') throw new Error('not a branch');
      hours.branches?.push({
        id: 'open',
        name: 'Holiday',
        all: [{ kind: 'office_hours', calendarId: 'office-hours', state: 'holiday' }],
      });
    });
    expect(issues).toEqual([
      error(
        'duplicate_branch_id',
        'hours',
        'Step "Office hours?": branch "Holiday" has the id "open" of an earlier branch; each branch needs its own id',
        '"Office hours?" 단계: "Holiday" 분기의 아이디("open")가 앞의 분기와 같습니다. 분기마다 다른 아이디가 필요합니다',
      ),
    ]);
  });

  it('unwired_branch: a branch that goes nowhere', () => {
    const issues = issuesOf((d) => {
      const hours = stepOf(d, 'hours');
      if (hours.kind !== 'branch') throw new Error('not a branch');
      hours.branches?.push({
        id: 'vip',
        name: 'VIP caller',
        all: [{ kind: 'caller_in_list', listName: 'VIP', numbers: ['01012345678'] }],
      });
    });
    expect(issues).toEqual([
      error(
        'unwired_branch',
        'hours',
        'Step "Office hours?": branch "VIP caller" goes nowhere',
        '"Office hours?" 단계: "VIP caller" 분기가 연결되어 있지 않습니다',
      ),
    ]);
  });

  it('unwired_no_match: a warning that says what happens by default', () => {
    const issues = issuesOf((d) => {
      d.edges = d.edges?.filter((e) => e.output !== 'no_match');
      d.edges?.push(edge('menu', 'key:2', 'closed'));
      d.edges = d.edges?.filter((e) => e.target !== 'support');
      d.steps = d.steps?.filter((s) => s.id !== 'support');
    });
    expect(issues).toEqual([
      warning(
        'unwired_no_match',
        'hours',
        'Step "Office hours?": nothing is connected for when no branch matches. By default the caller hears a goodbye and the call ends',
        '"Office hours?" 단계: 어느 조건에도 맞지 않을 때의 경로가 연결되어 있지 않습니다. 기본 동작으로 작별 인사를 하고 통화를 종료합니다',
      ),
    ]);
  });
});

describe('step content rules', () => {
  it('empty_prompt_text: a text prompt with nothing to say', () => {
    const issues = issuesOfParsed((d) => {
      const closed = d.steps.find((s) => s.id === 'closed');
      if (closed?.kind !== 'voice_message') throw new Error('not a message');
      closed.prompt = say(' ');
    });
    expect(issues).toEqual([
      error(
        'empty_prompt_text',
        'closed',
        'Step "After hours": the prompt is empty; write what the caller should hear',
        '"After hours" 단계: 안내 멘트가 비어 있습니다. 발신자에게 들려줄 내용을 입력해 주세요',
      ),
    ]);
  });

  it('missing_audio: a recording deleted from the prompt store', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'closed'), {
        prompt: { kind: 'audio', promptId: 'c0ffee00-0000-4000-8000-000000000000' },
      });
    });
    expect(issues).toEqual([
      error(
        'missing_audio',
        'closed',
        'Step "After hours": the recording for the prompt no longer exists; upload it again or choose another',
        '"After hours" 단계: 안내 멘트의 녹음 파일이 더 이상 존재하지 않습니다. 다시 업로드하거나 다른 녹음을 선택해 주세요',
      ),
    ]);
  });

  it('accepts a recording that exists', () => {
    expect(
      issuesOf((d) => Object.assign(stepOf(d, 'closed'), { prompt: { kind: 'audio', promptId: AUDIO } })),
    ).toEqual([]);
  });

  it('empty_sms_template: a text message with no text', () => {
    const issues = issuesOf((d) => {
      d.edges = d.edges?.map((e) => (e.source === 'closed' ? { ...e, target: 'sms' } : e));
      addStep(
        d,
        { kind: 'send_sms', id: 'sms', name: 'Text our hours', to: { kind: 'caller' }, template: '' },
        ['sms', 'next'],
      );
      d.edges = d.edges?.map((e) => (e.source === 'sms' ? { ...e, target: 'bye' } : e));
    });
    expect(issues).toEqual([
      error(
        'empty_sms_template',
        'sms',
        'Step "Text our hours": the text message is empty; write what to send',
        '"Text our hours" 단계: 문자 내용이 비어 있습니다. 보낼 내용을 입력해 주세요',
      ),
    ]);
  });

  it('no_tags: a tag step with no tags', () => {
    const issues = issuesOf((d) => {
      d.edges = d.edges?.map((e) => (e.source === 'closed' ? { ...e, target: 'tag' } : e));
      d.steps?.push({ kind: 'tag', id: 'tag', name: 'Tag the call', tags: [] });
      d.edges?.push(edge('tag', 'next', 'bye'));
    });
    expect(issues).toEqual([
      error(
        'no_tags',
        'tag',
        'Step "Tag the call": add at least one tag to put on the call',
        '"Tag the call" 단계: 태그가 없습니다. 통화에 붙일 태그를 하나 이상 추가해 주세요',
      ),
    ]);
  });
});

describe('transfer rules', () => {
  const transfer = (number: string): StepInput => ({
    kind: 'transfer',
    id: 'mobile',
    name: 'Owner’s mobile',
    number,
  });

  it('accepts a number on the allow-list', () => {
    expect(issuesOf((d) => viaKey1(d, transfer('0212345678'))).map((i) => i.code)).toEqual([
      'unreachable_step',
    ]);
  });

  it('transfer_not_allowed: a number missing from the allow-list (toll fraud)', () => {
    const issues = issuesOf((d) => viaKey1(d, transfer('00797012345678'))).filter(
      (i) => i.code !== 'unreachable_step',
    );
    expect(issues).toEqual([
      error(
        'transfer_not_allowed',
        'mobile',
        'Step "Owner’s mobile": 00797012345678 is not on the transfer allow-list. To protect against toll fraud, calls can only be transferred to numbers on that list; add it on the Settings page first',
        '"Owner’s mobile" 단계: 00797012345678 번호가 통화 전환 허용 목록에 없습니다. 요금 사기(toll fraud)를 막기 위해 허용 목록에 있는 번호로만 전환할 수 있습니다. 먼저 설정 페이지에서 이 번호를 추가해 주세요',
      ),
    ]);
  });

  it('invalid_transfer_number: no number, or not a phone number', () => {
    const empty = issuesOf((d) => viaKey1(d, transfer(''))).filter((i) => i.code !== 'unreachable_step');
    const words = issuesOf((d) => viaKey1(d, transfer('sip:boss@example.com'))).filter(
      (i) => i.code !== 'unreachable_step',
    );
    expect([...empty, ...words]).toEqual([
      error(
        'invalid_transfer_number',
        'mobile',
        'Step "Owner’s mobile": enter the number to transfer the call to',
        '"Owner’s mobile" 단계: 통화를 전환할 전화번호를 입력해 주세요',
      ),
      error(
        'invalid_transfer_number',
        'mobile',
        'Step "Owner’s mobile": "sip:boss@example.com" is not a phone number; use digits only, optionally starting with +',
        '"Owner’s mobile" 단계: 전화번호 형식이 아닙니다("sip:boss@example.com"). 숫자만 입력해 주세요(맨 앞의 +는 쓸 수 있습니다)',
      ),
    ]);
  });
});

describe('reference rules', () => {
  it('unknown_calendar: an office-hours branch on a deleted calendar', () => {
    const issues = issuesOf((d) => {
      d.calendars = [];
    });
    expect(issues).toEqual([
      error(
        'unknown_calendar',
        'hours',
        'Step "Office hours?": branch "Open" checks office hours by a calendar that does not exist ("office-hours")',
        '"Office hours?" 단계: "Open" 분기에서 존재하지 않는 캘린더("office-hours")로 업무 시간을 확인합니다',
      ),
    ]);
  });

  it('unknown_calendar: a trigger scheduled by a deleted calendar', () => {
    const issues = issuesOf((d) => {
      d.trigger = {
        kind: 'customer_called',
        schedule: { kind: 'calendar', calendarId: 'summer', when: 'open' },
      };
    });
    expect(issues).toEqual([
      error(
        'unknown_calendar',
        undefined,
        'Trigger: the schedule uses a calendar that does not exist ("summer")',
        '트리거: 일정에서 존재하지 않는 캘린더("summer")를 사용합니다',
      ),
    ]);
  });

  it('no_team_chosen: an assignment whose team is not chosen yet', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'sales'), { target: { kind: 'team', teamId: null } });
    });
    expect(issues).toEqual([
      error(
        'no_team_chosen',
        'sales',
        'Step "Sales": choose a team to assign the call to',
        '"Sales" 단계: 전화를 배정할 팀을 선택해 주세요',
      ),
    ]);
  });

  it('no_team_chosen: a queue condition without a team', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'hours'), {
        branches: [
          {
            id: 'open',
            name: 'Agents free',
            all: [{ kind: 'queue', teamId: null, metric: 'agents_available', op: 'gt', value: 0 }],
          },
        ],
      });
      d.calendars = [];
    });
    expect(issues).toEqual([
      error(
        'no_team_chosen',
        'hours',
        'Step "Office hours?": branch "Agents free" checks a queue; choose the team whose queue it checks',
        '"Office hours?" 단계: "Agents free" 분기에서 대기열을 확인합니다. 어느 팀의 대기열인지 선택해 주세요',
      ),
    ]);
  });

  it('no_agent_chosen: an assignment to an agent not chosen yet', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'sales'), { target: { kind: 'agent', agentId: null } });
    });
    expect(issues).toEqual([
      error(
        'no_agent_chosen',
        'sales',
        'Step "Sales": choose an agent to assign the call to',
        '"Sales" 단계: 전화를 배정할 상담원을 선택해 주세요',
      ),
    ]);
  });

  it('unknown_agent: an assignment to an agent who has left', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'sales'), { target: { kind: 'agent', agentId: 'lee' } });
    });
    expect(issues).toEqual([
      error(
        'unknown_agent',
        'sales',
        'Step "Sales": the agent it assigns the call to ("lee") no longer exists; choose another',
        '"Sales" 단계: 배정할 상담원("lee")이 더 이상 존재하지 않습니다. 다른 상담원을 선택해 주세요',
      ),
    ]);
  });

  it('unknown_team: in an assignment, a queue condition, a voicemail, a callback and the trigger', () => {
    const assign = issuesOf((d) => {
      Object.assign(stepOf(d, 'sales'), { target: { kind: 'team', teamId: 'gone' } });
    });
    const queue = issuesOf((d) => {
      Object.assign(stepOf(d, 'hours'), {
        branches: [
          {
            id: 'open',
            name: 'Short queue',
            all: [{ kind: 'queue', teamId: 'gone', metric: 'calls_waiting', op: 'lt', value: 5 }],
          },
        ],
      });
      d.calendars = [];
    });
    const voicemail = issuesOf((d) => {
      d.steps = d.steps?.map((s) =>
        s.id === 'bye'
          ? {
              kind: 'voicemail',
              id: 'bye',
              name: 'Voicemail',
              greeting: say('Please leave a message.'),
              teamId: 'gone',
            }
          : s,
      );
    });
    const callback = issuesOf((d) => {
      d.steps = d.steps?.map((s) =>
        s.id === 'bye' ? { kind: 'callback', id: 'bye', name: 'Callback', teamId: 'gone' } : s,
      );
    });
    const trigger = validateWorkflow(
      workflowDefinitionSchema.parse({
        trigger: { kind: 'waiting_in_queue', teamIds: ['sales', 'gone'], afterSec: 30 },
        steps: [{ kind: 'end_call', id: 'bye', name: 'Goodbye' }],
        edges: [edge('trigger', 'start', 'bye')],
      }),
      context,
    );
    expect([...assign, ...queue, ...voicemail, ...callback, ...trigger]).toEqual([
      error(
        'unknown_team',
        'sales',
        'Step "Sales": the team it assigns the call to ("gone") no longer exists; choose another',
        '"Sales" 단계: 배정할 팀("gone")이 더 이상 존재하지 않습니다. 다른 팀을 선택해 주세요',
      ),
      error(
        'unknown_team',
        'hours',
        'Step "Office hours?": branch "Short queue" checks the queue of a team that no longer exists ("gone")',
        '"Office hours?" 단계: "Short queue" 분기에서 더 이상 존재하지 않는 팀("gone")의 대기열을 확인합니다',
      ),
      error(
        'unknown_team',
        'bye',
        'Step "Voicemail": the team whose inbox gets the messages ("gone") no longer exists; choose another',
        '"Voicemail" 단계: 메시지를 받을 팀("gone")이 더 이상 존재하지 않습니다. 다른 팀을 선택해 주세요',
      ),
      error(
        'unknown_team',
        'bye',
        'Step "Callback": the team that returns the call ("gone") no longer exists; choose another',
        '"Callback" 단계: 콜백을 맡을 팀("gone")이 더 이상 존재하지 않습니다. 다른 팀을 선택해 주세요',
      ),
      error(
        'unknown_team',
        undefined,
        'Trigger: it watches the queue of a team that no longer exists ("gone")',
        '트리거: 더 이상 존재하지 않는 팀("gone")의 대기열을 지켜봅니다',
      ),
    ]);
  });

  it('unknown_line: a branch or a filter on a line that was deleted', () => {
    const gone = '0d1a9b9e-8f7c-4d44-b2a5-6b1e6c2f9a11';
    const branch = issuesOf((d) => {
      Object.assign(stepOf(d, 'hours'), {
        branches: [{ id: 'open', name: 'Main line', all: [{ kind: 'line', lineId: gone }] }],
      });
      d.calendars = [];
    });
    const filter = issuesOf((d) => {
      d.trigger = { kind: 'customer_called', filters: [{ kind: 'line', lineId: gone }] };
    });
    expect([...branch, ...filter]).toEqual([
      error(
        'unknown_line',
        'hours',
        'Step "Office hours?": branch "Main line" checks a line that no longer exists',
        '"Office hours?" 단계: "Main line" 분기에서 확인하는 회선이 더 이상 존재하지 않습니다',
      ),
      error(
        'unknown_line',
        undefined,
        'Trigger: a filter checks a line that no longer exists',
        '트리거: 필터에서 확인하는 회선이 더 이상 존재하지 않습니다',
      ),
    ]);
  });

  it('unknown_variable: in a condition, a text message, a callback and a trigger filter', () => {
    const branch = issuesOf((d) => {
      Object.assign(stepOf(d, 'hours'), {
        branches: [
          { id: 'open', name: 'Has booking', all: [{ kind: 'variable', name: 'booking', op: 'is_set' }] },
        ],
      });
      d.calendars = [];
    });
    const sms = issuesOf((d) => {
      d.edges = d.edges?.map((e) => (e.source === 'closed' ? { ...e, target: 'sms' } : e));
      d.steps?.push({
        kind: 'send_sms',
        id: 'sms',
        name: 'Text our hours',
        to: { kind: 'caller' },
        template: 'Hi {{caller}}, booking {{ booking }}: we open at 9.',
      });
      d.edges?.push(edge('sms', 'next', 'bye'));
    });
    const callback = issuesOf((d) => {
      d.steps = d.steps?.map((s) =>
        s.id === 'bye' ? { kind: 'callback', id: 'bye', name: 'Callback', numberVariable: 'mobile' } : s,
      );
    });
    const filter = issuesOf((d) => {
      d.trigger = {
        kind: 'customer_called',
        filters: [{ kind: 'variable', name: 'booking', op: 'is_set' }],
      };
    });
    expect([...branch, ...sms, ...callback, ...filter]).toEqual([
      error(
        'unknown_variable',
        'hours',
        'Step "Office hours?": branch "Has booking" uses the variable "booking", which is neither built in nor saved by an input form',
        '"Office hours?" 단계: "Has booking" 분기에서 쓰는 "booking" 변수는 기본 변수가 아니며, 이 변수를 저장하는 입력 단계도 없습니다',
      ),
      error(
        'unknown_variable',
        'sms',
        'Step "Text our hours": the text message uses the variable "booking", which is neither built in nor saved by an input form',
        '"Text our hours" 단계: 문자 내용에서 쓰는 "booking" 변수는 기본 변수가 아니며, 이 변수를 저장하는 입력 단계도 없습니다',
      ),
      error(
        'unknown_variable',
        'bye',
        'Step "Callback": the callback number uses the variable "mobile", which is neither built in nor saved by an input form',
        '"Callback" 단계: 콜백 번호 설정에서 쓰는 "mobile" 변수는 기본 변수가 아니며, 이 변수를 저장하는 입력 단계도 없습니다',
      ),
      error(
        'unknown_variable',
        undefined,
        'Trigger: a filter uses the variable "booking", which has no value yet when a call arrives (filters can use caller, dialled, line, call_id)',
        '트리거: 필터에서 쓰는 "booking" 변수는 전화가 걸려 올 때 아직 값이 없습니다. 필터에는 caller, dialled, line, call_id 변수만 쓸 수 있습니다',
      ),
    ]);
  });

  it('accepts variables an input form saves', () => {
    const issues = issuesOf((d) => {
      viaKey1(d, {
        kind: 'input_form',
        id: 'booking',
        name: 'Booking number',
        prompt: say('Please enter your booking number.'),
        variable: 'booking',
        minDigits: 6,
        maxDigits: 10,
      });
      d.steps?.push({
        kind: 'send_sms',
        id: 'sms',
        name: 'Confirm by text',
        to: { kind: 'caller' },
        template: 'Booking {{booking}} received.',
      });
      d.edges?.push(
        edge('booking', 'next', 'sms'),
        edge('booking', 'invalid', 'bye'),
        edge('booking', 'timeout', 'bye'),
        edge('sms', 'next', 'sales'),
      );
    });
    expect(issues).toEqual([]);
  });
});

describe('prompt against keys', () => {
  it('announced_key_missing: the prompt says "press 4" but there is no button 4', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'menu'), {
        prompt: say('For sales, press 1. For support, press 2. For billing, press 4.'),
      });
    });
    expect(issues).toEqual([
      error(
        'announced_key_missing',
        'menu',
        'Step "Main menu": the prompt says "press 4" but the step has no button for key 4',
        '"Main menu" 단계: 안내 멘트에서 4번 키를 안내하지만("press 4") 4번 버튼이 없습니다',
      ),
    ]);
  });

  it('announced_key_missing: in Korean, and in a retry message', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'menu'), {
        prompt: { kind: 'tts', language: 'ko', text: '영업 문의는 1번, 고객 지원은 2번을 눌러 주세요.' },
        invalidPrompt: {
          kind: 'tts',
          language: 'ko',
          text: '잘못 누르셨습니다. 1번, 2번 또는 우물 정자를 눌러 주세요.',
        },
      });
    });
    expect(issues).toEqual([
      error(
        'announced_key_missing',
        'menu',
        'Step "Main menu": the invalid-input message says "우물 정자" but the step has no button for key #',
        '"Main menu" 단계: 잘못된 입력 안내 멘트에서 # 키를 안내하지만("우물 정자") # 버튼이 없습니다',
      ),
    ]);
  });

  it('button_not_announced: a wired key the prompt never mentions', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'menu'), { prompt: say('For sales, press 1.') });
    });
    expect(issues).toEqual([
      error(
        'button_not_announced',
        'menu',
        'Step "Main menu": there is a button for key 2, but the prompt never mentions it',
        '"Main menu" 단계: 2번 버튼이 있지만 안내 멘트에서 이 키를 전혀 언급하지 않습니다',
      ),
    ]);
  });

  it('no_keys_announced: a prompt that names no key at all is a warning, once', () => {
    const issues = issuesOf((d) => {
      Object.assign(stepOf(d, 'menu'), { prompt: say('Thank you for calling. Please make your choice.') });
    });
    expect(issues).toEqual([
      warning(
        'no_keys_announced',
        'menu',
        'Step "Main menu": the prompt never says which keys to press, so callers may not know their choices',
        '"Main menu" 단계: 안내 멘트에서 어떤 키를 눌러야 하는지 말하지 않아, 발신자가 선택지를 모를 수 있습니다',
      ),
    ]);
  });

  it('does not read recordings', () => {
    expect(
      issuesOf((d) => Object.assign(stepOf(d, 'menu'), { prompt: { kind: 'audio', promptId: AUDIO } })),
    ).toEqual([]);
  });
});
