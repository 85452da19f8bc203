import { describe, expect, it } from 'vitest';
import { agentAor } from './phone-handlers.js';

describe('agentAor', () => {
  it('puts an extension at the registrar host without its port, and keeps a full URI', () => {
    expect(agentAor('201', 'pbx.example.com:5060')).toBe('sip:201@pbx.example.com');
    expect(agentAor('201', '[2001:db8::1]:5060')).toBe('sip:201@[2001:db8::1]');
    expect(agentAor('201', '192.168.0.10')).toBe('sip:201@192.168.0.10');
    expect(agentAor('sips:ann@pbx.example.com', undefined)).toBe('sips:ann@pbx.example.com');
    expect(agentAor('201', undefined)).toBeUndefined();
  });
});
