-- KEYS: user set. ARGV: key prefix. Revokes every session of the user; returns how many were live.
-- Ids whose record has expired are dropped from the set on the way.
local n = 0
for _, sid in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = session_key(ARGV[1], sid)
  local revoked = redis.call('HGET', key, 'revoked')
  if not revoked then
    redis.call('SREM', KEYS[1], sid)
  elseif revoked == '0' then
    redis.call('HSET', key, 'revoked', '1')
    n = n + 1
  end
end
return n
