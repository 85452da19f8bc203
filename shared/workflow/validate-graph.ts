import { outputLabel } from './output-label.js';
import { outputsOf, waitsForCaller, type Step } from './steps.js';
import type { ValidationScope } from './validation-scope.js';
import { TRIGGER, TRIGGER_OUTPUT, type Edge } from './workflow.js';
import { issueAbout, stepName, type IssueSubject, type WorkflowIssue } from './workflow-issue.js';

/**
 * The shape of the graph: one entry, edges that start and end at real exits and steps, no
 * duplicates, every step reachable, ids unique, names given, and no loop the caller cannot
 * leave because nothing in it waits for them.
 */
export function graphIssues(scope: ValidationScope): WorkflowIssue[] {
  return [
    ...stepIdentityIssues(scope),
    ...entryIssues(scope),
    ...edgeIssues(scope),
    ...unreachableIssues(scope),
    ...silentLoopIssues(scope),
  ];
}

function stepIdentityIssues(scope: ValidationScope): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  for (const step of scope.definition.steps) {
    const first = scope.steps.get(step.id);
    if (first && first !== step) {
      issues.push(
        issueAbout('error', 'duplicate_step_id', step, {
          en: `its id "${step.id}" is also the id of step "${stepName(first)}"; each step needs its own id`,
          ko: `"${stepName(first)}" 단계와 아이디("${step.id}")가 같습니다. 단계마다 다른 아이디가 필요합니다`,
        }),
      );
    }
    if (step.id === TRIGGER) {
      issues.push(
        issueAbout('error', 'reserved_step_id', step, {
          en: `"${TRIGGER}" is reserved for the trigger; give the step another id`,
          ko: `"${TRIGGER}"는 트리거에 예약된 아이디입니다. 단계에 다른 아이디를 지정해 주세요`,
        }),
      );
    }
    if (step.name.trim() === '') {
      issues.push(
        issueAbout('error', 'empty_step_name', step, {
          en: 'the step has no name; give it one so that people can tell it apart in reports and call logs',
          ko: '이름이 없습니다. 보고서와 통화 기록에서 알아볼 수 있도록 이름을 입력해 주세요',
        }),
      );
    }
  }
  return issues;
}

function entryIssues(scope: ValidationScope): WorkflowIssue[] {
  const entries = scope.definition.edges
    .map((edge, index) => ({ edge, index }))
    .filter(({ edge }) => edge.source === TRIGGER && edge.output === TRIGGER_OUTPUT);
  if (entries.length === 0) {
    return [
      issueAbout('error', 'no_entry', 'trigger', {
        en: 'it is not connected to a first step; connect it to the step calls should start with',
        ko: '첫 단계와 연결되어 있지 않습니다. 통화가 시작될 단계에 연결해 주세요',
      }),
    ];
  }
  return entries.slice(1).map(({ edge, index }) => {
    const target = scope.steps.get(edge.target);
    const name = target ? stepName(target) : edge.target;
    return {
      ...issueAbout(
        'error',
        'multiple_entries',
        'trigger',
        {
          en: `it is connected to more than one first step; remove the connection to "${name}" to keep only one`,
          ko: `첫 단계가 둘 이상 연결되어 있습니다. "${name}" 단계로 가는 연결을 삭제해 하나만 남겨 주세요`,
        },
        index,
      ),
      ...(target ? { stepId: target.id } : {}),
    };
  });
}

function edgeIssues(scope: ValidationScope): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const seen = new Set<string>();
  scope.definition.edges.forEach((edge, index) => {
    const source: IssueSubject | undefined = edge.source === TRIGGER ? TRIGGER : scope.steps.get(edge.source);
    const target = scope.steps.get(edge.target);
    if (!source) {
      issues.push(unknownSourceIssue(edge, index, target));
      return;
    }
    const exit = outputLabel(source, edge.output);
    const outputs = source === TRIGGER ? [TRIGGER_OUTPUT] : outputsOf(source);
    if (!outputs.includes(edge.output)) {
      const owner =
        source === TRIGGER ? { en: 'the trigger', ko: '트리거' } : { en: 'this step', ko: '이 단계' };
      issues.push(
        issueAbout(
          'error',
          'unknown_output',
          source,
          {
            en: `a connection starts from ${exit.en}, which ${owner.en} does not have`,
            ko: `${owner.ko}에 없는 ${exit.ko}에서 연결이 시작됩니다`,
          },
          index,
        ),
      );
    }
    if (!target) {
      issues.push(
        issueAbout(
          'error',
          'dangling_edge',
          source,
          {
            en: `${exit.en} leads to a step that does not exist ("${edge.target}")`,
            ko: `${exit.ko}가 존재하지 않는 단계("${edge.target}")로 연결되어 있습니다`,
          },
          index,
        ),
      );
    }
    // More than one entry is its own issue; the trigger's start is not counted twice.
    const exitKey = `${edge.source} ${edge.output}`;
    if (seen.has(exitKey) && source !== TRIGGER) {
      issues.push(
        issueAbout(
          'error',
          'duplicate_edge',
          source,
          {
            en: `${exit.en} is connected more than once, but a path can lead to one step only; remove the extra connection`,
            ko: `${exit.ko}가 두 번 이상 연결되어 있습니다. 한 경로는 한 단계로만 이어질 수 있으니 중복된 연결을 삭제해 주세요`,
          },
          index,
        ),
      );
    }
    seen.add(exitKey);
    if (source !== TRIGGER && edge.target === source.id && !waitsForCaller(source)) {
      issues.push(
        issueAbout(
          'error',
          'self_loop',
          source,
          {
            en: `${exit.en} leads back to this same step, so the call would repeat it forever`,
            ko: `${exit.ko}가 같은 단계로 되돌아가므로 통화가 이 단계를 끝없이 반복합니다`,
          },
          index,
        ),
      );
    }
  });
  return issues;
}

