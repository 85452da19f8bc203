import type { IssueSubject, IssueText } from './workflow-issue.js';

/**
 * How people call a key: "key 3" / "3번 키". Every Korean label here ends in a vowel (키, 경로,
 * 분기), so the sentences that use them can take 가/를 without checking the final consonant.
 */
export function keyLabel(key: string): IssueText {
  return { en: `key ${key}`, ko: /^[0-9]$/.test(key) ? `${key}번 키` : `${key} 키` };
}

/** "a button for key 2" / "2번 버튼" (ending in ㄴ: it takes 이/을). */
export function buttonLabel(key: string): IssueText {
  return { en: `a button for key ${key}`, ko: /^[0-9]$/.test(key) ? `${key}번 버튼` : `${key} 버튼` };
}

/** How people call an exit of a step ("key 3", "the timeout path"), for messages about edges. */
export function outputLabel(subject: IssueSubject, output: string): IssueText {
  if (output.startsWith('key:')) return keyLabel(output.slice('key:'.length));
  if (output.startsWith('branch:')) {
    const id = output.slice('branch:'.length);
    const branch =
      subject !== 'trigger' && subject.kind === 'branch'
        ? subject.branches.find((b) => b.id === id)
        : undefined;
    const name = branch?.name.trim() || id;
    return { en: `branch "${name}"`, ko: `"${name}" 분기` };
  }
  switch (output) {
    case 'start':
      return { en: 'the start', ko: '시작 경로' };
    case 'next':
      return { en: 'the path to the next step', ko: '다음 단계 경로' };
    case 'invalid':
      return { en: 'the invalid-input path', ko: '잘못된 입력 경로' };
    case 'timeout':
      return { en: 'the timeout path', ko: '시간 초과 경로' };
    case 'no_match':
      return { en: 'the no-match path', ko: '조건 불일치 경로' };
    case 'no_answer':
      return { en: 'the no-answer path', ko: '응답 없음 경로' };
    case 'failed':
      return { en: 'the failed-transfer path', ko: '전환 실패 경로' };
    default:
      return { en: `the "${output}" path`, ko: `"${output}" 경로` };
  }
}
