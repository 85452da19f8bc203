/**
 * The workflow editor's words, English and Korean side by side so a new key cannot miss one
 * language. Merged into the catalogues in i18n/messages.*.ts.
 */
const messages = {
  'workflows.title': ['Workflows', '워크플로'],
  'workflows.lead': [
    'Call flows for your numbers. The topmost "customer called" workflow answers numbers bound to none.',
    '번호별 통화 흐름입니다. 어떤 번호에도 연결되지 않은 전화는 맨 위의 "고객 전화 수신" 워크플로가 받습니다.',
  ],
  'workflows.new': ['New workflow', '새 워크플로'],
  'workflows.newBlank': ['Blank', '빈 워크플로'],
  'workflows.newWaiting': ['Blank, while waiting in a queue', '빈 워크플로 (대기 중 실행)'],
  'workflows.recipe.ivr_experience': ['Main IVR with office hours', '업무 시간 대표번호 안내'],
  'workflows.recipe.callback_when_busy': ['Callback when busy', '통화량이 많을 때 콜백 접수'],
  'workflows.recipe.after_hours_voicemail': ['After-hours voicemail', '업무 외 시간 음성 메시지'],
  'workflows.recipe.booking_lookup': ['Booking lookup', '예약 조회'],
  'workflows.empty': [
    'No workflows yet. Start from a recipe or a blank one.',
    '아직 워크플로가 없습니다. 예제나 빈 워크플로로 시작하세요.',
  ],
  'workflows.trigger.customer_called': ['Customer called', '고객 전화 수신'],
  'workflows.trigger.waiting_in_queue': ['Waiting in a queue', '대기열에서 대기 중'],
  'workflows.status.draft': ['Draft', '초안'],
  'workflows.status.live': ['Published v{version}', '게시됨 v{version}'],
  'workflows.status.changed': ['Unpublished changes', '게시되지 않은 변경'],
  'workflows.numbers': ['Numbers', '번호'],
  'workflows.open': ['Open {name}', '{name} 열기'],
  'workflows.remove': ['Delete {name}', '{name} 삭제'],
  'workflows.removeConfirm': [
    'Delete "{name}"? Calls to its numbers will go to the default workflow.',
    '"{name}"을(를) 삭제할까요? 이 워크플로의 번호로 오는 전화는 기본 워크플로가 받습니다.',
  ],
  'workflows.moveUp': ['Move {name} up', '{name} 위로'],
  'workflows.moveDown': ['Move {name} down', '{name} 아래로'],
  'editor.back': ['All workflows', '워크플로 목록'],
  'editor.name': ['Workflow name', '워크플로 이름'],
  'editor.saving': ['Saving…', '저장 중…'],
  'editor.saved': ['All changes saved', '모든 변경 사항 저장됨'],
  'editor.unsaved': ['Unsaved changes', '저장되지 않은 변경'],
  'editor.saveFailed': ['Could not save: {message}', '저장하지 못했습니다: {message}'],
  'editor.publish': ['Publish', '게시'],
  'editor.publishNote': ['What changed (optional)', '변경 내용 (선택)'],
  'editor.published': ['Published version {version}', '버전 {version}을 게시했습니다'],
  'editor.publishBlocked': ['Fix the problems below to publish', '게시하려면 아래 문제를 고치세요'],
  'editor.undo': ['Undo', '실행 취소'],
  'editor.redo': ['Redo', '다시 실행'],
  'editor.delete': ['Delete selected', '선택 항목 삭제'],
  'editor.layout': ['Tidy up', '자동 정렬'],
  'editor.palette': ['Add a step', '단계 추가'],
  'editor.problems': ['Problems', '문제'],
  'editor.noProblems': ['No problems: ready to publish.', '문제가 없습니다. 게시할 수 있습니다.'],
  'editor.canvas': ['Workflow canvas', '워크플로 캔버스'],
  'editor.inspector': ['Step settings', '단계 설정'],
  'editor.nothingSelected': ['Select a step to change it.', '바꿀 단계를 선택하세요.'],
  'editor.leaveUnsaved': [
    'Changes are still being saved. Leave anyway?',
    '변경 사항을 아직 저장하는 중입니다. 그래도 나갈까요?',
  ],
  'inspector.name': ['Step name', '단계 이름'],
  'step.trigger': ['Trigger', '시작 조건'],
  'step.branch': ['Branch', '조건 분기'],
  'step.ivr_buttons': ['IVR buttons', 'IVR 버튼'],
  'step.voice_message': ['Voice message', '음성 안내'],
  'step.end_call': ['End call', '통화 종료'],
  'step.voicemail': ['Voicemail', '음성 사서함'],
  'step.input_form': ['Input form', '번호 입력'],
  'step.assign': ['Assign', '상담 연결'],
  'step.send_sms': ['Send SMS', '문자 발송'],
  'step.tag': ['Tag', '태그'],
  'step.transfer': ['Transfer', '전화 돌려주기'],
  'step.callback': ['Callback', '콜백 접수'],
} as const satisfies Record<string, readonly [string, string]>;

type Key = keyof typeof messages;

export const workflowMessagesEn = Object.fromEntries(
  Object.entries(messages).map(([key, [en]]) => [key, en]),
) as Record<Key, string>;

export const workflowMessagesKo = Object.fromEntries(
  Object.entries(messages).map(([key, [, ko]]) => [key, ko]),
) as Record<Key, string>;
