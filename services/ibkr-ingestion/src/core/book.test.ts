import { describe, expect, it } from 'vitest';
import { DepthBook } from './book';

const INSERT = 0;
const UPDATE = 1;
const DELETE = 2;
const ASK = 0;
const BID = 1;

function book(rows = 10): DepthBook {
  const b = new DepthBook(rows);
  b.apply(0, 'ARCA', INSERT, BID, 100.0, 200);
  b.apply(1, 'NSDQ', INSERT, BID, 99.99, 300);
  b.apply(0, 'BATS', INSERT, ASK, 100.01, 100);
  b.apply(1, 'IEX', INSERT, ASK, 100.02, 400);
  return b;
}

describe('DepthBook', () => {
  it('inserts shift rows down, updates replace in place, deletes shift rows up', () => {
    const b = book();
    expect(b.apply(0, 'EDGX', INSERT, BID, 100.0, 50).ok).toBe(true);
    expect(b.bids.map((l) => l.price)).toEqual([100.0, 100.0, 99.99]);
    expect(b.apply(1, 'ARCA', UPDATE, BID, 100.0, 999).ok).toBe(true);
    expect(b.bids[1]).toEqual({ price: 100.0, size: 999, venue: 'ARCA' });
    const del = b.apply(0, '', DELETE, BID, 0, 0);
    expect(del).toEqual({
      ok: true,
      delta: {
        position: 0,
        operation: 'delete',
        side: 'bid',
        price: 100.0,
        size: 50,
        venue: 'EDGX',
        sourceTs: 0,
      },
    });
    expect(b.bids.map((l) => l.size)).toEqual([999, 300]);
  });

  it('reports the applied delta with side names, receipt time and a null venue when none is given', () => {
    const b = new DepthBook(5);
    expect(b.apply(0, undefined, INSERT, ASK, 10.5, 100, 1234)).toEqual({
      ok: true,
      delta: {
        position: 0,
        operation: 'insert',
        side: 'ask',
        price: 10.5,
        size: 100,
        venue: null,
        sourceTs: 1234,
      },
    });
    // Each applied row gets its own delta object (they are kept in the delta ring).
    const first = (b.apply(0, 'A', UPDATE, ASK, 10.4, 1) as { delta: object }).delta;
    const second = (b.apply(0, 'B', UPDATE, ASK, 10.3, 2) as { delta: object }).delta;
    expect(first).not.toBe(second);
    expect(first).toMatchObject({ price: 10.4 });
  });

  it('rejects non-positive prices and sizes; a refused insert asks for a resync, a refused update does not', () => {
    const b = book();
    expect(b.apply(0, 'X', INSERT, BID, 0, 100)).toEqual({
      ok: false,
      reason: 'non_positive_price',
      resync: true,
    });
    expect(b.apply(0, 'X', UPDATE, BID, 100, -5)).toEqual({
      ok: false,
      reason: 'non_positive_size',
      resync: false,
    });
    expect(b.apply(0, 'X', UPDATE, BID, Number.NaN, 5)).toEqual({
      ok: false,
      reason: 'non_finite',
      resync: false,
    });
    expect(b.bids[0]).toEqual({ price: 100.0, size: 200, venue: 'ARCA' });
  });

  it('rejects rows that do not exist and unknown operations or sides', () => {
    const b = book();
    expect(b.apply(5, 'X', UPDATE, BID, 99, 1)).toMatchObject({
      ok: false,
      reason: 'bad_depth_position',
      resync: true,
    });
    expect(b.apply(2, 'X', DELETE, ASK, 0, 0)).toMatchObject({ ok: false, reason: 'bad_depth_position' });
    expect(b.apply(4, 'X', INSERT, ASK, 101, 1)).toMatchObject({ ok: false, reason: 'bad_depth_position' });
    expect(b.apply(-1, 'X', INSERT, ASK, 101, 1)).toMatchObject({ ok: false, reason: 'bad_depth_position' });
    expect(b.apply(0, 'X', 7, ASK, 101, 1)).toMatchObject({ ok: false, reason: 'bad_depth_operation' });
    expect(b.apply(0, 'X', UPDATE, 3, 101, 1)).toMatchObject({ ok: false, reason: 'bad_depth_operation' });
  });

  it('flags crossed, locked and misordered books for publication, and publishes only the requested rows', () => {
    const b = book(2);
    expect(b.problem()).toBeNull();
    b.apply(0, 'X', INSERT, BID, 100.01, 10);
    expect(b.problem()).toBe('locked_book');
    b.apply(0, 'X', UPDATE, BID, 100.05, 10);
    expect(b.problem()).toBe('crossed_book');
    b.apply(0, '', DELETE, BID, 0, 0);
    expect(b.problem()).toBeNull();
    b.apply(1, 'X', UPDATE, ASK, 100.0, 10);
    expect(b.problem()).toBe('misordered_book');
    b.apply(0, 'X', UPDATE, ASK, 99.99, 10);
    expect(b.problem()).toBe('crossed_book');
    const c = new DepthBook(3);
    c.apply(0, 'A', INSERT, BID, 99, 1);
    c.apply(1, 'B', INSERT, BID, 99.5, 1);
    expect(c.problem()).toBe('misordered_book');
  });

  it('tolerates the transient row below the requested depth that TWS inserts before deleting it', () => {
    const b = new DepthBook(2);
    b.apply(0, 'A', INSERT, BID, 100, 1);
    b.apply(1, 'B', INSERT, BID, 99, 1);
    expect(b.apply(0, 'C', INSERT, BID, 101, 1).ok).toBe(true);
    expect(b.apply(2, '', DELETE, BID, 0, 0).ok).toBe(true);
    expect(b.visible('bid').map((l) => l.price)).toEqual([101, 100]);
  });

  it('returns copies of the visible rows', () => {
    const b = book();
    const rows = b.visible('ask');
    rows[0]!.size = 1;
    expect(b.asks[0]!.size).toBe(100);
    b.clear();
    expect(b.empty).toBe(true);
  });
});
