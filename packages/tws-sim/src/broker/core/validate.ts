// Order validation with IB's error codes and texts.
import type { PlaceOrderRequest } from '../../codec/place-order';
import { Code } from '../../codec/ids';
import type { SimContract } from '../../contracts';
import type { OrderAction, OrderType } from './types';

export interface ValidOrder {
  action: OrderAction;
  orderType: OrderType;
  totalQuantity: number;
  lmtPrice: number | undefined;
  tif: string;
}

export type Validation = { ok: true; order: ValidOrder } | { ok: false; code: number; message: string };

const reject = (code: number, message: string): Validation => ({ ok: false, code, message });

export function validateOrder(req: PlaceOrderRequest, contract: SimContract | undefined): Validation {
  if (!contract) {
    return reject(Code.NO_SECURITY_DEFINITION, 'No security definition has been found for the request');
  }
  if (contract.secType === 'IND') {
    return reject(Code.ORDER_REJECTED, 'Order rejected - reason:Index contracts are not tradable');
  }
  const qty = req.totalQuantity;
  if (qty === undefined || Number.isNaN(qty) || qty === 0) {
    return reject(Code.ORDER_SIZE_ZERO, 'The order size cannot be zero.');
  }
  if (!Number.isFinite(qty) || qty < 0) {
    return reject(
      Code.ERROR_VALIDATING_REQUEST,
      `Error validating request.-'bO' : cause - Invalid order quantity ${qty}`,
    );
  }
  if (!Number.isInteger(qty)) {
    return reject(
      Code.FRACTIONAL_ORDER,
      'Fractional-sized order cannot be placed via API. Please use desktop version to place this order.',
    );
  }
  const actionText = req.action.toUpperCase();
  const action: OrderAction | undefined =
    actionText === 'BUY' ? 'BUY' : actionText === 'SELL' || actionText === 'SSHORT' ? 'SELL' : undefined;
  if (!action) {
    return reject(
      Code.ERROR_VALIDATING_REQUEST,
      `Error validating request.-'bW' : cause - Invalid action '${req.action}'`,
    );
  }
  const typeText = req.orderType.toUpperCase();
  const orderType: OrderType | undefined =
    typeText === 'MKT' ? 'MKT' : typeText === 'LMT' ? 'LMT' : undefined;
  if (!orderType)
    return reject(Code.UNSUPPORTED_ORDER_TYPE, 'Unsupported order type for this exchange and security type.');
  if (orderType === 'LMT' && (req.lmtPrice === undefined || !(req.lmtPrice > 0))) {
    return reject(
      Code.ERROR_VALIDATING_REQUEST,
      "Error validating request.-'bP' : cause - Missing or invalid limit price",
    );
  }
  if (req.whatIf) {
    return reject(
      Code.ERROR_VALIDATING_REQUEST,
      "Error validating request.-'bX' : cause - What-if orders are not simulated",
    );
  }
  const tif = req.tif.toUpperCase() || 'DAY';
  return {
    ok: true,
    order: {
      action,
      orderType,
      totalQuantity: qty,
      lmtPrice: orderType === 'LMT' ? req.lmtPrice : undefined,
      tif,
    },
  };
}
