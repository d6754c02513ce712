import { describe, expect, it } from 'vitest';
import { APICallError, describeError, redactSecrets } from './errors.js';

describe('redactSecrets', () => {
  it('removes the values of secret-looking variables, whatever the message', () => {
    const environment = { MY_API_KEY: 'sk-planted-0123456789', HOME: '/root', SHORT_TOKEN: 'abc' };
    expect(redactSecrets('401 for key sk-planted-0123456789 (sk-planted-0123456789)', environment)).toBe('401 for key [redacted] ([redacted])');
    expect(redactSecrets('home is /root, token abc', environment)).toBe('home is /root, token abc');
  });

  it('is applied by describeError, which every journal and error line goes through', () => {
    process.env.LADDER_TEST_SECRET_KEY = 'sk-another-planted-key-42';
    try {
      const error = new APICallError({ message: 'Incorrect API key provided: sk-another-planted-key-42', statusCode: 401 });
      expect(describeError(error)).not.toContain('sk-another-planted-key-42');
      expect(describeError(error)).toContain('[redacted]');
    } finally {
      delete process.env.LADDER_TEST_SECRET_KEY;
    }
  });
});
