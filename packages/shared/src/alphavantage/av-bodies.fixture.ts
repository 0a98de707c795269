// Hand-written Alpha Vantage bodies shaped like the captured responses (test fixtures only; not exported).
export const optionRow = {
  contractID: 'SPY250919C00650000',
  symbol: 'SPY',
  expiration: '2025-09-19',
  strike: '650.00',
  type: 'call',
  last: '5.12',
  mark: '5.15',
  bid: '5.10',
  bid_size: '25',
  ask: '5.20',
  ask_size: '31',
  volume: '1520',
  open_interest: '10234',
  date: '2025-08-15',
};
export const optionGreeks = {
  implied_volatility: '0.16533',
  delta: '0.41208',
  gamma: '0.01187',
  theta: '-0.21345',
  vega: '0.98511',
  rho: '0.31022',
};
export const putRow = {
  ...optionRow,
  contractID: 'SPY250919P00650000',
  type: 'put',
  last: '0.00',
  mark: '0.01',
  bid: '0.00',
  bid_size: '0',
  ask: '0.01',
  ask_size: '1000',
};
export const putGreeks = { ...optionGreeks, delta: '-0.00064', rho: '-0.00000' };

export const realtimeOptions = {
  endpoint: 'Realtime Options',
  message: 'success',
  data: [optionRow, putRow],
};
export const realtimeOptionsWithGreeks = {
  endpoint: 'Realtime Options',
  message: 'success',
  data: [
    { ...optionRow, ...optionGreeks },
    { ...putRow, ...putGreeks },
  ],
};
export const historicalOptions = { ...realtimeOptionsWithGreeks, endpoint: 'Historical Options' };

export const optionsPremiumPlaceholder = {
  endpoint: 'Realtime Options',
  message:
    'This is a premium endpoint. ***THE SAMPLE DATA SCHEMA BELOW IS ARTIFICIAL AND FOR ILLUSTRATION PURPOSES ONLY***. To access the actual data, please subscribe to either the 600 requests per minute or the 1200 requests per minute premium plan at https://www.alphavantage.co/premium/ ...',
  data: [{ ...optionRow, contractID: 'XXYYZZ999999C00020000', expiration: '2099-99-99', date: '2049-99-99' }],
};

export const intraday = {
  'Meta Data': {
    '1. Information': 'Intraday (1min) open, high, low, close prices and volume',
    '2. Symbol': 'IBM',
    '3. Last Refreshed': '2020-05-08 14:05:00',
    '4. Interval': '1min',
    '5. Output Size': 'Compact',
    '6. Time Zone': 'US/Eastern',
  },
  'Time Series (1min)': {
    '2020-05-08 14:05:00': {
      '1. open': '121.7900',
      '2. high': '121.8600',
      '3. low': '121.7225',
      '4. close': '121.7400',
      '5. volume': '31454',
    },
    '2020-05-08 14:04:00': {
      '1. open': '121.6850',
      '2. high': '121.8000',
      '3. low': '121.6850',
      '4. close': '121.7800',
      '5. volume': '29277',
    },
  },
};

export const globalQuoteFields = {
  '01. symbol': 'IBM',
  '02. open': '122.6700',
  '03. high': '122.8000',
  '04. low': '121.0600',
  '05. price': '121.7400',
  '06. volume': '2528814',
  '07. latest trading day': '2020-05-08',
  '08. previous close': '121.2300',
  '09. change': '0.5100',
  '10. change percent': '0.4207%',
};
export const globalQuote = { 'Global Quote': globalQuoteFields };

