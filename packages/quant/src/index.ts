// @alphatrader/quant: pure quant functions (no I/O). Every export is part of the public contract.
export { normCdf, normPdf } from './normal';
export { QuantInputError } from './errors';
export { bsm, type BsmInput, type BsmResult, type OptionRight } from './bsm';
export { impliedVol, IV_MIN, IV_MAX, type ImpliedVolInput } from './iv';
