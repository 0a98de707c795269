-- Claims one fetch of a data type for this process unless the data is still fresh or another process
-- claimed it moments ago ("only stale data is fetched", also across processes).
-- KEYS[1]  freshness hash (field = type:subject, value = {"lastSuccess":ms|null,"lastAttempt":ms,"ok":bool})
-- ARGV[1]  field
-- ARGV[2]  now (epoch ms)
-- ARGV[3]  fresh for (ms): a success younger than this means no call is needed
-- ARGV[4]  claim hold (ms): an attempt younger than this belongs to another process
-- ARGV[5]  key TTL ms
-- Returns 1 when claimed, 0 when fresh, -1 when claimed elsewhere.
local now = tonumber(ARGV[2])
local lastSuccess = nil
local ok = false
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur then
  local decoded, v = pcall(cjson.decode, cur)
  if decoded and type(v) == 'table' then
    if type(v['lastSuccess']) == 'number' then lastSuccess = v['lastSuccess'] end
    if type(v['ok']) == 'boolean' then ok = v['ok'] end
    if lastSuccess ~= nil and now >= lastSuccess and now - lastSuccess < tonumber(ARGV[3]) then
      return 0
    end
    local attempt = v['lastAttempt']
    if type(attempt) == 'number' and now >= attempt and now - attempt < tonumber(ARGV[4]) then
      return -1
    end
  end
end
local ls = 'null'
if lastSuccess ~= nil then ls = string.format('%d', lastSuccess) end
local value = '{"lastSuccess":' .. ls .. ',"lastAttempt":' .. string.format('%d', now) .. ',"ok":' .. tostring(ok) .. '}'
redis.call('HSET', KEYS[1], ARGV[1], value)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
