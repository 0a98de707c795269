// Alpha Vantage: production zod schemas of every response the fleet reads, the classifier that turns an
// HTTP-200 body into success or a typed AvError, and normalisers to numbers-not-strings shapes.
export {
  AV_FUNCTIONS,
  AV_OPTIONS_FUNCTIONS,
  AV_TECHNICAL_FUNCTIONS,
  AV_MACRO_FUNCTIONS,
  AV_INTRADAY_INTERVALS,
  AV_INTRADAY_MINUTES,
  isAvFunction,
  isAvOptionsFunction,
  isAvIntradayInterval,
  type AvFunction,
  type AvOptionsFunction,
  type AvTechnicalFunction,
  type AvMacroFunction,
  type AvIntradayInterval,
} from './functions';
export { parseAvNumber, parseAvPercent, avDecimalString, avPercentString, isAvDate } from './numbers';
// AV time keys are New York wall times with no offset: the market clock's text form.
export { parseEtDateTime as parseAvEasternTime } from '../clock/et-text';
export { parseOccContractId, formatOccContractId, type OccContractId, type AvOptionRight } from './occ';
export {
  AV_ERROR_KINDS,
  AvError,
  isAvError,
  redactAvApiKey,
  type AvErrorKind,
  type AvErrorInit,
  type AvRateLimitScope,
} from './errors';
export {
  classifyAvResponse,
  classifyAvNotice,
  formatZodPath,
  type AvRequestMeta,
  type AvSuccess,
  type AvSuccessData,
  type AvClassification,
} from './classify';
export { avResponseSchemas, type AvParsedResponse } from './schemas/index';
export {
  avOptionContractBaseSchema,
  avOptionGreekFieldsSchema,
  avOptionContractSchema,
  avOptionContractWithGreeksSchema,
  avRealtimeOptionsResponseSchema,
  avRealtimeOptionsWithGreeksResponseSchema,
  avHistoricalOptionsResponseSchema,
  AV_OPTION_GREEK_FIELDS,
  type AvOptionContractRow,
  type AvOptionContractWithGreeksRow,
  type AvRealtimeOptionsResponse,
  type AvHistoricalOptionsResponse,
} from './schemas/options';
export {
  avIntradayMetaSchema,
  avOhlcvBarSchema,
  avIntradayResponseSchema,
  avGlobalQuoteFieldsSchema,
  avGlobalQuoteResponseSchema,
  type AvIntradayResponse,
  type AvOhlcvBar,
  type AvGlobalQuoteResponse,
  type AvGlobalQuoteFields,
} from './schemas/time-series';
export {
  avRsiResponseSchema,
  avMacdResponseSchema,
  avBbandsResponseSchema,
  avAtrResponseSchema,
  type AvRsiResponse,
  type AvMacdResponse,
  type AvBbandsResponse,
  type AvAtrResponse,
} from './schemas/technicals';
export {
  AV_SENTIMENT_LABELS,
  avNewsTopicSchema,
  avTickerSentimentSchema,
  avNewsArticleSchema,
  avNewsSentimentResponseSchema,
  type AvSentimentLabel,
  type AvNewsArticle,
  type AvNewsSentimentResponse,
} from './schemas/news';
export {
  avMacroPointSchema,
  avMacroResponseSchema,
  type AvMacroResponse,
  type AvMacroPoint,
} from './schemas/macro';
export {
  normaliseOptionContracts,
  type AvOptionContract,
  type AvOptionRowIssue,
  type AvOptionRowIssueReason,
  type AvNormalisedOptionChain,
} from './normalise/options';
export {
  normaliseIntradayBars,
  normaliseGlobalQuote,
  normaliseRsi,
  normaliseMacd,
  normaliseBbands,
  normaliseAtr,
  type AvIntradayBar,
  type AvIntradaySeries,
  type AvGlobalQuote,
  type AvIndicatorSeries,
} from './normalise/series';
export {
  normaliseNewsSentiment,
  parseAvNewsTime,
  avSentimentLabel,
  type AvNewsItem,
  type AvTickerSentiment,
} from './normalise/news';
export { normaliseMacroSeries, type AvMacroSeries } from './normalise/macro';