export const rsi = {
  'Meta Data': {
    '1: Symbol': 'IBM',
    '2: Indicator': 'Relative Strength Index (RSI)',
    '3: Last Refreshed': '2024-06-11',
    '4: Interval': 'daily',
    '5: Time Period': 14,
    '6: Series Type': 'close',
    '7: Time Zone': 'US/Eastern Time',
  },
  'Technical Analysis: RSI': { '2024-06-11': { RSI: '77.5889' }, '2024-06-10': { RSI: '57.7764' } },
};
export const macd = {
  'Meta Data': {
    '1: Symbol': 'IBM',
    '2: Indicator': 'Moving Average Convergence/Divergence (MACD)',
    '3: Last Refreshed': '2020-04-29',
    '4: Interval': 'daily',
    '5.1: Fast Period': 12,
    '5.2: Slow Period': 26,
    '5.3: Signal Period': 9,
    '6: Series Type': 'close',
    '7: Time Zone': 'US/Eastern',
  },
  'Technical Analysis: MACD': {
    '2020-04-29': { MACD: '76.7618', MACD_Signal: '75.7378', MACD_Hist: '1.0241' },
    '2020-04-28': { MACD_Hist: '0.8123', MACD: '75.1111', MACD_Signal: '74.2988' },
  },
};
export const bbands = {
  'Meta Data': {
    '1: Symbol': 'IBM',
    '2: Indicator': 'Bollinger Bands (BBANDS)',
    '3: Last Refreshed': '2017-12-20 14:00:00',
    '4: Interval': '15min',
    '5: Time Period': 5,
    '6.1: Deviation multiplier for upper band': 3,
    '6.2: Deviation multiplier for lower band': 3,
    '6.3: MA Type': 0,
    '7: Series Type': 'close',
    '8: Time Zone': 'US/Eastern Time',
  },
  'Technical Analysis: BBANDS': {
    '2017-12-20 14:00': {
      'Real Upper Band': '138.2917',
      'Real Lower Band': '99.5283',
      'Real Middle Band': '118.9100',
    },
    '2017-12-20 13:45': {
      'Real Upper Band': '137.0000',
      'Real Lower Band': '100.0000',
      'Real Middle Band': '118.5000',
    },
  },
};
export const atr = {
  'Meta Data': {
    '1: Symbol': 'IBM',
    '2: Indicator': 'Average True Range (ATR)',
    '3: Last Refreshed': '2020-04-29',
    '4: Interval': 'daily',
    '5: Time Period': 14,
    '6: Time Zone': 'US/Eastern Time',
  },
  'Technical Analysis: ATR': { '2020-04-29': { ATR: '4.8682' } },
};

export const news = {
  items: '1',
  sentiment_score_definition:
    'x <= -0.35: Bearish; -0.35 < x <= -0.15: Somewhat-Bearish; -0.15 < x < 0.15: Neutral; 0.15 <= x < 0.35: Somewhat_Bullish; x >= 0.35: Bullish',
  relevance_score_definition: '0 < x <= 1, with a higher score indicating higher relevance.',
  feed: [
    {
      title: 'Only 8 Of The 30 Dow Jones Stocks Were Positive ...',
      url: 'https://www.benzinga.com/news/22/07/1234',
      time_published: '20220701T204549',
      authors: ['Chris Katje'],
      summary: 'The U.S. stock market had ...',
      banner_image: null,
      source: 'Benzinga',
      category_within_source: 'Trading',
      source_domain: 'www.benzinga.com',
      topics: [
        { topic: 'Earnings', relevance_score: '0.495866' },
        { topic: 'Financial Markets', relevance_score: '0.744043' },
      ],
      overall_sentiment_score: -0.117141,
      overall_sentiment_label: 'Neutral',
      ticker_sentiment: [
        {
          ticker: 'CVX',
          relevance_score: '0.28597',
          ticker_sentiment_score: '0.017381',
          ticker_sentiment_label: 'Neutral',
        },
        {
          ticker: 'CSCO',
          relevance_score: '0.193001',
          ticker_sentiment_score: '6.3e-05',
          ticker_sentiment_label: 'Neutral',
        },
      ],
    },
  ],
};

export const federalFundsRate = {
  name: 'Effective Federal Funds Rate',
  interval: 'monthly',
  unit: 'percent',
  data: [
    { date: '2022-04-01', value: '0.33' },
    { date: '2022-03-01', value: '.' },
    { date: '2022-02-01', value: '0.08' },
  ],
};

export const messages = {
  apikeyMissing:
    'the parameter apikey is invalid or missing. Please claim your free API key on (https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds.',
  invalidCall:
    'Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_INTRADAY.',
  daily:
    'We have detected your API key as SECRETKEY123 and our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.',
  burst:
    'Thank you for using Alpha Vantage! Please consider spreading out your free API requests more sparingly (1 request per second). You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to lift the free key rate limit (25 requests per day) and instantly unlock all premium endpoints',
  legacyNote:
    'Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency.',
  premium:
    'Thank you for using Alpha Vantage! This is a premium endpoint. You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium endpoints',
  demo: 'The **demo** API key is for demo purposes only. Please claim your free API key at (https://www.alphavantage.co/support/#api-key) to explore our full API offerings. ...',
  newsInvalid:
    'Invalid inputs. Please refer to the API documentation https://www.alphavantage.co/documentation#newsapi and try again.',
};