function unknownSourceIssue(edge: Edge, index: number, target: Step | undefined): WorkflowIssue {
  const name = target ? stepName(target) : edge.target;
  return {
    severity: 'error',
    code: 'unknown_source',
    ...(target ? { stepId: target.id } : {}),
    edgeIndex: index,
    text: {
      en: `A connection to step "${name}" starts from a step that does not exist ("${edge.source}")`,
      ko: `"${name}" 단계로 가는 연결이 존재하지 않는 단계("${edge.source}")에서 시작됩니다`,
    },
  };
}

/** Steps no path from the entry leads to. Without an entry, `no_entry` already says it all. */
function unreachableIssues(scope: ValidationScope): WorkflowIssue[] {
  const next = successors(scope);
  const start = scope.definition.edges
    .filter((e) => e.source === TRIGGER && e.output === TRIGGER_OUTPUT && scope.steps.has(e.target))
    .map((e) => e.target);
  if (start.length === 0) return [];
  const reached = new Set<string>(start);
  const queue = [...start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const target of next.get(id) ?? []) {
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return [...scope.steps.values()]
    .filter((step) => !reached.has(step.id))
    .map((step) =>
      issueAbout('error', 'unreachable_step', step, {
        en: 'no path leads to this step, so no call ever reaches it; connect it or delete it',
        ko: '이 단계로 이어지는 경로가 없어 어떤 통화도 이 단계에 도달하지 않습니다. 다른 단계와 연결하거나 삭제해 주세요',
      }),
    );
}

/**
 * Loops of steps that never wait for the caller (branches, messages, tags…): a call entering one
 * would go round without end, since nothing in it can change. A step that loops onto itself is
 * `self_loop`'s, so only loops through two or more steps are reported here.
 */
function silentLoopIssues(scope: ValidationScope): WorkflowIssue[] {
  const next = successors(scope);
  const silent = (id: string) => {
    const step = scope.steps.get(id);
    return step !== undefined && !waitsForCaller(step);
  };
  const graph = new Map<string, string[]>();
  for (const id of scope.steps.keys()) {
    if (silent(id)) graph.set(id, (next.get(id) ?? []).filter(silent));
  }
  return stronglyConnected(graph)
    .filter((component) => component.length > 1)
    .map((component): WorkflowIssue => {
      const members = [...scope.steps.values()].filter((step) => component.includes(step.id));
      const names = members.map((step) => `"${stepName(step)}"`);
      const first = members[0] as Step;
      return {
        severity: 'error',
        code: 'silent_loop',
        stepId: first.id,
        text: {
          en: `Steps ${englishList(names)} form a loop that never waits for the caller, so the call would go round forever; add a step that waits for a key, or break the loop`,
          ko: `${names.join(', ')} 단계가 발신자의 입력을 기다리지 않는 순환을 이룹니다. 통화가 끝없이 반복되므로 키 입력을 기다리는 단계를 넣거나 순환을 끊어 주세요`,
        },
      };
    });
}

/** Where each step's edges lead, to steps that exist; the trigger's edges are not a step's. */
function successors(scope: ValidationScope): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const edge of scope.definition.edges) {
    if (edge.source === TRIGGER || !scope.steps.has(edge.target)) continue;
    const list = next.get(edge.source) ?? [];
    list.push(edge.target);
    next.set(edge.source, list);
  }
  return next;
}

/** Tarjan's strongly connected components; the graph is at most a few hundred steps deep. */
function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

function englishList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
