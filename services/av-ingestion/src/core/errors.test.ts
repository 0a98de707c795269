import { describe, expect, it } from 'vitest';
import { AvError } from '@alphatrader/shared';
import { AvTransportError, failureMessage, safeText } from './errors';

describe('failure texts', () => {
  const key = 'K3Y-s3cr3t-99';
  it('never carry the API key, however the text holds it', () => {
    const text = `GET https://x/query?function=CPI&apikey=${key}&x=1 failed; detected your API key as ${key}. raw ${key}`;
    const out = safeText(text, key);
    expect(out).not.toContain(key);
    expect(out).toContain('apikey=***');
  });

  it('use the API’s own words for AV errors and stay bounded', () => {
    const err = new AvError({ kind: 'rate_limited', endpoint: 'CPI', apiMessage: 'x'.repeat(1000) });
    expect(failureMessage(err, key).length).toBeLessThanOrEqual(300);
  });

  it('retry transport failures except client errors', () => {
    expect(new AvTransportError('timeout', 'CPI', undefined, 't').retryable).toBe(true);
    expect(new AvTransportError('http', 'CPI', undefined, 'x', 503).retryable).toBe(true);
    expect(new AvTransportError('http', 'CPI', undefined, 'x', 404).retryable).toBe(false);
  });
});
