import type { Calendar } from './calendar.js';
import type { PromptLanguage } from './prompt.js';
import type { StepInput } from './steps.js';
import {
  TRIGGER,
  TRIGGER_OUTPUT,
  workflowDefinitionSchema,
  type Edge,
  type WorkflowDefinition,
} from './workflow.js';

/**
 * Ready-made workflows to start from: the seed's two ("design the IVR experience", "take
 * callback info when call volume is high") and two more every small office asks for.
 */
export const recipeIds = [
  'ivr_experience',
  'callback_when_busy',
  'after_hours_voicemail',
  'booking_lookup',
] as const;
export type RecipeId = (typeof recipeIds)[number];

export interface RecipeContext {
  language: PromptLanguage;
  /** The office's time zone, for the office-hours calendar. */
  timeZone: string;
  officeName: string;
  /** Existing teams; the recipe assigns to the first ones, else leaves the choice to the manager. */
  teams: readonly { id: string; name: string }[];
}

export interface Recipe {
  name: string;
  definition: WorkflowDefinition;
}

type Texts = Record<PromptLanguage, string>;

/** Creates a draft from a recipe, with placeholder texts in the manager's language. */
export function createFromRecipe(id: RecipeId, context: RecipeContext): Recipe {
  const lang = context.language;
  const t = (texts: Texts): string => texts[lang];
  const office = context.officeName.trim() || t({ en: 'our office', ko: '저희 사무실' });
  const say = (texts: Texts) => ({ kind: 'tts' as const, text: t(texts), language: lang });
  const team = (index: number) => context.teams[index] ?? context.teams[0];
  const assign = (stepId: string, index: number, x: number, y: number): StepInput => ({
    kind: 'assign',
    id: stepId,
    name: team(index)?.name ?? t({ en: 'Team', ko: '상담팀' }),
    target: { kind: 'team', teamId: team(index)?.id ?? null },
    position: { x, y },
  });
  const calendar: Calendar = {
    id: 'office-hours',
    name: t({ en: 'Office hours', ko: '업무 시간' }),
    timeZone: context.timeZone,
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
    holidays: [],
    exceptions: [],
  };
  const officeHoursBranch: StepInput = {
    kind: 'branch',
    id: 'hours',
    name: t({ en: 'Office hours?', ko: '업무 시간인가요?' }),
    branches: [
      {
        id: 'open',
        name: t({ en: 'Open', ko: '업무 시간' }),
        all: [{ kind: 'office_hours', calendarId: calendar.id, state: 'open' }],
      },
    ],
    position: { x: 250, y: 0 },
  };
  const hours = t({ en: 'weekdays from 9 a.m. to 6 p.m.', ko: '평일 오전 9시부터 오후 6시까지' });

  switch (id) {
    case 'ivr_experience':
      return build(
        t({ en: 'Main IVR', ko: '대표 번호 안내' }),
        'customer_called',
        [calendar],
        [
          officeHoursBranch,
          {
            kind: 'ivr_buttons',
            id: 'menu',
            name: t({ en: 'Main menu', ko: '메인 메뉴' }),
            prompt: say({
              en: `Thank you for calling ${office}. For sales, press 1. For support, press 2. To hear this again, press star.`,
              ko: `${office}에 전화해 주셔서 감사합니다. 영업 문의는 1번, 고객 지원은 2번을 눌러 주세요. 다시 들으시려면 별표를 눌러 주세요.`,
            }),
            buttons: [{ key: '1' }, { key: '2' }],
            position: { x: 500, y: -100 },
          },
          assign('sales', 0, 750, -200),
          assign('support', 1, 750, 0),
          {
            kind: 'voice_message',
            id: 'closed',
            name: t({ en: 'After hours', ko: '업무 시간 외 안내' }),
            prompt: say({
              en: `Thank you for calling ${office}. We are open ${hours}. Please call again then.`,
              ko: `${office}에 전화해 주셔서 감사합니다. 업무 시간은 ${hours}입니다. 업무 시간에 다시 전화해 주세요.`,
            }),
            position: { x: 500, y: 150 },
          },
          {
            kind: 'end_call',
            id: 'bye',
            name: t({ en: 'End call', ko: '통화 종료' }),
            position: { x: 750, y: 150 },
          },
        ],
        [
          [TRIGGER, TRIGGER_OUTPUT, 'hours'],
          ['hours', 'branch:open', 'menu'],
          ['hours', 'no_match', 'closed'],
          ['menu', 'key:1', 'sales'],
          ['menu', 'key:2', 'support'],
          ['menu', 'invalid', 'bye'],
          ['menu', 'timeout', 'bye'],
          ['closed', 'next', 'bye'],
        ],
      );
    case 'callback_when_busy':
      return build(
        t({ en: 'Callback when busy', ko: '통화량이 많을 때 콜백 접수' }),
        'waiting_in_queue',
        [],
        [
          {
            kind: 'ivr_buttons',
            id: 'offer',
            name: t({ en: 'Offer a callback', ko: '콜백 안내' }),
            prompt: say({
              en: 'All our staff are busy. To have us call you back, press 1. To keep waiting, press 2.',
              ko: '지금은 모든 상담원이 통화 중입니다. 전화를 다시 받으시려면 1번, 계속 기다리시려면 2번을 눌러 주세요.',
            }),
            buttons: [{ key: '1' }, { key: '2' }],
            position: { x: 250, y: 0 },
          },
          {
            kind: 'input_form',
            id: 'number',
            name: t({ en: 'Callback number', ko: '콜백 번호' }),
            prompt: say({
              en: 'Please enter the number we should call, then press the pound key.',
              ko: '연락받으실 전화번호를 입력하신 뒤 우물 정자를 눌러 주세요.',
            }),
            variable: 'callback_number',
            minDigits: 9,
            maxDigits: 11,
            startsWith: ['0'],
            readback: true,
            confirm: true,
            position: { x: 500, y: -100 },
          },
          {
            kind: 'callback',
            id: 'save',
            name: t({ en: 'Save the callback', ko: '콜백 저장' }),
            numberVariable: 'callback_number',
            teamId: team(0)?.id ?? null,
            reason: t({ en: 'Asked for a callback while waiting', ko: '대기 중 콜백 요청' }),
            position: { x: 750, y: -100 },
          },
          {
            kind: 'end_call',
            id: 'bye',
            name: t({ en: 'Confirm and end', ko: '접수 안내 후 종료' }),
            prompt: say({
              en: 'Thank you. We will call you back as soon as we can.',
              ko: '감사합니다. 최대한 빨리 전화드리겠습니다.',
            }),
            position: { x: 1000, y: -100 },
          },
          {
            kind: 'voice_message',
            id: 'hold',
            name: t({ en: 'Keep waiting', ko: '계속 대기' }),
            prompt: say({
              en: 'Thank you for waiting. We will be with you shortly.',
              ko: '기다려 주셔서 감사합니다. 곧 연결해 드리겠습니다.',
            }),
            position: { x: 500, y: 100 },
          },
        ],
        [
          [TRIGGER, TRIGGER_OUTPUT, 'offer'],
          ['offer', 'key:1', 'number'],
          ['offer', 'key:2', 'hold'],
          ['offer', 'invalid', 'hold'],
          ['offer', 'timeout', 'hold'],
          ['number', 'next', 'save'],
          ['number', 'invalid', 'hold'],
          ['number', 'timeout', 'hold'],
          ['save', 'next', 'bye'],
        ],
      );
    case 'after_hours_voicemail':
      return build(
        t({ en: 'After-hours voicemail', ko: '업무 시간 외 음성사서함' }),
        'customer_called',
        [calendar],
        [
          officeHoursBranch,
          assign('team', 0, 500, -100),
          {
            kind: 'voicemail',
            id: 'voicemail',
            name: t({ en: 'Voicemail', ko: '음성 메시지' }),
            greeting: say({
              en: `You have reached ${office} outside our hours, ${hours}. Please leave a message after the tone and press the pound key when you are done.`,
              ko: `${office}입니다. 지금은 업무 시간이 아닙니다. 업무 시간은 ${hours}입니다. 삐 소리가 나면 메시지를 남기시고 우물 정자를 눌러 주세요.`,
            }),
            teamId: team(0)?.id ?? null,
            position: { x: 500, y: 100 },
          },
        ],
        [
          [TRIGGER, TRIGGER_OUTPUT, 'hours'],
          ['hours', 'branch:open', 'team'],
          ['hours', 'no_match', 'voicemail'],
        ],
      );
    case 'booking_lookup':
      return build(
        t({ en: 'Booking number lookup', ko: '예약 번호 조회' }),
        'customer_called',
        [],
        [
          {
            kind: 'input_form',
            id: 'booking',
            name: t({ en: 'Booking number', ko: '예약 번호' }),
            prompt: say({
              en: 'Please enter your booking number, then press the pound key.',
              ko: '예약 번호를 입력하신 뒤 우물 정자를 눌러 주세요.',
            }),
            variable: 'booking_number',
            minDigits: 6,
            maxDigits: 12,
            readback: true,
            confirm: true,
            position: { x: 250, y: 0 },
          },
          {
            kind: 'tag',
            id: 'tag',
            name: t({ en: 'Tag: booking', ko: '태그: 예약' }),
            tags: [t({ en: 'booking', ko: '예약' })],
            position: { x: 500, y: 0 },
          },
          assign('team', 0, 750, 0),
          {
            kind: 'end_call',
            id: 'bye',
            name: t({ en: 'End call', ko: '통화 종료' }),
            position: { x: 500, y: 150 },
          },
        ],
        [
          [TRIGGER, TRIGGER_OUTPUT, 'booking'],
          ['booking', 'next', 'tag'],
          ['booking', 'invalid', 'bye'],
          ['booking', 'timeout', 'bye'],
          ['tag', 'next', 'team'],
        ],
      );
  }
}

function build(
  name: string,
  trigger: 'customer_called' | 'waiting_in_queue',
  calendars: Calendar[],
  steps: StepInput[],
  edges: [string, string, string][],
): Recipe {
  return {
    name,
    definition: workflowDefinitionSchema.parse({
      trigger:
        trigger === 'customer_called'
          ? { kind: trigger }
          : { kind: trigger, afterSec: 60, repeatEverySec: 120 },
      steps,
      edges: edges.map(([source, output, target]): Edge => ({ source, output, target })),
      calendars,
    }),
  };
}
