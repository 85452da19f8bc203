import { describe, expect, it } from 'vitest';
import type { Line } from '../../../shared/domain/line.js';
import {
  checkLineForm,
  emptyLineForm,
  formToLineInput,
  lineToForm,
  splitNumbers,
} from './line-form-model.js';

const line: Line = {
  id: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d',
  displayName: 'Main line',
  registrar: 'pbx.example.com:5060',
  username: 'office',
  authUsername: null,
  transport: 'tcp',
  handoff: 'refer',
  numbers: ['0212345678', '0298765432'],
  enabled: true,
  hasPassword: true,
  registration: { state: 'not_registered' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const filled = {
  ...emptyLineForm,
  displayName: 'Main line',
  registrar: 'pbx.example.com:5060',
  username: 'office',
  password: 'Pa55-word',
  numbers: '0212345678,\n 0298765432',
};

describe('line form model', () => {
  it('splits numbers on commas, spaces and new lines', () => {
    expect(splitNumbers(' 0212345678, 0298765432\n+82212345678;;')).toEqual([
      '0212345678',
      '0298765432',
      '+82212345678',
    ]);
    expect(splitNumbers('  \n ')).toEqual([]);
  });

  it('never prefills the password of an existing line', () => {
    expect(lineToForm(line)).toMatchObject({
      password: '',
      numbers: '0212345678, 0298765432',
      transport: 'tcp',
    });
  });

  it('omits an empty password (keep the stored one) and an empty auth username', () => {
    const input = formToLineInput(lineToForm(line), line.id);
    expect(input).not.toHaveProperty('password');
    expect(input).toMatchObject({ id: line.id, authUsername: null, numbers: line.numbers });
  });

  it('accepts a complete new line', () => {
    expect(checkLineForm(filled)).toEqual({
      ok: true,
      input: {
        displayName: 'Main line',
        registrar: 'pbx.example.com:5060',
        username: 'office',
        authUsername: null,
        transport: 'udp',
        handoff: 'bridge',
        numbers: ['0212345678', '0298765432'],
        enabled: true,
        password: 'Pa55-word',
      },
    });
  });

  it('requires a password for a new line only', () => {
    const noPassword = { ...filled, password: '' };
    const check = checkLineForm(noPassword);
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.issues).toEqual([expect.objectContaining({ path: ['password'], code: 'required' })]);
    expect(checkLineForm(noPassword, line.id).ok).toBe(true);
  });

  it('reports the schema issues with their field paths', () => {
    const check = checkLineForm({ ...filled, registrar: 'http://not a host', numbers: '02-12' });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.issues.map((issue) => issue.path)).toEqual([['registrar'], ['numbers', 0]]);
    }
  });
});
