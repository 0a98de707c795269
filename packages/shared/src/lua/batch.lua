-- A store batch in one script call: one key per write in KEYS (in order), and per write in ARGV its
-- operation, its argument count and its arguments. Each write runs protected: a failing one (e.g. a key
-- of the wrong type) is reported and the others still apply. Under Redis Cluster the caller sends one
-- call per hash slot, so every key of a call lives in the same slot.
-- Returns the failures as a flat list: index of the write (0-based), error message, ...
local function apply(op, key, first, last)
  if op == 'set' then
    store_set(key, ARGV[first], tonumber(ARGV[first + 1]))
  elseif op == 'push' then
    store_push(key, tonumber(ARGV[first]), tonumber(ARGV[first + 1]), first + 2, last)
  elseif op == 'xadd' then
    store_xadd(key, tonumber(ARGV[first]), tonumber(ARGV[first + 1]), ARGV[first + 2])
  elseif op == 'hset' then
    store_hset(key, tonumber(ARGV[first]), first + 1, last)
  elseif op == 'zadd' then
    store_zadd(key, tonumber(ARGV[first]), tonumber(ARGV[first + 1]), first + 2, last)
  elseif op == 'sadd' then
    store_sadd(key, tonumber(ARGV[first]), first + 1, last)
  elseif op == 'del' then
    redis.call('DEL', key)
  elseif op == 'hdel' or op == 'zrem' or op == 'srem' then
    call_chunked(string.upper(op), key, first, last)
  else
    error('unknown batch operation ' .. tostring(op))
  end
end

local failures = {}
local n = 1
for k = 1, #KEYS do
  local first = n + 2
  local last = n + 1 + tonumber(ARGV[n + 1])
  -- pcall with arguments (no closure per write): a failing write is reported, the others apply.
  local ok, err = pcall(apply, ARGV[n], KEYS[k], first, last)
  n = last + 1
  if not ok then
    failures[#failures + 1] = k - 1
    failures[#failures + 1] = type(err) == 'table' and tostring(err.err) or tostring(err)
  end
end
return failures
