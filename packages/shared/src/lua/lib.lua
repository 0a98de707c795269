-- Shared write steps of the store's scripts (prepended to each script when it is registered, so every
-- script applies the same TTL and cap rules). Values are read from ARGV[first..last]; a TTL of 0 keeps
-- none, a cap of 0 is uncapped. Long argument runs are sent in chunks well below Lua's unpack limit.
local CHUNK = 1000

local function call_chunked(cmd, key, first, last)
  local reply = 0
  for i = first, last, CHUNK do
    reply = redis.call(cmd, key, unpack(ARGV, i, math.min(i + CHUNK - 1, last)))
  end
  return reply
end

local function expire(key, ttl)
  if ttl > 0 then
    redis.call('PEXPIRE', key, ttl)
  end
end

local function store_set(key, json, ttl)
  if ttl > 0 then
    return redis.call('SET', key, json, 'PX', ttl)
  end
  return redis.call('SET', key, json)
end

-- LPUSH oldest first (the newest ends up at index 0), trim to the cap, refresh the TTL. Values the trim
-- would drop at once are not pushed. Returns the length.
local function store_push(key, ttl, cap, first, last)
  if cap > 0 and last - first + 1 > cap then
    first = last - cap + 1
  end
  local len = call_chunked('LPUSH', key, first, last)
  if cap > 0 and len > cap then
    redis.call('LTRIM', key, 0, cap - 1)
    len = cap
  end
  expire(key, ttl)
  return len
end

-- Field, JSON value pairs. Returns the number of new fields.
local function store_hset(key, ttl, first, last)
  local added = 0
  for i = first, last, 2 do
    added = added + redis.call('HSET', key, ARGV[i], ARGV[i + 1])
  end
  expire(key, ttl)
  return added
end

-- Score, JSON member pairs; keeps only the `cap` highest scores. Returns the number of new members.
local function store_zadd(key, ttl, cap, first, last)
  local added = 0
  for i = first, last, 2 do
    added = added + redis.call('ZADD', key, ARGV[i], ARGV[i + 1])
  end
  if cap > 0 then
    redis.call('ZREMRANGEBYRANK', key, 0, -(cap + 1))
  end
  expire(key, ttl)
  return added
end

-- Returns the number of new members.
local function store_sadd(key, ttl, first, last)
  local added = call_chunked('SADD', key, first, last)
  expire(key, ttl)
  return added
end

-- One entry, field 'v' holding the JSON value, trimmed to about the cap (MAXLEN ~). Returns the id.
local function store_xadd(key, ttl, cap, json)
  local id
  if cap > 0 then
    id = redis.call('XADD', key, 'MAXLEN', '~', cap, '*', 'v', json)
  else
    id = redis.call('XADD', key, '*', 'v', json)
  end
  expire(key, ttl)
  return id
end
