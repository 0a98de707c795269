import { describe, expect, it } from 'vitest';
import type { AvNewsItem } from '@alphatrader/shared';
import { aggregateSentiment } from './sentiment';

const item = (publishedAt: number, tickers: AvNewsItem['tickers']): AvNewsItem => ({
  title: `t${publishedAt}`,
  url: `https://news.example/${publishedAt}`,
  timePublished: '20251121T140000',
  publishedAt,
  authors: [],
  summary: 's',
  source: 'Wire',
  sourceDomain: 'news.example',
  topics: [{ topic: 'Technology', relevance: 0.5 }],
  overallScore: 0.1,
  overallLabel: 'Neutral',
  tickers,
});

describe('aggregateSentiment', () => {
  it('takes the relevance-weighted mean of the symbol’s scores, AV’s label and a distribution', () => {
    const r = aggregateSentiment(
      'AAPL',
      [
        item(1, [{ ticker: 'AAPL', relevance: 0.8, score: 0.5, label: 'Bullish' }]),
        item(3, [
          { ticker: 'AAPL', relevance: 0.2, score: -0.3, label: 'Somewhat-Bearish' },
          { ticker: 'MSFT', relevance: 0.9, score: -0.9, label: 'Bearish' },
        ]),
        item(2, [{ ticker: 'MSFT', relevance: 1, score: 0.9, label: 'Bullish' }]),
      ],
      100,
    )!;
    expect(r.score.score).toBeCloseTo(0.8 * 0.5 + 0.2 * -0.3, 12);
    expect(r.score.label).toBe('Somewhat-Bullish');
    expect(r.score.articles).toBe(2);
    expect(r.score.distribution).toEqual({
      bullish: 1,
      somewhatBullish: 0,
      neutral: 0,
      somewhatBearish: 1,
      bearish: 0,
    });
    expect(r.articles.articles.map((a) => a.publishedAt)).toEqual([3, 1]); // newest first, AAPL only
    expect(r.articles.articles[0]).toMatchObject({ tickerScore: -0.3, tickerRelevance: 0.2 });
  });

  it('returns nothing when no article carries a score for the symbol, and counts invalid ones', () => {
    expect(
      aggregateSentiment(
        'NVDA',
        [item(1, [{ ticker: 'AAPL', relevance: 1, score: 0, label: 'Neutral' }])],
        1,
      ),
    ).toBeNull();
    const r = aggregateSentiment(
      'AAPL',
      [
        item(1, [{ ticker: 'AAPL', relevance: 1.7, score: 0.2, label: 'Somewhat-Bullish' }]),
        item(2, [{ ticker: 'AAPL', relevance: 1, score: 0.2, label: 'Somewhat-Bullish' }]),
      ],
      1,
    )!;
    expect(r.invalid).toBe(1);
    expect(r.score.articles).toBe(1);
  });
});
