import { describe, expect, it } from 'vitest';
import { fillTemplate } from './sms-template.js';

const values = { to: '+821012345678', text: 'Say "hi"\\ & bye\n안녕 a=b', from: '0212345678', id: 'm1' };

describe('SMS body templates', () => {
  it('escapes values as JSON strings, so any text keeps the body valid JSON', () => {
    const body = fillTemplate('{"to": "{{to}}", "msg": "{{ text }}", "sender": "{{from}}"}', values, 'json');
    expect(JSON.parse(body)).toEqual({ to: values.to, msg: values.text, sender: values.from });
  });

  it('form-encodes values, so & and = in the text stay inside one field', () => {
    const body = fillTemplate('to={{to}}&text={{text}}&ref={{id}}', values, 'form');
    const parsed = new URLSearchParams(body);
    expect(parsed.get('to')).toBe(values.to);
    expect(parsed.get('text')).toBe(values.text);
    expect(parsed.get('ref')).toBe('m1');
    expect(body).toContain('%2B8210');
  });

  it('puts values in as they are for plain text, and leaves unknown names alone', () => {
    expect(fillTemplate('{{to}}: {{text}} {{other}}', { ...values, text: 'hi' }, 'text')).toBe(
      '+821012345678: hi {{other}}',
    );
  });
});
