// Long messages about contracts, orders, executions and positions at v193 (@stoqey/ib 1.6.10's
// decodeMsg_CONTRACT_DATA, decodeMsg_OPEN_ORDER + OrderDecoder, decodeMsg_EXECUTION_DATA, decodeMsg_POSITION).
import type { SimExecution, SimOrder, SimPosition } from '../broker/core/types';
import type { SimContract } from '../contracts';
import { In } from './ids';
import type { Field, FrameWriter } from './writer';

const multiplierField = (c: SimContract): Field => (c.multiplier === 1 ? '' : c.multiplier);

export interface ContractDetailsExtras {
  /** YYYYMMDD HHMM-… trading hours string. */
  tradingHours: string;
  liquidHours: string;
  timeZoneId: string;
}

/** CONTRACT_DATA (no version from v164): 41 fields after the id for a non-fund contract. */
export function contractData(w: FrameWriter, reqId: number, c: SimContract, x: ContractDetailsExtras): void {
  const isOption = c.secType === 'OPT';
  const orderTypes = isOption
    ? 'ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,DEACTDIS,DEACTEOD,GAT,GTC,GTD,GTT,HID,ICE,IOC,LIT,LMT,MIT,MKT,MTL,NGCOMB,NONALGO,OCA,OPENCLOSE,PEGMIDVOL,PEGMKTVOL,PEGPRMVOL,PEGSRFVOL,POSTONLY,PRICECHK,REL,RELPCTOFS,RELSTK,SCALE,SCALERST,SIZECHK,SMARTSTG,SNAPMID,SNAPMKT,SNAPREL,STP,STPLMT,TRAIL,TRAILLIT,TRAILLMT,TRAILMIT,VOLAT,WHATIF'
    : 'ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AON,AVGCOST,BASKET,BENCHPX,CASHQTY,COND,CONDORDER,DARKONLY,DARKPOLL,DAY,DEACT,DEACTDIS,DEACTEOD,DIS,DUR,GAT,GTC,GTD,GTT,HID,IBKRATS,ICE,IMB,IOC,LIT,LMT,LOC,MIDPX,MIT,MKT,MOC,MTL,NGCOMB,NODARK,NONALGO,OCA,OPG,OPGREROUT,PEGBENCH,PEGMID,POSTATS,POSTONLY,PREOPGRTH,PRICECHK,REL,REL2MID,RELPCTOFS,RPI,RTH,SCALE,SCALEODD,SCALERST,SIZECHK,SNAPMID,SNAPMKT,SNAPREL,STP,STPLMT,SWEEP,TRAIL,TRAILLIT,TRAILLMT,TRAILMIT,WHATIF';
  const validExchanges = isOption
    ? 'SMART,AMEX,CBOE,PHLX,PSE,ISE,BOX,BATS,NASDAQOM,CBOE2,NASDAQBX,MIAX,GEMINI,EDGX,MERCURY,PEARL,EMERALD,MEMX,IBUSOPT'
    : c.secType === 'IND'
      ? 'CBOE'
      : 'SMART,AMEX,NYSE,CBOE,PHLX,ISE,CHX,ARCA,NASDAQ,DRCTEDGE,BEX,BATS,EDGEA,BYX,IEX,EDGX,FOXRIVER,PEARL,NYSENAT,LTSE,MEMX,IBEOS,OVERNIGHT,TPLUS0,PSX';
  w.message([
    In.CONTRACT_DATA,
    reqId,
    c.symbol,
    c.secType,
    c.expiry, // lastTradeDateOrContractMonth
    c.expiry, // lastTradeDate
    c.strike,
    c.right,
    c.exchange,
    c.currency,
    c.localSymbol,
    isOption ? c.tradingClass : c.symbol, // marketName
    c.tradingClass,
    c.conId,
    c.minTick,
    multiplierField(c),
    orderTypes,
    validExchanges,
    1, // priceMagnifier
    c.underConId ?? 0,
    c.longName,
    c.primaryExchange,
    isOption ? c.expiry.slice(0, 6) : '', // contractMonth
    c.secType === 'STK' ? 'Technology' : '', // industry
    '', // category
    '', // subcategory
    x.timeZoneId,
    x.tradingHours,
    x.liquidHours,
    '', // evRule
    '', // evMultiplier
    0, // secIdList count
    1, // aggGroup
    isOption ? c.symbol : '', // underSymbol
    isOption ? (c.symbol === 'SPX' ? 'IND' : 'STK') : '', // underSecType
    isOption ? '32' : '26', // marketRuleIds
    isOption ? c.expiry : '', // realExpirationDate
    c.secType === 'STK' ? 'COMMON' : '', // stockType
    isOption ? 1 : 0.0001, // minSize
    isOption ? 1 : 0.0001, // sizeIncrement
    isOption ? 1 : 100, // suggestedSizeIncrement
    0, // ineligibilityReasonCount
  ]);
}

function contractHead(c: SimContract): Field[] {
  return [
    c.conId,
    c.symbol,
    c.secType,
    c.expiry,
    c.strike,
    c.right,
    multiplierField(c),
    c.exchange,
    c.currency,
    c.localSymbol,
    c.tradingClass,
  ];
}

