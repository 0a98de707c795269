-- Count one rejected value for a key family in the monitoring hash: read-modify-write of the field's
-- JSON {count, lastReason, lastKey, ts} must be atomic because every service reports into it.
-- KEYS[1] monitoring hash (monitoring:data:invalid)
-- ARGV[1] field (key family), ARGV[2] reason, ARGV[3] offending key, ARGV[4] time (epoch ms)
local raw = redis.call('HGET', KEYS[1], ARGV[1])
local count = 0
if raw then
  local ok, previous = pcall(cjson.decode, raw)
  if ok and type(previous) == 'table' and type(previous.count) == 'number' and previous.count >= 0 then
    count = math.floor(previous.count)
  end
end
count = count + 1
-- Built by hand so the epoch-ms time and the count are written as plain integers.
local json = '{"count":' .. string.format('%d', count)
  .. ',"lastReason":' .. cjson.encode(ARGV[2])
  .. ',"lastKey":' .. cjson.encode(ARGV[3])
  .. ',"ts":' .. string.format('%d', tonumber(ARGV[4])) .. '}'
redis.call('HSET', KEYS[1], ARGV[1], json)
return count
