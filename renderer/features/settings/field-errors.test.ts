import { describe, expect, it } from 'vitest';
import { lineInputSchema } from '../../../shared/domain/line.js';
import { settingsPatchSchema } from '../../../shared/domain/settings.js';
import { invalidParams, RpcError, type FieldIssue } from '../../../shared/rpc/errors.js';
import { createTranslator } from '../../i18n/translate.js';
import { errorsFromFailure, fieldErrorsFromIssues, FORM_ERROR, issueMessage } from './field-errors.js';

const en = createTranslator('en');
const ko = createTranslator('ko');

/** The issues the engine would send back for these params (same schema, same conversion). */
function serverIssues(params: unknown): FieldIssue[] {
  const parsed = lineInputSchema.safeParse(params);
  if (parsed.success) throw new Error('expected the params to be invalid');
  return RpcError.fromShape(invalidParams(parsed.error, 'line').toShape()).issues;
}

describe('fieldErrorsFromIssues', () => {
  const bad = {
    displayName: '',
    registrar: 'http://not a host',
    username: 'a@b',
    numbers: ['0212345678', '12-34'],
    transport: 'sctp',
  };

  it('puts each issue under its field, in English', () => {
    expect(fieldErrorsFromIssues(serverIssues(bad), en, bad)).toEqual({
      displayName: 'Required',
      registrar: 'Use host or host:port, e.g. pbx.example.com or 192.168.0.10:5060',
      username: 'Letters, digits and . _ - + only; no spaces or @',
      transport: 'Choose one of the listed options',
      numbers: '“12-34”: Digits only, optionally starting with +',
    });
  });

  it('translates every issue the line schema can raise into Korean', () => {
    const errors = fieldErrorsFromIssues(serverIssues(bad), ko, bad);
    expect(errors).toEqual({
      displayName: '필수 입력입니다',
      registrar: '호스트 또는 host:port 형식으로 입력하세요. 예: pbx.example.com 또는 192.168.0.10:5060',
      username: '영문자, 숫자와 . _ - + 만 쓸 수 있습니다. 공백이나 @는 안 됩니다.',
      transport: '목록에서 하나를 고르세요',
      numbers: '“12-34”: 숫자만 입력하세요. 맨 앞에 +는 쓸 수 있습니다.',
    });
    const duplicate = fieldErrorsFromIssues(
      serverIssues({ displayName: 'x', registrar: 'pbx', username: 'u', numbers: ['0211', '0211'] }),
      ko,
    );
    expect(duplicate).toEqual({ numbers: '같은 번호를 두 번 넣을 수 없습니다' });
  });

  it('knows every message the shared schemas write, so none stays English in Korean', () => {
    const settingsError = settingsPatchSchema.safeParse({ timeZone: 'Mars/Olympus' });
    expect(settingsError.success).toBe(false);
    const issues = [
      ...serverIssues(bad),
      ...serverIssues({ displayName: 'x', registrar: 'pbx', username: 'u', numbers: ['1', '1'] }),
      ...(settingsError.success ? [] : invalidParams(settingsError.error, 'settings').issues),
    ];
    for (const issue of issues) expect(issueMessage(issue, ko), issue.message).not.toBe(issue.message);
  });

  it('says a missing password plainly (the engine sends code "required")', () => {
    const issue = { path: ['password'], code: 'required', message: 'A new line needs a password' };
    expect(fieldErrorsFromIssues([issue], en)).toEqual({ password: 'Enter the password for this line.' });
    expect(fieldErrorsFromIssues([issue], ko)).toEqual({ password: '이 회선의 비밀번호를 입력하세요.' });
  });

  it('keeps the first issue per field and falls back to the English message', () => {
    const issues: FieldIssue[] = [
      { path: ['registrar'], code: 'invalid_format', message: 'first' },
      { path: ['registrar'], code: 'custom', message: 'second' },
      { path: ['username'], code: 'something_new', message: 'As the engine said' },
      { path: [], code: 'custom', message: 'Whole form' },
    ];
    expect(fieldErrorsFromIssues(issues, ko)).toEqual({
      registrar: 'first',
      username: 'As the engine said',
      [FORM_ERROR]: 'Whole form',
    });
  });
});

describe('errorsFromFailure', () => {
  it('maps INVALID_PARAMS to fields and other failures to one form message', () => {
    const invalid = new RpcError('INVALID_PARAMS', 'Invalid', {
      issues: [{ path: ['displayName'], code: 'too_small', message: 'Too small' }],
    });
    expect(errorsFromFailure(invalid, ko)).toEqual({ displayName: '필수 입력입니다' });
    expect(errorsFromFailure(new RpcError('UNAVAILABLE', 'closed'), en)[FORM_ERROR]).toMatch(/not reachable/);
    expect(errorsFromFailure(new RpcError('INTERNAL', 'lines.save failed'), en)).toEqual({
      [FORM_ERROR]: 'Something went wrong: lines.save failed',
    });
    expect(errorsFromFailure(new Error('boom'), en)).toEqual({ [FORM_ERROR]: 'Something went wrong: boom' });
  });
});
