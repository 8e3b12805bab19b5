-- KEYS: expiry zset. ARGV: now, batch size, key prefix.
-- Drops up to a batch of sessions whose expiresAt <= now (by Keycard's clock); returns how many.
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, sid in ipairs(ids) do
  local key = session_key(ARGV[3], sid)
  local uid = redis.call('HGET', key, 'userId')
  if uid then
    redis.call('SREM', user_key(ARGV[3], uid), sid)
  end
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[1], sid)
end
return #ids