/** OPEN_ORDER (no version from v145): 132 fields after the id for a plain order, plus algo params. */
export function openOrder(w: FrameWriter, o: SimOrder): void {
  const algo: Field[] = o.algoStrategy
    ? [o.algoStrategy, o.algoParams.length, ...o.algoParams.flatMap((p) => [p.tag, p.value])]
    : [''];
  w.message([
    In.OPEN_ORDER,
    o.orderId,
    ...contractHead(o.contract),
    // action … sharesAllocation
    o.action,
    o.totalQuantity,
    o.orderType,
    o.lmtPrice,
    undefined, // auxPrice
    o.tif,
    '', // ocaGroup
    o.account,
    o.contract.secType === 'OPT' ? 'O' : '', // openClose
    0, // origin (customer)
    o.orderRef,
    o.clientId,
    o.permId,
    o.outsideRth,
    false, // hidden
    0, // discretionaryAmt
    '', // goodAfterTime
    '', // sharesAllocation
    // FA
    '',
    '',
    '',
    // modelCode … triggerMethod
    '', // modelCode
    '', // goodTillDate
    '', // rule80A
    undefined, // percentOffset
    '', // settlingFirm
    0, // shortSaleSlot
    '', // designatedLocation
    -1, // exemptCode
    0, // auctionStrategy
    undefined, // startingPrice
    undefined, // stockRefPrice
    undefined, // delta
    undefined, // stockRangeLower
    undefined, // stockRangeUpper
    undefined, // displaySize
    false, // blockOrder
    false, // sweepToFill
    false, // allOrNone
    undefined, // minQty
    3, // ocaType
    false, // eTradeOnly
    false, // firmQuoteOnly
    undefined, // nbboPriceCap
    0, // parentId
    0, // triggerMethod
    // volatility order params (no delta-neutral order type: its 8 extra fields are absent)
    undefined, // volatility
    0, // volatilityType
    '', // deltaNeutralOrderType
    undefined, // deltaNeutralAuxPrice
    0, // continuousUpdate
    0, // referencePriceType
    // trail, basis points
    undefined, // trailStopPrice
    undefined, // trailingPercent
    undefined, // basisPoints
    undefined, // basisPointsType
    // combo legs
    '', // comboLegsDescription
    0, // comboLegsCount
    0, // orderComboLegsCount
    0, // smartComboRoutingParamsCount
    // scale (no price increment: its 7 extra fields are absent)
    undefined,
    undefined,
    undefined,
    '', // hedgeType
    false, // optOutSmartRouting
    '', // clearingAccount
    'IB', // clearingIntent
    false, // notHeld
    false, // deltaNeutralContract present
    ...algo,
    false, // solicited
    // what-if info and order state
    false, // whatIf
    o.status,
    undefined, // initMarginBefore
    undefined, // maintMarginBefore
    undefined, // equityWithLoanBefore
    undefined, // initMarginChange
    undefined, // maintMarginChange
    undefined, // equityWithLoanChange
    undefined, // initMarginAfter
    undefined, // maintMarginAfter
    undefined, // equityWithLoanAfter
    o.filled > 0 ? o.commission : undefined, // commission
    undefined, // minCommission
    undefined, // maxCommission
    'USD', // commissionCurrency
    '', // warningText
    false, // randomizeSize
    false, // randomizePrice
    0, // conditionsCount
    // adjusted order params
    'None', // adjustedOrderType
    undefined, // triggerPrice
    undefined, // trailStopPrice
    undefined, // lmtPriceOffset
    undefined, // adjustedStopPrice
    undefined, // adjustedStopLimitPrice
    undefined, // adjustedTrailingAmount
    0, // adjustableTrailingUnit
    // soft dollar tier … autoCancelParent
    '',
    '',
    '',
    undefined, // cashQty
    false, // dontUseAutoPriceForHedge
    false, // isOmsContainer
    false, // discretionaryUpToLimitPrice
    false, // usePriceMgmtAlgo
    undefined, // duration
    undefined, // postToAts
    false, // autoCancelParent
    // PEG BEST / PEG MID, customer, bond, overnight, CME tagging
    undefined, // minTradeQty
    undefined, // minCompeteSize
    undefined, // competeAgainstBestOffset
    undefined, // midOffsetAtWhole
    undefined, // midOffsetAtHalf
    '', // customerAccount
    false, // professionalCustomer
    '', // bondAccruedInterest
    false, // includeOvernight
    '', // extOperator
    undefined, // manualOrderIndicator
  ]);
}

/** EXECUTION_DATA (no version from v136). reqId is -1 for an unsolicited fill. */
export function executionData(w: FrameWriter, reqId: number, e: SimExecution, time: string): void {
  const c = e.contract;
  w.message([
    In.EXECUTION_DATA,
    reqId,
    e.orderId,
    c.conId,
    c.symbol,
    c.secType,
    c.expiry,
    c.strike,
    c.right,
    multiplierField(c),
    e.exchange,
    c.currency,
    c.localSymbol,
    c.tradingClass,
    e.execId,
    time,
    e.account,
    e.exchange,
    e.side,
    e.shares,
    e.price,
    e.permId,
    e.clientId,
    0, // liquidation
    e.cumQty,
    e.avgPrice,
    e.orderRef,
    '', // evRule
    undefined, // evMultiplier
    '', // modelCode
    e.lastLiquidity,
    false, // pendingPriceRevision
  ]);
}

/** POSITION_DATA v3. */
export function position(w: FrameWriter, p: SimPosition): void {
  const c = p.contract;
  w.message([
    In.POSITION,
    3,
    p.account,
    c.conId,
    c.symbol,
    c.secType,
    c.expiry,
    c.strike,
    c.right,
    multiplierField(c),
    c.exchange,
    c.currency,
    c.localSymbol,
    c.tradingClass,
    p.qty,
    p.avgCost,
  ]);
}
