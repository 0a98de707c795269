// The real API's own texts (all sent with HTTP 200), word for word.
export const AV_DOC_URL = 'https://www.alphavantage.co/documentation/';

export const avMessages = {
  apikeyMissing:
    'the parameter apikey is invalid or missing. Please claim your free API key on (https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds.',
  unknownFunction: (fn: string): string => `This API function (${fn}) does not exist.`,
  invalidCall: (fn: string): string =>
    `Invalid API call. Please retry or visit the documentation (${AV_DOC_URL}) for ${fn}.`,
  /** The current per-second/burst throttle text; what a key over its per-minute budget gets here. */
  burst:
    'Thank you for using Alpha Vantage! Please consider spreading out your free API requests more sparingly (1 request per second). You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to lift the free key rate limit (25 requests per day) and instantly unlock all premium endpoints',
  /** The daily-cap text quotes the caller's key. */
  daily: (apiKey: string): string =>
    `We have detected your API key as ${apiKey} and our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.`,
  legacyNote:
    'Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency.',
  premium:
    'Thank you for using Alpha Vantage! This is a premium endpoint. You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium endpoints',
  demo: 'The **demo** API key is for demo purposes only. Please claim your free API key at (https://www.alphavantage.co/support/#api-key) to explore our full API offerings. It takes fewer than 20 seconds.',
  optionsPlaceholder:
    'This is a premium endpoint. ***THE SAMPLE DATA SCHEMA BELOW IS ARTIFICIAL AND FOR ILLUSTRATION PURPOSES ONLY***. To access the actual data, please subscribe to either the 600 requests per minute or the 1200 requests per minute premium plan at https://www.alphavantage.co/premium/ for realtime and 15-minute delayed US options data. Thank you!',
  newsInvalidInputs:
    'Invalid inputs. Please refer to the API documentation https://www.alphavantage.co/documentation#newsapi and try again.',
} as const;
