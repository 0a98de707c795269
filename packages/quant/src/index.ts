export { normCdf, normPdf } from './normal';
export { bsm, QuantInputError, type BsmInput, type BsmResult, type OptionRight } from './bsm';
