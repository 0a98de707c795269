// PLACE_ORDER at v193 (no version field from v145). Mirrors @stoqey/ib's Encoder.placeOrder field by field
// up to the algo parameters; everything after them is ignored (the simulator does not use it).
import type { ContractQuery } from '../contracts';
import type { FieldReader } from './fields';

export interface PlaceOrderRequest {
  orderId: number;
  contract: ContractQuery;
  action: string;
  /** NaN when the field is not a number; undefined when empty. */
  totalQuantity?: number | undefined;
  orderType: string;
  lmtPrice?: number | undefined;
  auxPrice?: number | undefined;
  tif: string;
  account: string;
  orderRef: string;
  transmit: boolean;
  parentId: number;
  outsideRth: boolean;
  algoStrategy: string;
  algoParams: { tag: string; value: string }[];
  whatIf: boolean;
}

export function readPlaceOrder(r: FieldReader): PlaceOrderRequest {
  const orderId = r.int();
  const contract = r.contract();
  r.skip(2); // secIdType, secId
  const action = r.str();
  const totalQuantity = r.numLoose();
  const orderType = r.str();
  const lmtPrice = r.numOpt();
  const auxPrice = r.numOpt();
  const tif = r.str();
  r.skip(1); // ocaGroup
  const account = r.str();
  r.skip(2); // openClose, origin
  const orderRef = r.str();
  const transmit = r.str() !== '0';
  const parentId = r.int();
  r.skip(4); // blockOrder, sweepToFill, displaySize, triggerMethod
  const outsideRth = r.bool();
  r.skip(1); // hidden
  if (contract.secType.toUpperCase() === 'BAG') {
    const legs = r.int();
    r.skip(legs * 8);
    const legPrices = r.int();
    r.skip(legPrices);
    const routingParams = r.int();
    r.skip(routingParams * 2);
  }
  // sharesAllocation, discretionaryAmt, goodAfterTime, goodTillDate, faGroup, faMethod, faPercentage,
  // modelCode, shortSaleSlot, designatedLocation, exemptCode, ocaType, rule80A, settlingFirm, allOrNone,
  // minQty, percentOffset, eTradeOnly, firmQuoteOnly, nbboPriceCap, auctionStrategy, startingPrice,
  // stockRefPrice, delta, stockRangeLower, stockRangeUpper, overridePercentageConstraints, volatility,
  // volatilityType
  r.skip(29);
  const deltaNeutralOrderType = r.str();
  r.skip(1); // deltaNeutralAuxPrice
  if (deltaNeutralOrderType !== '') r.skip(8);
  // continuousUpdate, referencePriceType, trailStopPrice, trailingPercent, scaleInitLevelSize, scaleSubsLevelSize
  r.skip(6);
  const scalePriceIncrement = r.str();
  if (scalePriceIncrement !== '') r.skip(7);
  r.skip(3); // scaleTable, activeStartTime, activeStopTime
  const hedgeType = r.str();
  if (hedgeType !== '') r.skip(1);
  r.skip(4); // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
  if (r.bool()) r.skip(3); // deltaNeutralContract
  const algoStrategy = r.str();
  const algoParams: { tag: string; value: string }[] = [];
  if (algoStrategy !== '') {
    const n = r.int();
    for (let i = 0; i < n; i++) algoParams.push({ tag: r.str(), value: r.str() });
  }
  r.skip(1); // algoId
  const whatIf = r.bool();
  return {
    orderId,
    contract,
    action,
    totalQuantity,
    orderType,
    lmtPrice,
    auxPrice,
    tif,
    account,
    orderRef,
    transmit,
    parentId,
    outsideRth,
    algoStrategy,
    algoParams,
    whatIf,
  };
}
