-- Add sorted-set members, keep only the `cap` highest scores (newest when scores are times) and
-- refresh the TTL, atomically.
-- KEYS[1] zset key
-- ARGV[1] TTL in ms (0 = none), ARGV[2] cap (0 = uncapped), ARGV[3..] score, JSON member pairs
return store_zadd(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), 3, #ARGV)
