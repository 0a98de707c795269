-- Admits one Alpha Vantage call if the rolling window allows it, atomically for every process.
-- KEYS[1]  sorted set of calls: member = JSON call id, score = epoch ms of the call
-- ARGV[1]  now in epoch ms, or '' to use the Redis server clock (one clock for every process)
-- ARGV[2]  window ms (60000)
-- ARGV[3]  admission limit: calls allowed in the window for this caller's priority
-- ARGV[4]  member to add when admitted
-- ARGV[5]  burst window ms (1000), ARGV[6] calls allowed in it (0 = no burst limit)
-- ARGV[7]  key TTL ms, ARGV[8] cap (members kept)
-- Returns { admitted 0|1, calls in the window after this decision, ms until a slot frees (0 if admitted), now }
local key = KEYS[1]
local now = tonumber(ARGV[1])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local burstWindow = tonumber(ARGV[5])
local burstLimit = tonumber(ARGV[6])

-- A call at exactly now - window is outside the window (any rolling window is (t - window, t]).
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local used = redis.call('ZCARD', key)
if used >= limit then
  if limit <= 0 then
    return { 0, used, window, now }
  end
  -- The slot frees when the call that is limit-th from the newest leaves the window.
  local e = redis.call('ZRANGE', key, used - limit, used - limit, 'WITHSCORES')
  local wait = window
  if e[2] ~= nil then wait = tonumber(e[2]) + window - now end
  return { 0, used, math.max(1, wait), now }
end
if burstLimit > 0 then
  local recent = redis.call('ZRANGEBYSCORE', key, '(' .. (now - burstWindow), '+inf', 'WITHSCORES')
  local n = #recent / 2
  if n >= burstLimit then
    local oldest = tonumber(recent[2 * (n - burstLimit) + 2])
    return { 0, used, math.max(1, oldest + burstWindow - now), now }
  end
end
redis.call('ZADD', key, now, ARGV[4])
local cap = tonumber(ARGV[8])
if cap ~= nil and cap > 0 then redis.call('ZREMRANGEBYRANK', key, 0, -(cap + 1)) end
redis.call('PEXPIRE', key, ARGV[7])
return { 1, used + 1, 0, now }
