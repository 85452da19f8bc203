import { inboxMessages } from '../features/inbox/inbox-messages.js';
import { inspectorMessages } from '../features/workflows/inspector-messages.js';
import { testCallMessages } from '../features/workflows/test-call-messages.js';
import { phoneMessages } from '../features/phone/phone-messages.js';
import { versionsMessages } from '../features/workflows/versions-messages.js';
import { workflowMessages } from '../features/workflows/workflow-messages.js';
import type { Messages } from './messages.en.js';

/** 한국어 메시지. `Messages` 타입이 영어 카탈로그와 같은 키를 빠짐없이 요구한다. */
export const ko: Messages = {
  ...workflowMessages.ko,
  ...inspectorMessages.ko,
  ...testCallMessages.ko,
  ...versionsMessages.ko,
  ...phoneMessages.ko,
  ...inboxMessages.ko,
  'app.name': 'Switchboard',
  'language.label': 'Language / 언어',
  'language.ko': '한국어',
  'language.en': 'English',

  'nav.label': '메뉴',
  'nav.workflows': '워크플로',
  'nav.inbox': '인박스',
  'nav.phone': '전화',
  'nav.analytics': '분석',
  'nav.settings': '설정',

  'page.comingSoon': '다음 버전에서 제공됩니다',
  'page.whatYouWillDo': '여기에서 할 수 있는 일',

  'analytics.title': '분석',
  'analytics.lead': '통화가 워크플로의 각 단계를 어떻게 지나가는지, 어디에서 끊기는지 보여 줍니다.',
  'analytics.point1': '날짜와 시간대별로 받은 통화, 놓친 통화, 끊긴 통화를 봅니다.',
  'analytics.point2': '단계별 횟수: 어떤 메뉴를 고르는지, 어디에서 전화를 끊는지 봅니다.',
  'analytics.point3': '대기열과 팀별 대기 시간을 봅니다.',

  'gate.noToken.title': '엔진이 출력한 링크로 여세요',
  'gate.noToken.body':
    '이 페이지를 열려면 엔진이 시작할 때 출력하는 링크("Switchboard ready: http://…/#token=…")에 들어 있는 접근 토큰이 필요합니다. 그 링크를 열거나 주소 표시줄에 붙여 넣으세요.',
  'gate.unauthorized.title': '토큰이 틀렸거나 만료되었습니다',
  'gate.unauthorized.body':
    '엔진이 이 링크의 접근 토큰을 받아들이지 않았습니다. 엔진이 출력한 최신 링크("Switchboard ready: …")를 다시 여세요.',
  'gate.connecting.title': '엔진에 연결하는 중…',
  'gate.connecting.body': '잠시만 기다려 주세요.',
  'gate.retrying.title': '아직 엔진에 연결할 수 없습니다',
  'gate.retrying.body': '엔진이 실행 중인지 확인하세요. 자동으로 다시 시도하는 중…',

  'status.label': '상태',
  'status.lineState': '{name}: {state}',
  'status.noLine': '설정된 회선이 없습니다 — 설정에서 추가하세요',
  'connection.connecting': '연결 중…',
  'connection.connected': '연결됨',
  'connection.reconnecting': '다시 연결하는 중…',
  'connection.unauthorized': '토큰 거부됨',
  'connection.noToken': '접근 토큰 없음',
  'engine.running': '엔진 실행 중',
  'engine.starting': '엔진 시작 중…',
  'engine.stopping': '엔진 종료 중…',
  'engine.disconnected': '엔진 연결 끊김',

  'registration.disabled': '사용 안 함',
  'registration.not_registered': '아직 등록되지 않음',
  'registration.registering': '등록 중…',
  'registration.registered': '등록됨',
  'registration.failed': '등록 실패',
  'registration.withReason': '{state} ({reason})',

  'settings.title': '설정',
  'settings.loading': '불러오는 중…',
  'office.title': '사무실',
  'office.name': '사무실 이름',
  'office.nameHint': '창 맨 위에 표시됩니다.',
  'office.timeZone': '시간대',
  'office.timeZoneHint': '업무 시간과 보고서가 이 시간대를 따릅니다.',
  'office.trusted': '신뢰하는 SIP 주소',
  'office.transferAllowList': 'IVR이 전환할 수 있는 번호',
  'office.transferAllowListHint':
    '한 줄에 하나씩. 전환 단계는 이 번호로만 걸 수 있어, 발신자가 사무실 요금으로 다른 곳에 전화할 수 없습니다.',
  'office.trustedHint':
    '각 회선의 등록 서버 외에는 이 IP 주소만 전화를 보낼 수 있습니다 (한 줄에 하나, 예: 보조 프록시). 잘 모르면 비워 두세요.',
  'office.apply': '적용',

  'lines.title': '회선',
  'lines.lead':
    '사무실 PBX 또는 SIP 사업자의 SIP 계정입니다. 엔진이 이 계정으로 등록하고 걸려 오는 모든 전화를 받습니다.',
  'lines.add': '회선 추가',
  'lines.empty': '아직 회선이 없습니다. PBX나 SIP 사업자에게서 받은 SIP 계정을 추가하세요.',
  'lines.edit': '편집',
  'lines.editNamed': '{name} 편집',
  'lines.remove': '삭제',
  'lines.removeNamed': '{name} 삭제',
  'lines.removeConfirm': '“{name}” 회선을 삭제할까요? 이 회선의 번호로 오는 전화를 더 이상 받지 않습니다.',
  'lines.removeYes': '회선 삭제',
  'lines.removed': '삭제했습니다',
  'lines.account': '계정',
  'lines.transport': '전송 방식',
  'lines.numbers': '번호',
  'lines.noNumbers': '없음',
  'lines.registration': '등록 상태',
  'lines.passwordStored': '비밀번호 저장됨',
  'lines.passwordMissing': '저장된 비밀번호 없음',
  'lines.disabled': '사용 안 함',

  'lineForm.addTitle': '새 회선',
  'lineForm.editTitle': '{name} 편집',
  'lineForm.displayName': '표시 이름',
  'lineForm.displayNameHint': '상태 표시줄과 인박스에 표시됩니다. 예: 본사 대표번호',
  'lineForm.registrar': '등록 서버',
  'lineForm.registrarHint': 'PBX 또는 SIP 사업자의 주소입니다. 포트가 5060이 아니면 포트도 적으세요.',
  'lineForm.username': '사용자 이름',
  'lineForm.authUsername': '인증 사용자 이름 (선택)',
  'lineForm.authUsernameHint': '사업자가 인증용 이름을 따로 준 경우에만 입력하세요.',
  'lineForm.password': '비밀번호',
  'lineForm.passwordKeepHint': '비워 두면 저장된 비밀번호를 그대로 씁니다.',
  'lineForm.passwordNewHint': '엔진이 보관하며 다시 표시하지 않습니다.',
  'lineForm.transport': '전송 방식',
  'transport.udp': 'UDP',
  'transport.tcp': 'TCP',
  'lineForm.handoff': '상담원·번호 연결 방식',
  'lineForm.handoffHint':
    '브리지는 Switchboard가 통화에 남아 통화 시간과 종료를 기록합니다. 호 전환은 통화를 PBX에 넘기고 Switchboard는 빠집니다.',
  'handoff.bridge': 'Switchboard를 통해 브리지',
  'handoff.refer': '호 전환 (SIP REFER)',
  'lineForm.numbers': '번호',
  'lineForm.numbersHint':
    '이 회선으로 걸려 오는 사무실 번호입니다. 쉼표나 줄바꿈으로 구분하세요. 예: 0212345678',
  'lineForm.enabled': '사용',
  'lineForm.enabledHint': '끄면 엔진이 이 회선을 등록하지 않습니다.',

  'common.save': '저장',
  'common.saving': '저장 중…',
  'common.delete': '삭제',
  'common.cancel': '취소',
  'common.saved': '저장했습니다',
  'common.fixFields': '아래 표시된 항목을 고쳐 주세요.',

  'issue.required': '필수 입력입니다',
  'issue.passwordRequired': '이 회선의 비밀번호를 입력하세요.',
  'issue.tooLong': '너무 깁니다',
  'issue.tooMany': '항목이 너무 많습니다',
  'issue.invalidOption': '목록에서 하나를 고르세요',
  'issue.hostPort': '호스트 또는 host:port 형식으로 입력하세요. 예: pbx.example.com 또는 192.168.0.10:5060',
  'issue.sipUser': '영문자, 숫자와 . _ - + 만 쓸 수 있습니다. 공백이나 @는 안 됩니다.',
  'issue.phoneNumber': '숫자만 입력하세요. 맨 앞에 +는 쓸 수 있습니다.',
  'issue.numbersUnique': '같은 번호를 두 번 넣을 수 없습니다',
  'issue.timeZone': '알 수 없는 시간대입니다. Asia/Seoul 같은 이름을 쓰세요.',
  'issue.inItem': '“{item}”: {message}',

  'error.unavailable': '엔진에 연결할 수 없습니다. 상태 표시줄에 연결됨이 보이면 다시 시도하세요.',
  'error.notFound': '더 이상 존재하지 않습니다. 다른 곳에서 삭제되었을 수 있습니다.',
  'error.timeout': '엔진이 제때 응답하지 않았습니다. 다시 시도하세요.',
  'error.generic': '문제가 생겼습니다: {message}',
};
